import { buildingSummary } from '../../../store/reconstruction/listBuildings.ts';
import { defineRoute } from '../../route.ts';
import { BuildingSummary, SummaryQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/buildings/summary',
  summary: 'Buildings by latest remote damage class, per governorate and locality (counts of structures only)',
  tags: ['reconstruction'],
  query: SummaryQuery,
  response: BuildingSummary,
  handler: async ({ query, actor, store }) => ({ rows: await buildingSummary(store.pool, actor, query.governorate ?? null) }),
});
