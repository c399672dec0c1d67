import { cycleCardCounts } from '../../../store/aid/cycleCards.ts';
import { defineRoute } from '../../route.ts';
import { CycleCardsView, IdParam } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles/:id/cards',
  summary:
    'A generated cycle and its cards: the households of your governorates entitled in it, how many hold a valid card and how many none (counts only)',
  tags: ['aid'],
  params: IdParam,
  response: CycleCardsView,
  handler: async ({ params, actor, store }) => cycleCardCounts(store.pool, actor, params.id),
});
