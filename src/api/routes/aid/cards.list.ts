import { listCards } from '../../../store/aid/listCards.ts';
import { defineRoute } from '../../route.ts';
import { CardListQuery, CardListView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cards',
  summary:
    "Your organisation's household cards in your governorates, newest first (100 a page; `before` is the last page's `next`): valid or revoked, of one household, or of the households in one cycle. No personal data",
  tags: ['aid'],
  query: CardListQuery,
  response: CardListView,
  handler: async ({ query, actor, store }) =>
    listCards(store.pool, actor, {
      limit: 100,
      ...(query.status ? { status: query.status } : {}),
      ...(query.household ? { householdId: query.household } : {}),
      ...(query.cycle ? { cycleId: query.cycle } : {}),
      ...(query.before !== undefined ? { before: query.before } : {}),
    }),
});
