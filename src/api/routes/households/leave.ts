import { checkDay } from '../../../registry/day.ts';
import { leaveHousehold } from '../../../store/registry/households/leaveHousehold.ts';
import { defineRoute } from '../../route.ts';
import { HouseholdView, Leave, MemberParams } from './schema.ts';
import { householdAnswer } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/members/:personId/leave',
  summary: 'A member leaves the household on a date (the head cannot leave: change the head first)',
  tags: ['households'],
  params: MemberParams,
  body: Leave,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, write }) => {
    const date = checkDay(body.date);
    const w = await write(async (ctx) => ({ status: 200, body: await leaveHousehold(ctx, params.id, params.personId, date, body.reason) }));
    return householdAnswer(store, actor, w, date);
  },
});
