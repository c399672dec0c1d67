import { assertKnownGovernorate } from '../../../access/scope.ts';
import { checkDay } from '../../../registry/day.ts';
import { recordDisplacement } from '../../../store/registry/households/recordDisplacement.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DisplacementInput, HouseholdView } from './schema.ts';
import { householdAnswer } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/displacements',
  summary: 'Record a move of the household: from where, to where (governorate, locality or site), when and why',
  tags: ['households'],
  params: IdParams,
  body: DisplacementInput,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, write }) => {
    const date = checkDay(body.date);
    if (body.fromGovernorate !== undefined) assertKnownGovernorate(body.fromGovernorate, 'fromGovernorate');
    if (body.toGovernorate !== undefined) assertKnownGovernorate(body.toGovernorate, 'toGovernorate');
    const w = await write(async (ctx) => ({ status: 200, body: await recordDisplacement(ctx, params.id, { ...body, date }) }));
    return householdAnswer(store, actor, w, date);
  },
});
