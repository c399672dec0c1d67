import { dismissTask } from '../../../store/tasks/closeTask.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DismissInput, TaskView } from '../lifeEvents/schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/tasks/:id/dismiss',
  summary: 'Close a task without acting on it, with the reason',
  tags: ['life events'],
  params: IdParams,
  body: DismissInput,
  response: TaskView,
  idempotent: true,
  handler: async ({ params, body, write }) => write(async (ctx) => ({ status: 200, body: await dismissTask(ctx, params.id, body.reason) })),
});
