import { getCycle } from '../../../store/aid/catalogue.ts';
import { entitlementTotals } from '../../../store/aid/generate.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, CycleDetail } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles/:id',
  summary: 'A cycle with its entitlement totals per item and governorate (governorate null: all)',
  tags: ['aid'],
  params: IdParam,
  response: CycleDetail,
  handler: async ({ params, actor, store }) => ({
    cycle: await getCycle(store.pool, actor, params.id),
    totals: await entitlementTotals(store.pool, actor, params.id),
  }),
});
