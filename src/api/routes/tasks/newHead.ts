import { checkDay } from '../../../registry/day.ts';
import { resolveNewHead } from '../../../store/tasks/closeTask.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { NewHeadInput, TaskView } from '../lifeEvents/schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/tasks/:id/new-head',
  summary:
    'Act on a "new head" task: the person chosen becomes the head and the head who died leaves the household on the date; ' +
    'the household keeps its cards and open entitlements',
  tags: ['life events'],
  params: IdParams,
  body: NewHeadInput,
  response: TaskView,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    const date = checkDay(body.date);
    return write(async (ctx) => ({ status: 200, body: await resolveNewHead(ctx, params.id, { personId: body.personId, date }) }));
  },
});
