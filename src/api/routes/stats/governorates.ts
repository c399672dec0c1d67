import { z } from 'zod';
import { defineRoute } from '../../route.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/stats/governorates',
  summary: 'Aggregates per governorate for your organisation: people by sex, households (no personal data)',
  tags: ['stats'],
  response: z.object({
    items: z.array(z.object({ governorate: z.string(), people: z.number(), female: z.number(), male: z.number(), households: z.number() })),
  }),
  handler: async ({ actor, store }) => {
    const r = await store.pool.query<{ governorate: string; people: number; female: number; male: number; households: number }>(
      `SELECT g.pcode AS governorate,
              (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode)::int AS people,
              (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode AND p.sex = 'female')::int AS female,
              (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode AND p.sex = 'male')::int AS male,
              (SELECT count(*) FROM household h WHERE h.org_id = $1 AND h.governorate = g.pcode)::int AS households
         FROM governorate g WHERE g.pcode = ANY($2::text[]) ORDER BY g.pcode`,
      [actor.orgId, actor.governorates],
    );
    return { items: r.rows };
  },
});
