import { officerCheck } from '../../../../store/reconstruction/claims/officerCheck.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { CaseView, CheckInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/cases/:id/check',
  summary: "A claims officer's check of a joint case: verified (to the committee) or to inspection; the evidence is recomputed first",
  tags: ['reconstruction'],
  params: IdParams,
  body: CheckInput,
  response: CaseView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({ status: 200, body: await officerCheck(ctx, params.id, body.step, body.note ?? null) })),
});
