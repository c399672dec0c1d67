import { listPlans } from '../../../../store/reconstruction/tranches/listPlans.ts';
import { defineRoute } from '../../../route.ts';
import { PlanList, PlansQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/plans',
  summary: "The grant plans in the reader's governorates, newest first: code, stream, grant, paid and the next stage to inspect; no names",
  tags: ['reconstruction'],
  query: PlansQuery,
  response: PlanList,
  handler: async ({ query, actor, store }) => ({ items: await listPlans(store.pool, actor, query.limit) }),
});
