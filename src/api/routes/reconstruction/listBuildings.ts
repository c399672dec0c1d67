import { listBuildings } from '../../../store/reconstruction/listBuildings.ts';
import { defineRoute } from '../../route.ts';
import { BuildingList, BuildingListQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/buildings',
  summary: "A governorate's buildings (optionally one locality or one damage class), each with its latest remote damage class",
  tags: ['reconstruction'],
  query: BuildingListQuery,
  response: BuildingList,
  handler: async ({ query, actor, store }) =>
    listBuildings(store.pool, actor, {
      governorate: query.governorate,
      localityId: query.localityId ?? null,
      damageClass: query.damageClass ?? null,
      limit: query.limit,
      offset: query.offset,
    }),
});
