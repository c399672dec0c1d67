// The households import's references checked once per batch instead of once per row (issue #14,
// docs/decisions/0032-set-based-reference-checks.md). PostgreSQL checks a foreign key row by row:
// an AFTER trigger per inserted row runs a query (with its own executor start) that locks the
// referenced row FOR KEY SHARE. On the import's two COPYs that was about a third of the backend's
// CPU. Where the session may (a superuser, or a role granted SET ON PARAMETER
// session_replication_role: PostgreSQL 15 and later), the batch's inserts (the persons' COPY,
// the households' INSERT, the memberships' COPY) run with
// session_replication_role = replica, which skips those triggers, and the batch then checks the
// same references itself, set-based, in the same transaction, before anything else is written:
//
// - every person and household row names the import's organisation and a governorate of the
//   batch: the organisation and those governorates are locked FOR KEY SHARE, and must all exist;
// - every membership names a person and a household that this transaction created (nobody else can
//   see, change or remove them before it commits) or that were there before (read by the batch):
//   those are locked FOR KEY SHARE, and must all exist.
//
// That is what the row checks do (the same rows locked the same way, a missing one an error with
// the same code, 23503), less the locks on rows the transaction itself inserted. The window switches
// off only the triggers of those three statements; the user triggers they have (the household
// profile's AFTER INSERT on household and household_member) are done here too, and a test fails
// when another one appears.
// Where the session may not, the row checks run as before.
import type pg from 'pg';

/** The user triggers firing on INSERT into person, household and household_member, which the window reproduces. */
export const REPRODUCED_INSERT_TRIGGERS = ['household_member_profile_ins', 'household_profile_ins'] as const;

/** Whether this session may switch the row checks off (and the operator has not asked for them). */
export async function setBasedChecksAllowed(client: pg.PoolClient): Promise<boolean> {
  if (process.env.SANAD_IMPORT_ROW_CHECKS === '1') return false;
  try {
    const r = await client.query<{ ok: boolean }>(`SELECT has_parameter_privilege('session_replication_role', 'SET') AS ok`);
    return r.rows[0]?.ok === true;
  } catch {
    return false; // PostgreSQL 14 or older: no such privilege
  }
}

/** Row checks off (true) or on (false) until the end of the transaction or the next switch. */
export async function rowChecks(client: pg.PoolClient, on: boolean): Promise<void> {
  await client.query(`SET LOCAL session_replication_role = ${on ? 'origin' : 'replica'}`);
}

export type BatchReferences = {
  orgId: string;
  /** Governorates of the person rows COPYed. */
  governorates: readonly string[];
  /** Persons and households the memberships name that this transaction did not create. */
  persons: readonly string[];
  households: readonly string[];
};

class MissingReference extends Error {
  readonly code = '23503'; // foreign_key_violation, as the row checks fail
}

/** Locks every referenced row FOR KEY SHARE; throws (23503) when one is missing. */
export async function checkReferences(client: pg.PoolClient, refs: BatchReferences): Promise<void> {
  const governorates = [...new Set(refs.governorates)];
  const persons = [...new Set(refs.persons)];
  const households = [...new Set(refs.households)];
  await client.query('SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off');
  const r = await client.query<{ o: number; g: number; p: number; h: number }>(
    `WITH o AS (SELECT 1 FROM organisation WHERE id = $1 FOR KEY SHARE),
          g AS (SELECT 1 FROM governorate WHERE pcode = ANY($2::text[]) FOR KEY SHARE),
          p AS (SELECT 1 FROM person WHERE id = ANY($3::uuid[]) FOR KEY SHARE),
          h AS (SELECT 1 FROM household WHERE id = ANY($4::uuid[]) FOR KEY SHARE)
     SELECT (SELECT count(*) FROM o)::int AS o, (SELECT count(*) FROM g)::int AS g,
            (SELECT count(*) FROM p)::int AS p, (SELECT count(*) FROM h)::int AS h`,
    [refs.orgId, governorates, persons, households],
  );
  await client.query('SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_bitmapscan TO DEFAULT');
  const x = r.rows[0]!;
  const missing = [
    x.o !== 1 ? 'organisation' : null,
    x.g !== governorates.length ? 'governorate' : null,
    x.p !== persons.length ? 'person' : null,
    x.h !== households.length ? 'household' : null,
  ].filter((m) => m !== null);
  // names the tables, never the values
  if (missing.length > 0) throw new MissingReference(`A row of the batch names a ${missing.join(', ')} that does not exist.`);
}

/**
 * What household_profile_ins and household_member_profile_ins do for the batch's inserts: the
 * households created, and those its memberships name, marked for their profile's recomputation.
 */
export async function markProfilesDirty(client: pg.PoolClient, households: readonly string[]): Promise<void> {
  if (households.length === 0) return;
  await client.query('INSERT INTO household_profile_dirty SELECT DISTINCT h FROM unnest($1::uuid[]) AS t(h) ON CONFLICT DO NOTHING', [
    households,
  ]);
}
