import { householdHistory } from '../../../store/registry/households/householdHistory.ts';
import { appendReadLog } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { HistoryQuery } from '../persons/schema.ts';
import { HouseholdHistoryList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/households/:id/history',
  summary:
    "A household's history, newest page first: who changed what, when (members, head, splits, merges, moves, vulnerabilities, cards, its members' status events). Auditors see which fields changed, not the values. The read is logged",
  tags: ['households'],
  params: IdParams,
  query: HistoryQuery.omit({ kind: true }),
  response: HouseholdHistoryList,
  handler: async ({ params, query, actor, store }) => {
    const page = await householdHistory(store.pool, actor, params.id, { before: query.before, limit: query.limit });
    await appendReadLog(store.pool, actor, { entity: 'household', entityId: params.id, action: 'read_history' });
    return page;
  },
});
