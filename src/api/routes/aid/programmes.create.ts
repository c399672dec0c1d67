import { createProgramme } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { ProgrammeInput, ProgrammeView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/programmes',
  summary: 'Create a programme with its eligibility and quantity rules (data, see src/aid/rules.ts)',
  tags: ['aid'],
  body: ProgrammeInput,
  response: ProgrammeView,
  status: 201,
  idempotent: true,
  handler: async ({ body, created }) => created((ctx) => createProgramme(ctx, body)),
});
