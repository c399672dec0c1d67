import { personHistory } from '../../../store/registry/personHistory.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { HistoryList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons/:id/history',
  summary: "A person's history: who changed what, when (and who read the full record)",
  tags: ['persons'],
  params: IdParams,
  response: HistoryList,
  handler: async ({ params, actor, store }) => ({ items: await personHistory(store.pool, actor, params.id) }),
});
