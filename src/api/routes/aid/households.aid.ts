import { householdAid } from '../../../store/aid/householdAid.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { HouseholdAidView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/households/:id/aid',
  summary: "A household's cards (issued, revoked) and its entitlements in each cycle, received or not",
  tags: ['aid'],
  params: IdParams,
  response: HouseholdAidView,
  handler: async ({ params, actor, store }) => householdAid(store.pool, actor, params.id),
});
