import { reachByCycle } from '../../../store/stats/reach.ts';
import { readerOf } from '../../../store/open.ts';
import { defineRoute } from '../../route.ts';
import { ReachQuery, ReachSummary } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/stats/reach',
  summary: 'People and households reached by aid per cycle, latest first, in your governorates (counts only)',
  tags: ['stats'],
  query: ReachQuery,
  response: ReachSummary,
  handler: async ({ query, actor, store }) => ({ cycles: await reachByCycle(readerOf(store), actor, query.limit) }),
});
