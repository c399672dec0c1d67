// Counts per governorate for the dashboard: people (and of them female and male) and households of
// the actor's organisation, in the governorates the actor works in. Counts only, no personal data;
// for the roles that see only aggregates, counts of 1 to 4 withheld (src/shared/disclosure.ts).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { seesOnlyAggregates, tableBuilder } from '../../shared/disclosure.ts';

type Counted = { governorate: string; people: number; female: number; male: number; households: number };
const KEYS = ['people', 'female', 'male', 'households'] as const;
type Cells = Record<(typeof KEYS)[number], number | null>;
export type GovernorateCount = { governorate: string } & Cells;
export type GovernorateCounts = { items: GovernorateCount[]; totals: Cells };

/** The rows and their totals; for aggregate-only roles with small counts withheld (people = women + men (+ unknown sex), totals = sums of the rows). */
export function publishGovernorateCounts(rows: readonly Counted[], aggregateOnly: boolean): GovernorateCounts {
  const sums = Object.fromEntries(KEYS.map((k) => [k, rows.reduce((a, r) => a + r[k], 0)])) as Record<(typeof KEYS)[number], number>;
  if (!aggregateOnly) return { items: [...rows], totals: sums };
  const b = tableBuilder();
  const cellsOf = (r: Record<(typeof KEYS)[number], number>) => {
    const c = Object.fromEntries(KEYS.map((k) => [k, b.count(r[k])])) as Record<(typeof KEYS)[number], number>;
    b.relate(c.people, [c.female, c.male]);
    return c;
  };
  const cells = rows.map(cellsOf);
  const total = cellsOf(sums);
  for (const k of KEYS)
    b.relate(
      total[k],
      cells.map((c) => c[k]),
    );
  const out = b.publish();
  const pick = (c: Record<(typeof KEYS)[number], number>) => Object.fromEntries(KEYS.map((k) => [k, out[c[k]]!])) as Cells;
  return { items: rows.map((r, i) => ({ governorate: r.governorate, ...pick(cells[i]!) })), totals: pick(total) };
}

export async function countByGovernorate(
  db: pg.Pool | pg.PoolClient,
  actor: Pick<Actor, 'orgId' | 'governorates' | 'role'>,
): Promise<GovernorateCounts> {
  const r = await db.query<Counted>(
    `SELECT g.pcode AS governorate,
            (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode)::int AS people,
            (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode AND p.sex = 'female')::int AS female,
            (SELECT count(*) FROM person p WHERE p.org_id = $1 AND p.governorate = g.pcode AND p.sex = 'male')::int AS male,
            (SELECT count(*) FROM household h WHERE h.org_id = $1 AND h.governorate = g.pcode)::int AS households
       FROM governorate g WHERE g.pcode = ANY($2::text[]) ORDER BY g.pcode`,
    [actor.orgId, actor.governorates],
  );
  return publishGovernorateCounts(r.rows, seesOnlyAggregates(actor.role));
}
