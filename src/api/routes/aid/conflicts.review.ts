import { reviewConflict } from '../../../store/aid/reviewConflict.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, ReviewInput, ReviewView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/redemptions/:id/review',
  summary:
    'Review a conflict, with a reason: a confirmed duplicate (goods to recover), accepted (both were due), or it stands instead of the one that stood; logged with the reason',
  tags: ['aid'],
  params: IdParam,
  body: ReviewInput,
  response: ReviewView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({ status: 200, body: await reviewConflict(ctx, params.id, body.decision, body.reason) })),
});
