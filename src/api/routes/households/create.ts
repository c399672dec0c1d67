import { assertOwnGovernorate } from '../../../access/scope.ts';
import { checkDay } from '../../../registry/day.ts';
import { assertMemberList } from '../../../registry/household.ts';
import { createHousehold } from '../../../store/registry/households/createHousehold.ts';
import { defineRoute } from '../../route.ts';
import { HouseholdInput, HouseholdView } from './schema.ts';
import { householdAnswer } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households',
  summary: 'Register a household with its members and their relationship to the head',
  tags: ['households'],
  body: HouseholdInput,
  response: HouseholdView,
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, store, write }) => {
    assertOwnGovernorate(actor, body.governorate);
    const date = checkDay(body.date);
    assertMemberList(body.members);
    const household = { governorate: body.governorate, recordId: body.recordId ?? null, date, members: body.members };
    const w = await write(async (ctx) => ({ status: 201, body: await createHousehold(ctx, household) }));
    return householdAnswer(store, actor, w, date);
  },
});
