import { listTasks } from '../../../store/tasks/listTasks.ts';
import { defineRoute } from '../../route.ts';
import { TaskList } from '../lifeEvents/schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/tasks',
  summary: 'The open tasks of households in your governorates, the most urgent first (the names shown are logged)',
  tags: ['life events'],
  response: TaskList,
  handler: async ({ actor, store }) => ({ items: await listTasks(store.pool, actor) }),
});
