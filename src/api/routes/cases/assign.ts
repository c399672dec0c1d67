import { assignCase } from '../../../store/cases/actOnCase.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { AssignInput, CaseView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/cases/:id/assign',
  summary: 'Assign or transfer the case to a caseworker whose governorates include the case’s',
  tags: ['cases'],
  params: IdParams,
  body: AssignInput,
  response: CaseView,
  idempotent: true,
  handler: async ({ params, body, write }) => write(async (ctx) => ({ status: 200, body: await assignCase(ctx, params.id, body.userId) })),
});
