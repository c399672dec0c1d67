// What a distribution point shows for the identity check: the current head's full name and the
// number of current members of each household named, nothing else (no ID numbers, no dates of
// birth, no other member's name). The callers decide who may see it and log the read.
import type pg from 'pg';

export type HouseholdIdentity = { householdId: string; headName: string | null; size: number };

/** The head's name and household size today, for households of the actor's organisation (others are left out). */
export async function householdIdentities(
  db: pg.Pool | pg.PoolClient,
  orgId: string,
  householdIds: readonly string[],
): Promise<Map<string, HouseholdIdentity>> {
  if (householdIds.length === 0) return new Map();
  // Per household through the index on household_member (household_id). Members current today as
  // everywhere else (valid_from <= d < valid_to): a bare "valid_to IS NULL" let the planner, before
  // the tables had statistics, AND in the partial index household_member_one_current, read whole
  // for each household (a minute for 5,000).
  const r = await db.query<{ id: string; head_name: string | null; size: number }>(
    `SELECT h.id, z.head_name, z.size
     FROM unnest($1::uuid[]) AS x(id)
     JOIN household h ON h.id = x.id AND h.org_id = $2
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS size, max(p.full_name) AS head_name
       FROM household_member m LEFT JOIN person p ON p.id = m.person_id AND m.relationship = 'head'
       WHERE m.household_id = x.id AND m.valid_from <= current_date AND (m.valid_to IS NULL OR m.valid_to > current_date)) z`,
    [householdIds, orgId],
  );
  return new Map(r.rows.map((x) => [x.id, { householdId: x.id, headName: x.head_name, size: x.size }]));
}
