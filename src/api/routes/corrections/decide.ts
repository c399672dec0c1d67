import { decideCorrection } from '../../../store/tickets/changeRequests/decideCorrection.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { CorrectionView, DecisionInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/corrections/:id/decision',
  summary:
    'Approve a correction (applied once, as the person edit, the ticket named in the change log) or reject it with a reason; never your own, never a stale one',
  tags: ['tickets'],
  params: IdParams,
  body: DecisionInput,
  response: CorrectionView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({
      status: 200,
      body: await decideCorrection(ctx, params.id, { decision: body.decision, reason: body.reason ?? null }),
    })),
});
