import { POINT_HOUSEHOLDS_PAGE, pointHouseholds } from '../../../store/aid/pointHouseholds.ts';
import { appendReadLog } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, PointHouseholdsQuery, PointHouseholdsView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/points/:id/households',
  summary:
    "The households a distribution point serves in a cycle (assigned at generation: the site's point, else its governorate's), with the head's name and size, a page at a time (the read is logged)",
  tags: ['aid'],
  params: IdParam,
  query: PointHouseholdsQuery,
  response: PointHouseholdsView,
  handler: async ({ params, query, actor, store }) => {
    const out = await pointHouseholds(store.pool, actor, params.id, query.cycle, query.offset ?? 0);
    await appendReadLog(store.pool, actor, {
      entity: 'distribution_point',
      entityId: out.point.id,
      action: 'read',
      after: { cycleId: out.cycleId, ids: out.households.map((h) => h.householdId) },
    });
    return { ...out, pageSize: POINT_HOUSEHOLDS_PAGE };
  },
});
