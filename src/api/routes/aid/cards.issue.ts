import { issueCard } from '../../../store/aid/cards.ts';
import { defineRoute } from '../../route.ts';
import { CardInput, CardView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/cards',
  summary:
    'Issue a household card: a signed token (household id, key id, serial) for its QR code, no personal data, and the card number to print on it (serial and check digit)',
  tags: ['aid'],
  body: CardInput,
  response: CardView,
  status: 201,
  idempotent: true,
  handler: async ({ body, created, store }) => created((ctx) => issueCard(ctx, store.secretKey, body.householdId)),
});
