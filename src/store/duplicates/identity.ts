// Identities: a person record together with the records linked to it (connected component of the
// active person_link rows). A link is refused when it would put a conflicting pair into one
// identity: two different valid national IDs, or two records already decided to be different
// people. So brothers are never chained together through a third record.
import type pg from 'pg';
import { conflictAcross } from '../../linkage/registryScore.ts';
import { resolveSettings } from '../../linkage/settings.ts';
import { RAW_COLUMNS, rawRecord, type RawPersonRow } from './records.ts';

const SETTINGS = resolveSettings({});

/** The person ids of the identity of `personId` (itself included). */
export async function identityOf(db: pg.Pool | pg.PoolClient, personId: string): Promise<string[]> {
  const r = await db.query<{ id: string }>(
    `WITH RECURSIVE comp(id) AS (
       SELECT $1::uuid
       UNION
       SELECT x.o FROM comp c CROSS JOIN LATERAL (
         SELECT l.person_b AS o FROM person_link l WHERE l.person_a = c.id AND l.undone_at IS NULL
         UNION ALL
         SELECT l.person_a FROM person_link l WHERE l.person_b = c.id AND l.undone_at IS NULL) x
     ) SELECT id FROM comp LIMIT 10000`,
    [personId],
  );
  return r.rows.map((x) => x.id);
}

export type MergeConflict = 'national_id' | 'decided_different' | 'siblings' | 'already_same';

/**
 * Why the identities of a and b must not be joined, or undefined when they may. Checks every pair
 * across the two identities; the pair (a, b) itself is exempt from the sibling guard (a person
 * looked at those two records and decided), no other pair is.
 */
export async function mergeConflict(db: pg.Pool | pg.PoolClient, a: string, b: string): Promise<MergeConflict | undefined> {
  const A = await identityOf(db, a);
  if (A.includes(b)) return 'already_same';
  const B = await identityOf(db, b);
  const ids = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM person x JOIN person y ON x.national_id <> y.national_id
     WHERE x.id = ANY($1::uuid[]) AND y.id = ANY($2::uuid[]) AND x.national_id_valid AND y.national_id_valid`,
    [A, B],
  );
  if (ids.rows[0]!.n > 0) return 'national_id';
  const diff = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM match_candidate c
     WHERE c.status = 'different' AND ((c.person_a = ANY($1::uuid[]) AND c.person_b = ANY($2::uuid[])) OR (c.person_a = ANY($2::uuid[]) AND c.person_b = ANY($1::uuid[])))`,
    [A, B],
  );
  if (diff.rows[0]!.n > 0) return 'decided_different';
  if (A.length + B.length > 2) {
    const rows = await db.query<RawPersonRow>(`SELECT ${RAW_COLUMNS} FROM person WHERE id = ANY($1::uuid[])`, [[...A, ...B]]);
    const by = new Map(rows.rows.map((r) => [r.id, rawRecord(r)]));
    const left = A.map((id) => by.get(id)!),
      right = B.map((id) => by.get(id)!);
    if (conflictAcross(left, right, SETTINGS, [A.indexOf(a), B.indexOf(b)])) return 'siblings';
  }
  return undefined;
}
