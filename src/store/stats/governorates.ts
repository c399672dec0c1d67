// Counts per governorate for the dashboard: people (and of them female and male) and households of
// the actor's organisation, in the governorates the actor works in. Counts only, no personal data;
// for the roles that see only aggregates, counts of 1 to 4 withheld (src/shared/disclosure.ts).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { seesOnlyAggregates, tableBuilder } from '../../shared/disclosure.ts';

type Counted = { governorate: string; people: number; female: number; male: number; households: number };
export type GovernorateCount = { governorate: string } & { [K in Exclude<keyof Counted, 'governorate'>]: number | null };

/** Withholds small counts: people = women + men (+ unknown sex, not shown) is a sum a reader could use. */
export function suppressGovernorateCounts(rows: readonly Counted[]): GovernorateCount[] {
  const b = tableBuilder();
  const cells = rows.map((r) => {
    const c = { people: b.count(r.people), female: b.count(r.female), male: b.count(r.male), households: b.count(r.households) };
    b.relate(c.people, [c.female, c.male]);
    return c;
  });
  const out = b.publish();
  return rows.map((r, i) => {
    const c = cells[i]!;
    return {
      governorate: r.governorate,
      people: out[c.people]!,
      female: out[c.female]!,
      male: out[c.male]!,
      households: out[c.households]!,
    };
  });
}

export async function countByGovernorate(
  db: pg.Pool | pg.PoolClient,
  actor: Pick<Actor, 'orgId' | 'governorates' | 'role'>,
): Promise<GovernorateCount[]> {
  const r = await db.query<Counted>(
    `SELECT g.pcode AS governorate,
            (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode)::int AS people,
            (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode AND p.sex = 'female')::int AS female,
            (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode AND p.sex = 'male')::int AS male,
            (SELECT count(*) FROM household h WHERE h.org_id = $1 AND h.governorate = g.pcode)::int AS households
       FROM governorate g WHERE g.pcode = ANY($2::text[]) ORDER BY g.pcode`,
    [actor.orgId, actor.governorates],
  );
  return seesOnlyAggregates(actor.role) ? suppressGovernorateCounts(r.rows) : r.rows;
}
