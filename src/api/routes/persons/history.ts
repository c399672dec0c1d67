import { personHistory } from '../../../store/registry/personHistory.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { HistoryList, HistoryQuery } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/persons/:id/history',
  summary:
    "A person's history: who changed what, when (and who read the full record), newest page first. Auditors see which fields changed, not the values. The read is logged",
  tags: ['persons'],
  params: IdParams,
  query: HistoryQuery,
  response: HistoryList,
  handler: async ({ params, query, actor, store }) =>
    personHistory(store.pool, actor, params.id, { before: query.before, limit: query.limit, changesOnly: query.kind === 'changes' }),
});
