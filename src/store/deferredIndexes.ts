// A large import into an empty or much smaller registry builds person's search indexes after its
// rows, as pg_restore does (issue #14, docs/decisions/0037-import-deferred-indexes.md).
//
// Seven indexes of person are for reading only (lookups, search, the check while typing, keyset
// pages): none is unique, none is read by the import itself. Kept while 1,000,000 persons are
// inserted they cost PostgreSQL about 38 µs a person (each insert lands on a random leaf of most
// of them); built once after the rows, about 10 µs. So an import whose file holds at least about
// half as many rows as the registry has persons drops them (one short transaction, under a session
// advisory lock it holds until they are back), loads its batches, and creates them again before
// the run is marked done.
//
// The state is the indexes themselves: whichever of them is missing while no import holds the
// lock is created again (repairIndexes), at every start of the store (src/store/open.ts) and at the
// start of every import. A killed import (its session, and so its lock, gone) leaves the registry
// without them only until the next start or import; meanwhile every read stays correct (a lookup
// or a search reads the table instead of an index: slower, the same rows). The definitions are
// the migrations' own (test/import/deferredIndexes.test.ts compares them with the database's).
import type pg from 'pg';

/** The indexes an import may defer, by name: each definition as its migration made it. */
export const DEFERRED_INDEXES: Readonly<Record<string, string>> = {
  person_national_id: 'CREATE INDEX IF NOT EXISTS person_national_id ON person (national_id) WHERE national_id IS NOT NULL',
  person_phone: 'CREATE INDEX IF NOT EXISTS person_phone ON person (phone) WHERE phone IS NOT NULL',
  person_name_tokens: 'CREATE INDEX IF NOT EXISTS person_name_tokens ON person USING gin (name_tokens)',
  person_org: 'CREATE INDEX IF NOT EXISTS person_org ON person (org_id, id)',
  person_date_of_birth: 'CREATE INDEX IF NOT EXISTS person_date_of_birth ON person (date_of_birth)',
  person_check_key: 'CREATE INDEX IF NOT EXISTS person_check_key ON person (person_check_key(name_key), date_of_birth)',
  person_lineage_key: 'CREATE INDEX IF NOT EXISTS person_lineage_key ON person (person_lineage_key(name_key), date_of_birth)',
};

/** Held (session level) by the import that dropped them, from the drop until they are back. */
const LOCK = 727003;

/** Below this size a file gains nothing worth the rebuild (about 80,000 rows); SANAD_IMPORT_DEFER_INDEXES_FROM_BYTES for tests. */
export const deferMinBytes = (): number => Number(process.env.SANAD_IMPORT_DEFER_INDEXES_FROM_BYTES) || 16 << 20;

/** Bytes a row of an import file takes, about (a households row of src/synthetic: 172 bytes). */
const BYTES_PER_ROW = 200;

async function missing(client: pg.PoolClient): Promise<string[]> {
  const names = Object.keys(DEFERRED_INDEXES);
  const r = await client.query<{ name: string }>(
    'SELECT n AS name FROM unnest($1::text[]) AS n WHERE to_regclass(quote_ident(n)) IS NULL ORDER BY n',
    [names],
  );
  return r.rows.map((x) => x.name);
}

async function create(client: pg.PoolClient, names: readonly string[]): Promise<void> {
  for (const n of names) await client.query(DEFERRED_INDEXES[n]!);
}

/** Whether this session may drop and create person's indexes (it owns the table, as `sanad import`'s owner does). */
async function ownsPerson(client: pg.PoolClient): Promise<boolean> {
  const r = await client.query<{ ok: boolean }>(
    "SELECT pg_has_role(current_user, c.relowner, 'USAGE') AS ok FROM pg_class c WHERE c.oid = 'person'::regclass",
  );
  return r.rows[0]?.ok === true;
}

/** Creates whichever deferred index is missing, unless an import holds them; what it created. */
export async function repairIndexes(client: pg.PoolClient): Promise<string[]> {
  if (!(await ownsPerson(client))) return [];
  const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LOCK]);
  if (!got.rows[0]?.ok) return [];
  try {
    const gone = await missing(client);
    await create(client, gone);
    return gone;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]);
  }
}

/**
 * Before an import's first batch: drops the deferred indexes when the file (`bytes`) holds at least
 * half as many rows as the registry has persons, this session owns person and no other import
 * holds them; true if it did (the session then holds the lock until restoreIndexes). Else creates
 * any an earlier, killed import left missing.
 */
export async function deferIndexes(client: pg.PoolClient, bytes: number, minBytes = deferMinBytes()): Promise<boolean> {
  if (!(await ownsPerson(client))) return false;
  const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LOCK]);
  if (!got.rows[0]?.ok) return false;
  const rows = Math.floor(bytes / BYTES_PER_ROW);
  const limit = 2 * rows;
  const n = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM person LIMIT $1) p', [limit])).rows[0]!.n;
  if (bytes < minBytes || n >= limit) {
    try {
      await create(client, await missing(client));
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK]);
    }
    return false;
  }
  try {
    await client.query('BEGIN');
    // readers queue behind the drop's lock: wait for running ones a little, never long
    await client.query("SET LOCAL lock_timeout = '5s'");
    for (const name of Object.keys(DEFERRED_INDEXES)) await client.query(`DROP INDEX IF EXISTS ${client.escapeIdentifier(name)}`);
    await client.query('COMMIT');
    return true;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]).catch(() => undefined);
    if ((e as { code?: string }).code === '55P03') return false; // lock not available: the import keeps them
    throw e;
  }
}

/**
 * After the import's last batch (or its failure): creates the indexes again, gathers the tables'
 * statistics, and lets go of the lock. Without statistics, until autovacuum came by (minutes at
 * millions of rows), the planner took an ID lookup (`national_id = $1 ... ORDER BY id LIMIT 21`)
 * for one matching many rows and walked the primary key: 356 ms instead of 2.5 ms at 5,500,000.
 */
export async function restoreIndexes(client: pg.PoolClient): Promise<void> {
  try {
    await create(client, await missing(client));
    await client.query('ANALYZE person, household, household_member');
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]);
  }
}
