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
  const r = await db.query<{ id: string; head_name: string | null; size: number }>(
    `WITH current AS (
       SELECT m.household_id, m.person_id, m.relationship FROM household_member m
       WHERE m.household_id = ANY($1::uuid[]) AND m.valid_to IS NULL)
     SELECT h.id,
       (SELECT p.full_name FROM current c JOIN person p ON p.id = c.person_id WHERE c.household_id = h.id AND c.relationship = 'head' LIMIT 1) AS head_name,
       (SELECT count(*)::int FROM current c WHERE c.household_id = h.id) AS size
     FROM household h WHERE h.id = ANY($1::uuid[]) AND h.org_id = $2`,
    [householdIds, orgId],
  );
  return new Map(r.rows.map((x) => [x.id, { householdId: x.id, headName: x.head_name, size: x.size }]));
}
