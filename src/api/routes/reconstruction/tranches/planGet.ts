import { planView } from '../../../../store/reconstruction/tranches/planRow.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { PlanView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/cases/:id/plan',
  summary: "A case's grant plan: tranches (paid, ready or waiting and why), inspections, shelter cash and the materials quota; no names",
  tags: ['reconstruction'],
  params: IdParams,
  response: PlanView,
  handler: async ({ params, actor, store }) => planView(store.pool, actor, params.id, new Date().toISOString().slice(0, 10)),
});
