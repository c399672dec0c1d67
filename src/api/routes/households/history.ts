import { householdHistory } from '../../../store/registry/households/householdHistory.ts';
import { appendLog } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { HouseholdHistoryList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/households/:id/history',
  summary:
    "A household's history: who changed what, when (members, head, splits, merges, moves, vulnerabilities, cards, its members' status events; the read is logged)",
  tags: ['households'],
  params: IdParams,
  response: HouseholdHistoryList,
  handler: async ({ params, actor, store }) => {
    const items = await householdHistory(store.pool, actor, params.id);
    await appendLog(store.pool, actor, { entity: 'household', entityId: params.id, action: 'read', after: { view: 'history' } });
    return { items };
  },
});
