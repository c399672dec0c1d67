import { allows } from '../../../shared/permissions.ts';
import { listReviews } from '../../../store/aid/listReviews.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, ReviewGroups, ReviewQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles/:id/reviews',
  summary:
    'Conflicts to review (state=open, the default) or all reviewed and open (state=all), each with every redemption of its entitlement side by side: point, officer, device time, sync time, why it was held; of points in your governorates',
  tags: ['aid'],
  params: IdParam,
  query: ReviewQuery,
  response: ReviewGroups,
  handler: async ({ params, query, actor, store }) => ({
    groups: await listReviews(store.pool, actor, params.id, {
      state: query.state,
      withReasons: allows('POST /api/v1/aid/redemptions/:id/review', actor.role),
    }),
  }),
});
