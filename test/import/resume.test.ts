// kill -9 in the middle of an import, run it again: every row is loaded exactly once.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { verifyAuditChain } from '../../src/store/auditVerify.ts';
import { writeSyntheticCsv } from '../../src/importer/syntheticCsv.ts';
import { count, makeActor, useTempDir } from './support.ts';
import { startSanad } from '../support/cli.ts';
import { TEST_SECRET_KEY } from '../support/factories.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const tmp = useTempDir();

const ROWS = 30_000;

const sanad = (args: string[]) => startSanad(args, t.db.url);

test('an import killed with SIGKILL resumes and loads every row exactly once', { timeout: 300_000 }, async () => {
  await makeActor(t.db.pool);
  const file = path.join(tmp.dir, 'people.csv');
  await writeSyntheticCsv(file, { seed: 7, persons: ROWS });
  const args = ['import', 'persons', file, '--user', 'importer', '--batch-size', '1000', '--json', '--no-progress'];

  const first = sanad(args);
  let killedAt = -1;
  const until = Date.now() + 200_000;
  while (Date.now() < until) {
    const r = await t.db.pool.query<{ rows_done: number; status: string }>('SELECT rows_done, status FROM import_run');
    const run = r.rows[0];
    if (run && run.rows_done > 0) {
      first.kill();
      killedAt = run.rows_done;
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const res1 = await first.done;
  expect(res1.signal).toBe('SIGKILL');
  expect(killedAt).toBeGreaterThan(0);
  const mid = (
    await t.db.pool.query<{ rows_done: number; rows_loaded: number; status: string }>(
      'SELECT rows_done, rows_loaded, status FROM import_run',
    )
  ).rows[0]!;
  expect(mid.status).toBe('running');
  expect(mid.rows_done).toBeLessThan(ROWS);
  // What was committed is exactly the rows counted as done.
  expect(await count(t.db.pool, 'SELECT count(*) FROM person')).toBe(mid.rows_loaded);

  const second = sanad(args);
  const res2 = await second.done;
  expect(res2.code, res2.stderr).toBe(0);
  const summary = JSON.parse(res2.stdout);
  expect(summary).toMatchObject({ rows: ROWS, loaded: ROWS, rejected: 0, unchanged: 0, resumedFrom: mid.rows_done });

  const ids = (await fs.readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);
  expect(ids).toHaveLength(ROWS);
  const stored = await t.db.pool.query<{ record_id: string; n: number }>(
    'SELECT record_id, count(*)::int AS n FROM person GROUP BY record_id',
  );
  expect(stored.rows.every((r) => r.n === 1)).toBe(true);
  expect(stored.rows.map((r) => r.record_id).sort()).toEqual([...ids].sort());
  const run = (await t.db.pool.query('SELECT rows_done, rows_loaded, status FROM import_run')).rows[0];
  expect(run).toEqual({ rows_done: ROWS, rows_loaded: ROWS, status: 'done' });
  // The change log's batches account for every row once, and the chain is unbroken.
  const logged = await count(t.db.pool, "SELECT coalesce(sum((after->>'loaded')::int), 0) FROM change_log WHERE action = 'import_batch'");
  expect(logged).toBe(ROWS);
  expect(await verifyAuditChain(t.db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: true });
});
