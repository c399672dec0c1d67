import { reprintCard } from '../../../store/aid/reprintCard.ts';
import { defineRoute } from '../../route.ts';
import { CardView, SerialParam } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/cards/:serial/reprint',
  summary:
    'Reprint a card in one write: a new card for the same household (token and number, as issuing) and this one revoked as replaced; 404 when it is unknown or already revoked',
  tags: ['aid'],
  params: SerialParam,
  response: CardView,
  status: 201,
  idempotent: true,
  handler: async ({ params, created, store }) => created((ctx) => reprintCard(ctx, store.secretKey, params.serial)),
});
