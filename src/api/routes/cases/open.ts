import { openCase } from '../../../store/cases/openCase.ts';
import { defineRoute } from '../../route.ts';
import { CaseInput, CaseView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/cases',
  summary: 'Open a case for a person, assigned to you, with the consent recorded',
  tags: ['cases'],
  body: CaseInput,
  response: CaseView,
  status: 201,
  idempotent: true,
  handler: async ({ body, write }) =>
    write(async (ctx) => ({
      status: 201,
      body: await openCase(ctx, { type: body.type, personId: body.personId, consent: body.consent, note: body.note ?? null }),
    })),
});
