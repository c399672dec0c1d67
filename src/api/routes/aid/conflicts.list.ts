import { z } from 'zod';
import { getCycle } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { IdParam } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles/:id/conflicts',
  summary: 'Redemptions flagged as conflicts (a second redemption of an entitlement, synced from offline devices)',
  tags: ['aid'],
  params: IdParam,
  response: z.object({
    conflicts: z.array(
      z.object({
        id: z.string(),
        entitlementId: z.string(),
        householdId: z.string(),
        standingId: z.string().nullable(),
        pointId: z.string().nullable(),
        deviceId: z.string().nullable(),
        redeemedAt: z.string(),
        review: z.string(),
        presented: z.enum(['qr', 'typed']).describe('how the card was shown: the signed code, or the typed card number'),
      }),
    ),
  }),
  handler: async ({ params, actor, store }) => {
    await getCycle(store.pool, actor, params.id);
    const r = await store.pool.query(
      `SELECT id, entitlement_id AS "entitlementId", household_id AS "householdId", conflict_of AS "standingId", point_id AS "pointId", device_id AS "deviceId", redeemed_at AS "redeemedAt", review, presented
       FROM redemption WHERE cycle_id = $1 AND status = 'conflict' ORDER BY received_at, id LIMIT 10000`,
      [params.id],
    );
    return { conflicts: r.rows.map((x) => ({ ...x, redeemedAt: (x.redeemedAt as Date).toISOString() })) };
  },
});
