import { reviewConflict } from '../../../store/aid/reviewConflict.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, ReviewInput, ReviewView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/redemptions/:id/review',
  summary: 'Review a conflict: a confirmed duplicate (goods to recover) or accepted (both were due); the standing one is unchanged',
  tags: ['aid'],
  params: IdParam,
  body: ReviewInput,
  response: ReviewView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({ status: 200, body: await reviewConflict(ctx, params.id, body.decision) })),
});
