import { createPlan } from '../../../../store/reconstruction/tranches/createPlan.ts';
import { planView } from '../../../../store/reconstruction/tranches/planRow.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { PlanView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/cases/:id/plan',
  summary:
    'Opens the grant plan of an approved case: its stream, tranches from the grant it was approved with (each released after an inspection of its stage), a code for vendors, and transitional shelter cash while the unit is uninhabitable; one plan per unit',
  tags: ['reconstruction'],
  params: IdParams,
  response: PlanView,
  status: 201,
  idempotent: true,
  handler: async ({ params, created }) =>
    created(async (ctx) => {
      await createPlan(ctx, params.id);
      return planView(ctx.client, ctx.actor, params.id, new Date().toISOString().slice(0, 10));
    }),
});
