import { reopenCase } from '../../../store/cases/actOnCase.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { CaseView, ReopenInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/cases/:id/reopen',
  summary: 'Reopen a closed case into services, with the reason',
  tags: ['cases'],
  params: IdParams,
  body: ReopenInput,
  response: CaseView,
  idempotent: true,
  handler: async ({ params, body, write }) => write(async (ctx) => ({ status: 200, body: await reopenCase(ctx, params.id, body.reason) })),
});
