import { readBuilding } from '../../../store/reconstruction/readBuilding.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { BuildingFileView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/buildings/:id',
  summary: 'A building with its housing units and its remote damage assessments over time',
  tags: ['reconstruction'],
  params: IdParams,
  response: BuildingFileView,
  handler: async ({ params, actor, store }) => readBuilding(store.pool, actor, params.id),
});
