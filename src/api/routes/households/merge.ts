import { checkDay } from '../../../registry/day.ts';
import { checkMerge } from '../../../registry/household.ts';
import { mergeHouseholds } from '../../../store/registry/households/mergeHouseholds.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { HouseholdView, Merge } from './schema.ts';
import { householdAnswer } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/merge',
  summary: 'Merge: every current member of another household joins this one from a date',
  tags: ['households'],
  params: IdParams,
  body: Merge,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, write }) => {
    const date = checkDay(body.date);
    checkMerge(params.id, body.otherId, body.relationship);
    const w = await write(async (ctx) => ({ status: 200, body: await mergeHouseholds(ctx, params.id, { ...body, date }) }));
    return householdAnswer(store, actor, w, date);
  },
});
