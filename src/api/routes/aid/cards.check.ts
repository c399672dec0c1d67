import { checkCard } from '../../../store/aid/cardCheck.ts';
import { defineRoute } from '../../route.ts';
import { CardCheckInput, CardCheckView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/cards/check',
  summary:
    "Before a hand-over, online: checks a card (the signed code or the printed number) and whether the entitlements the device's list gives its household are still open. Read-only. A card of another organisation answers 404. The card travels in the body, never in the URL.",
  tags: ['aid'],
  body: CardCheckInput,
  response: CardCheckView,
  handler: async ({ body, actor, store }) => checkCard(store.pool, actor, body),
});
