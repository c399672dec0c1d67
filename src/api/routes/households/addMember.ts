import { checkDay } from '../../../registry/day.ts';
import { addMember } from '../../../store/registry/households/addMember.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { AddMember, HouseholdView } from './schema.ts';
import { householdAnswer } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/members',
  summary: 'Add a member (with move: true, they leave their current household on the same date)',
  tags: ['households'],
  params: IdParams,
  body: AddMember,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, write }) => {
    const date = checkDay(body.date);
    const w = await write(async (ctx) => ({ status: 200, body: await addMember(ctx, params.id, { ...body, date }) }));
    return householdAnswer(store, actor, w, date);
  },
});
