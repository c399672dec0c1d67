import { checkDay } from '../../../registry/day.ts';
import { changeHead } from '../../../store/registry/households/changeHead.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { ChangeHead, HouseholdView } from './schema.ts';
import { householdAnswer } from './view.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/households/:id/head',
  summary: 'Change the head of household; the previous head stays (with a new relationship) or leaves',
  tags: ['households'],
  params: IdParams,
  body: ChangeHead,
  response: HouseholdView,
  idempotent: true,
  handler: async ({ params, body, actor, store, write }) => {
    const date = checkDay(body.date);
    const w = await write(async (ctx) => ({ status: 200, body: await changeHead(ctx, params.id, { ...body, date }) }));
    return householdAnswer(store, actor, w, date);
  },
});
