// A large import into an empty or much smaller registry builds person's search indexes after its
// rows (issue #14, docs/decisions/0037-import-deferred-indexes.md): the definitions it builds them
// from are the migrations' own; an import that qualifies has them missing while it loads and back
// before it is done; a killed one leaves them missing only until the next start or import; and an
// import into a registry much larger than its file keeps them.
import path from 'node:path';
import { expect, test } from 'vitest';
import { importFile, importFiles } from '../../src/importer/run.ts';
import { writeSyntheticCsv } from '../../src/importer/syntheticCsv.ts';
import { DEFERRED_INDEXES, repairIndexes } from '../../src/store/deferredIndexes.ts';
import { startSanad } from '../support/cli.ts';
import { useTestDb } from '../support/testApp.ts';
import { count, makeActor, useTempDir } from './support.ts';

const t = useTestDb();
const tmp = useTempDir();
const NAMES = Object.keys(DEFERRED_INDEXES).sort();

async function definitions(): Promise<Record<string, string | null>> {
  const r = await t.db.pool.query<{ n: string; d: string | null }>(
    `SELECT n, CASE WHEN to_regclass(n) IS NULL THEN NULL ELSE pg_get_indexdef(to_regclass(n)) END AS d FROM unnest($1::text[]) AS n`,
    [NAMES],
  );
  return Object.fromEntries(r.rows.map((x) => [x.n, x.d]));
}

/** Polls, while `during` runs, whether any deferred index is missing; true if one ever was. */
async function missingWhile(during: Promise<unknown>): Promise<boolean> {
  let done = false;
  let seen = false;
  const settled = during.finally(() => {
    done = true;
  });
  while (!done) {
    // names only (pg_get_indexdef of an index dropped meanwhile fails)
    const n = await count(t.db.pool, "SELECT count(*) FROM pg_class WHERE relkind = 'i' AND relname = ANY($1)", [NAMES]);
    if (n < NAMES.length) seen = true;
    await new Promise((r) => setTimeout(r, 5));
  }
  await settled;
  return seen;
}

test('the indexes are built again exactly as the migrations made them', async () => {
  const made = await definitions();
  expect(Object.values(made).every((d) => d !== null)).toBe(true);
  const c = await t.db.owner.connect();
  try {
    for (const n of NAMES) await c.query(`DROP INDEX ${n}`);
    expect((await repairIndexes(c)).sort()).toEqual(NAMES);
  } finally {
    c.release();
  }
  expect(await definitions()).toEqual(made);
});

test('a file larger than the registry is loaded without the search indexes, which are back before it is done', async () => {
  const before = await definitions();
  const analysed = async () =>
    (await t.db.pool.query<{ at: Date | null }>("SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'person'")).rows[0]!.at;
  const analysedBefore = await analysed();
  const actor = await makeActor(t.db.pool);
  const file = path.join(tmp.dir, 'first.csv');
  await writeSyntheticCsv(file, { seed: 3, persons: 3000 });
  const run = importFile(t.db.owner, actor, { kind: 'households', file, batchSize: 200, workers: 0, deferIndexesFromBytes: 1 });
  expect(await missingWhile(run)).toBe(true);
  expect(await run).toMatchObject({ rows: 3000, rejected: 0, personsCreated: 3000 });
  expect(await definitions()).toEqual(before);
  // and the planner has the new rows' statistics at once (not when autovacuum comes by)
  const analysedAfter = await analysed();
  expect(analysedAfter).not.toBeNull();
  expect(analysedAfter!.getTime()).toBeGreaterThan(analysedBefore?.getTime() ?? 0);
  // what the indexes answer is the table's: a national ID found through the index and by a scan alike
  const id = (await t.db.pool.query<{ national_id: string }>('SELECT national_id FROM person WHERE national_id IS NOT NULL LIMIT 1'))
    .rows[0]!.national_id;
  const byIndex = await count(t.db.pool, 'SELECT count(*) FROM person WHERE national_id = $1', [id]);
  const c = await t.db.pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_indexonlyscan = off');
    const scanned = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE national_id = $1', [id])).rows[0]!.n;
    await c.query('COMMIT');
    expect(byIndex).toBe(scanned);
  } finally {
    c.release();
  }

  // a second file much smaller than the registry keeps them throughout
  const small = path.join(tmp.dir, 'second.csv');
  await writeSyntheticCsv(small, { seed: 4, persons: 500 });
  const second = importFile(t.db.owner, actor, { kind: 'households', file: small, batchSize: 100, workers: 0, deferIndexesFromBytes: 1 });
  expect(await missingWhile(second)).toBe(false);
  expect(await second).toMatchObject({ rows: 500, rejected: 0 });
  // and the application's role (no owner) never drops them
  const third = path.join(tmp.dir, 'third.csv');
  await writeSyntheticCsv(third, { seed: 5, persons: 8000 });
  const app = importFile(t.db.pool, actor, { kind: 'households', file: third, batchSize: 1000, workers: 0, deferIndexesFromBytes: 1 });
  expect(await missingWhile(app)).toBe(false);
  await app;
});

test('several files as one load: the indexes stay missing from the first file to the last, and are built once after it', async () => {
  const before = await definitions();
  const actor = await makeActor(t.db.pool, { username: 'several', org: 'Several files org' });
  const files = [path.join(tmp.dir, 'part-1.csv'), path.join(tmp.dir, 'part-2.csv')];
  await writeSyntheticCsv(files[0]!, { seed: 11, persons: 6000 });
  await writeSyntheticCsv(files[1]!, { seed: 12, persons: 6000 });
  const present: number[] = [];
  const summaries = await importFiles(
    t.db.owner,
    actor,
    files.map((file) => ({ kind: 'households' as const, file, batchSize: 1000, workers: 0, deferIndexesFromBytes: 1 })),
    async () => {
      present.push(await count(t.db.pool, "SELECT count(*) FROM pg_class WHERE relkind = 'i' AND relname = ANY($1)", [NAMES]));
    },
  );
  expect(summaries.map((s) => [s.rows, s.rejected])).toEqual([
    [6000, 0],
    [6000, 0],
  ]);
  // after each file, before the last one's end: none of the seven (each file's own import kept them as they were)
  expect(present).toEqual([0, 0]);
  expect(await definitions()).toEqual(before);
});

test('an import killed while the indexes are dropped leaves them missing only until the next start or import', {
  timeout: 300_000,
}, async () => {
  const actor = await makeActor(t.db.pool, { username: 'killed', org: 'Killed import org' });
  const file = path.join(tmp.dir, 'killed.csv');
  await writeSyntheticCsv(file, { seed: 7, persons: 20_000 });
  const args = ['import', 'households', file, '--user', 'killed', '--batch-size', '500', '--json', '--no-progress'];
  const env = { DATABASE_OWNER_URL: t.db.ownerUrl, SANAD_IMPORT_DEFER_INDEXES_FROM_BYTES: '1' };
  const first = startSanad(args, t.db.url, env);
  let killed = false;
  const until = Date.now() + 200_000;
  while (Date.now() < until) {
    const run = (await t.db.pool.query<{ rows_done: number }>('SELECT rows_done FROM import_run WHERE org_id = $1', [actor.orgId])).rows[0];
    if (run && run.rows_done > 0) {
      first.kill();
      killed = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const res1 = await first.done;
  expect(killed, res1.stderr).toBe(true);
  expect(res1.signal).toBe('SIGKILL');
  // the session that held them is gone with the process: they stay missing until a start or an import
  for (
    let i = 0;
    i < 100 && (await t.db.pool.query('SELECT 1 FROM pg_locks WHERE locktype = $1 AND objid = 727003', ['advisory'])).rowCount;
    i++
  )
    await new Promise((r) => setTimeout(r, 50));
  expect(Object.values(await definitions()).every((d) => d === null)).toBe(true);
  // the next start (src/store/open.ts) creates them again; here its step alone
  const c = await t.db.owner.connect();
  try {
    expect((await repairIndexes(c)).sort()).toEqual(NAMES);
  } finally {
    c.release();
  }
  expect(Object.values(await definitions()).every((d) => d !== null)).toBe(true);
  // the import resumes (dropping them again, the registry being smaller than the file) and ends with them
  const res2 = await startSanad(args, t.db.url, env).done;
  expect(res2.code, res2.stderr).toBe(0);
  expect(JSON.parse(res2.stdout)).toMatchObject({ rows: 20_000, rejected: 0 });
  expect(await count(t.db.pool, 'SELECT count(*) FROM person WHERE org_id = $1', [actor.orgId])).toBe(20_000);
  expect(Object.values(await definitions()).every((d) => d !== null)).toBe(true);
});
