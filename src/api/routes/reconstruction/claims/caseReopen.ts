import { reopenCase } from '../../../../store/reconstruction/claims/reopenCase.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { CaseView, ReopenInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/cases/:id/reopen',
  summary:
    'A committee member reopens a rejected joint case for review, with a reason (a grievance upheld, new evidence): back to inspection for a claims officer, then decided by a member who did not decide it before. 409 claim_case_not_rejected, claim_unit_has_open_case',
  tags: ['reconstruction'],
  params: IdParams,
  body: ReopenInput,
  response: CaseView,
  idempotent: true,
  handler: async ({ params, body, write }) => write(async (ctx) => ({ status: 200, body: await reopenCase(ctx, params.id, body.reason) })),
});
