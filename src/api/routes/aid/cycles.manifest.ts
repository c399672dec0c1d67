import { z } from 'zod';
import { manifest } from '../../../store/aid/manifest.ts';
import { defineRoute } from '../../route.ts';
import { IdParam } from './schema.ts';

export default defineRoute({
  method: 'GET', url: '/api/v1/aid/cycles/:id/manifest', summary: 'What a distribution point needs offline: its entitlements (no personal data), card keys, revoked cards', tags: ['aid'],
  params: IdParam, query: z.object({ point: z.string().uuid() }),
  response: z.object({
    cycle: z.object({ id: z.string(), number: z.number(), programmeId: z.string(), cutoffDate: z.string(), status: z.string() }),
    point: z.object({ id: z.string(), name: z.string() }),
    generatedAt: z.string(),
    keys: z.array(z.object({ id: z.string(), publicKey: z.string() })),
    revokedSerials: z.array(z.object({ serial: z.number(), revokedAt: z.string() })),
    items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), unit: z.string() })),
    entitlements: z.array(z.object({ id: z.string(), householdId: z.string(), itemId: z.string(), quantity: z.number(), redeemed: z.boolean() })),
  }),
  handler: async ({ params, query, actor, store }) => manifest(store.pool, actor, params.id, query.point),
});
