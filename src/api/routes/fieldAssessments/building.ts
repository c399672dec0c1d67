import { buildingFieldAssessments } from '../../../store/reconstruction/buildingFieldAssessments.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { BuildingAssessmentsView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/buildings/:id/field-assessments',
  summary:
    "A building's assessments side by side: every field assessment (class, habitability, bill of quantities, photos, assessor, day) and every remote one (class, date of imagery); neither replaces the other",
  tags: ['reconstruction'],
  params: IdParams,
  response: BuildingAssessmentsView,
  handler: async ({ params, actor, store }) => ({
    buildingId: params.id.toLowerCase(),
    ...(await buildingFieldAssessments(store.pool, actor, params.id)),
  }),
});
