import { checkDay } from '../../../registry/day.ts';
import { readHousehold } from '../../../store/registry/households/readHousehold.ts';
import { appendReadLog } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { HouseholdView, OnQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/households/:id',
  summary: 'A household as of a date: members, current location, displacement, vulnerabilities (the read is logged)',
  tags: ['households'],
  params: IdParams,
  query: OnQuery,
  response: HouseholdView,
  handler: async ({ params, query, actor, store }) => {
    const h = await readHousehold(store.pool, actor, params.id, checkDay(query.on, 'on'));
    await appendReadLog(store.pool, actor, { entity: 'household', entityId: h.id, action: 'read' });
    return h;
  },
});
