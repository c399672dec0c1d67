import { getTask } from '../../../store/tasks/taskRow.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { TaskView } from '../lifeEvents/schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/tasks/:id',
  summary: 'One task, open or closed',
  tags: ['life events'],
  params: IdParams,
  response: TaskView,
  handler: async ({ params, actor, store }) => getTask(store.pool, actor, params.id),
});
