import { assertKnownGovernorate } from '../../../access/scope.ts';
import { checkDay } from '../../../registry/day.ts';
import { assertMemberList } from '../../../registry/household.ts';
import { splitHousehold } from '../../../store/registry/households/splitHousehold.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { HouseholdView, Split } from './schema.ts';
import { householdAnswer } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/split',
  summary:
    'Split: some current members form a new household from a date (the answer is the original household; the new id is in its history)',
  tags: ['households'],
  params: IdParams,
  body: Split,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, write }) => {
    const date = checkDay(body.date);
    if (body.governorate !== undefined) assertKnownGovernorate(body.governorate);
    assertMemberList(body.members);
    const w = await write(async (ctx) => ({ status: 200, body: await splitHousehold(ctx, params.id, { ...body, date }) }));
    return householdAnswer(store, actor, w, date);
  },
});
