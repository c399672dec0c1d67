import { issueCycleCards } from '../../../store/aid/cycleCards.ts';
import { defineRoute } from '../../route.ts';
import { CycleCardsInput, CycleCardsIssued, IdParam } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/cycles/:id/cards',
  summary:
    'Issue cards for a generated cycle, a batch at a time: a card (as POST /api/v1/aid/cards) to at most `limit` households of your governorates entitled in it that hold no valid card, in the order of their distribution point; answers the counts after the batch. Call again until `withoutCard` is 0: a household that got a card gets no second one (the cycle is locked while a batch runs), so the operation is idempotent',
  tags: ['aid'],
  params: IdParam,
  body: CycleCardsInput,
  response: CycleCardsIssued,
  idempotent: true,
  handler: async ({ params, body, store, write }) =>
    write(async (ctx) => ({ status: 200, body: await issueCycleCards(ctx, store.secretKey, params.id, body.limit) })),
});
