import { revokeCard } from '../../../store/aid/cards.ts';
import { defineRoute } from '../../route.ts';
import { Revoke, SerialParam, RevokeView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/cards/:serial/revoke',
  summary: 'Revoke a card (lost, stolen, replaced): refused from then on, online and on devices after their next download',
  tags: ['aid'],
  params: SerialParam,
  body: Revoke,
  response: RevokeView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({
      status: 200,
      body: await revokeCard(ctx, params.serial, body.reason),
    })),
});
