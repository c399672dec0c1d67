// Counts per governorate for the dashboard, for the actor's organisation in the governorates the
// actor works in, each saying what it counts. Registered in: people (and of them female and male)
// and households by their registration governorate. Living in: households by where they live now,
// from the displacement records (the latest move on or before today: its governorate, else its
// site's or locality's; the registration governorate when a household never moved), their current
// members, and of them the households displaced (latest move not a return), as the cycle snapshot
// counts them (src/store/aid/generate.ts). Counts only, no personal data; for the roles that see
// only aggregates, counts of 1 to 4 withheld (src/shared/disclosure.ts).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { seesOnlyAggregates, tableBuilder } from '../../shared/disclosure.ts';

const KEYS = ['people', 'female', 'male', 'households', 'livingPeople', 'livingHouseholds', 'displacedHouseholds'] as const;
type Counted = { governorate: string } & Record<(typeof KEYS)[number], number>;
type Cells = Record<(typeof KEYS)[number], number | null>;
export type GovernorateCount = { governorate: string } & Cells;
export type GovernorateCounts = { items: GovernorateCount[]; totals: Cells };

/**
 * The rows and their totals; for aggregate-only roles with small counts withheld (people = women +
 * men (+ unknown sex), totals = sums of the rows). Registered and living counts are two partitions
 * of different sets (people, and members of households): no sum links one to the other.
 */
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
    `WITH d AS (
       SELECT DISTINCT ON (e.household_id) e.household_id, e.to_governorate, e.to_site, e.to_locality, e.reason
         FROM displacement_event e JOIN household h ON h.id = e.household_id AND h.org_id = $1
        WHERE e.event_date <= current_date
        ORDER BY e.household_id, e.event_date DESC, e.recorded_at DESC
     ), here AS (
       SELECT h.id, coalesce(d.to_governorate, s.governorate, l.governorate, h.governorate) AS gov,
              d.household_id IS NOT NULL AND d.reason IS DISTINCT FROM 'return' AS displaced
         FROM household h
         LEFT JOIN d ON d.household_id = h.id
         LEFT JOIN site s ON s.id = d.to_site
         LEFT JOIN locality l ON l.id = d.to_locality
        WHERE h.org_id = $1
     ), members AS (
       SELECT m.household_id, count(*) AS n FROM household_member m JOIN household h ON h.id = m.household_id AND h.org_id = $1
        WHERE m.valid_from <= current_date AND (m.valid_to IS NULL OR m.valid_to > current_date)
        GROUP BY m.household_id
     ), living AS (
       SELECT here.gov, count(*)::int AS households, count(*) FILTER (WHERE here.displaced)::int AS displaced,
              coalesce(sum(members.n), 0)::int AS people
         FROM here LEFT JOIN members ON members.household_id = here.id
        WHERE here.gov = ANY($2::text[]) GROUP BY here.gov
     ), people AS (
       SELECT p.governorate, count(*)::int AS people, count(*) FILTER (WHERE p.sex = 'female')::int AS female,
              count(*) FILTER (WHERE p.sex = 'male')::int AS male
         FROM person p WHERE p.org_id = $1 AND p.governorate = ANY($2::text[]) GROUP BY p.governorate
     ), households AS (
       SELECT h.governorate, count(*)::int AS households FROM household h
        WHERE h.org_id = $1 AND h.governorate = ANY($2::text[]) GROUP BY h.governorate
     )
     SELECT g.pcode AS governorate, coalesce(pp.people, 0) AS people, coalesce(pp.female, 0) AS female, coalesce(pp.male, 0) AS male,
            coalesce(hh.households, 0) AS households,
            coalesce(lv.people, 0) AS "livingPeople", coalesce(lv.households, 0) AS "livingHouseholds",
            coalesce(lv.displaced, 0) AS "displacedHouseholds"
       FROM governorate g
       LEFT JOIN people pp ON pp.governorate = g.pcode
       LEFT JOIN households hh ON hh.governorate = g.pcode
       LEFT JOIN living lv ON lv.gov = g.pcode
      WHERE g.pcode = ANY($2::text[]) ORDER BY g.pcode`,
    [actor.orgId, actor.governorates],
  );
  return publishGovernorateCounts(r.rows, seesOnlyAggregates(actor.role));
}
