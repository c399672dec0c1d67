// Counts per governorate for the dashboard: people (and of them female and male) and households of
// the actor's organisation, in the governorates the actor works in. Counts only, no personal data.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';

export type GovernorateCount = { governorate: string; people: number; female: number; male: number; households: number };

export async function countByGovernorate(
  db: pg.Pool | pg.PoolClient,
  actor: Pick<Actor, 'orgId' | 'governorates'>,
): Promise<GovernorateCount[]> {
  const r = await db.query<GovernorateCount>(
    `SELECT g.pcode AS governorate,
            (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode)::int AS people,
            (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode AND p.sex = 'female')::int AS female,
            (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode AND p.sex = 'male')::int AS male,
            (SELECT count(*) FROM household h WHERE h.org_id = $1 AND h.governorate = g.pcode)::int AS households
       FROM governorate g WHERE g.pcode = ANY($2::text[]) ORDER BY g.pcode`,
    [actor.orgId, actor.governorates],
  );
  return r.rows;
}
