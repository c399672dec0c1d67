import { unitOccupancy } from '../../../store/reconstruction/unitOccupancy.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { OccupancyList, OccupancyQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/units/:id/occupancy',
  summary: 'Who lived in a housing unit: every period, or those on one day (the read is logged)',
  tags: ['reconstruction'],
  params: IdParams,
  query: OccupancyQuery,
  response: OccupancyList,
  rateLimit: { max: 600, timeWindow: '1 minute', per: 'credential' },
  handler: async ({ params, query, actor, store }) => ({ items: await unitOccupancy(store.pool, actor, params.id, query.on ?? null) }),
});
