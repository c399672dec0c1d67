import { capacityReport } from '../../../store/sites/capacity.ts';
import { defineRoute } from '../../route.ts';
import { CapacityQuery, CapacityReport } from './schema.ts';
import { checkDay } from '../../../registry/day.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/sites/capacity',
  summary:
    'Occupancy from the registry against Sphere (2018) standards: capacity, over-capacity and shortfalls per site and per governorate',
  tags: ['sites'],
  query: CapacityQuery,
  response: CapacityReport,
  handler: async ({ query, actor, store }) =>
    capacityReport(store.pool, actor, { governorate: query.governorate, on: checkDay(query.on, 'on', { future: true }) }),
});
