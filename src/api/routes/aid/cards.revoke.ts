import { z } from 'zod';
import { revokeCard } from '../../../store/aid/cards.ts';
import { defineRoute } from '../../route.ts';
import { Revoke, SerialParam } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/cards/:serial/revoke',
  summary: 'Revoke a card (lost, stolen, replaced): refused from then on, online and on devices after their next download',
  tags: ['aid'],
  params: SerialParam,
  body: Revoke,
  response: z.object({ serial: z.number(), revokedAt: z.string() }),
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => ({
      status: 200,
      body: await revokeCard(ctx, params.serial, body.reason),
    })),
});
