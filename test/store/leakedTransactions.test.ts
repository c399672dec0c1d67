// A pooled connection never carries a transaction to its next borrower (src/store/leakedTransactions.ts):
// one released inside a transaction is closed and counted, so the next statement starts afresh
// (its own now(), nothing of the other's work to commit). Without the guard the next borrower runs
// inside the old transaction. And the IATI export's reader, stopped after its first page, releases
// its connection outside any transaction.
import pg from 'pg';
import { expect, test } from 'vitest';
import { closeLeakedTransactions, leakedTransactions } from '../../src/store/leakedTransactions.ts';
import { iatiProjects } from '../../src/store/reconstruction/projects/iatiProjects.ts';
import { projectBody } from '../reconstruction/projectFixture.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

/** A statement's view of its transaction: begun with this statement, or before it; and the backend. */
const fresh = async (pool: pg.Pool) =>
  (
    await pool.query<{ fresh: boolean; pid: number }>(
      'SELECT xact_start = query_start AS fresh, pid FROM pg_stat_activity WHERE pid = pg_backend_pid()',
    )
  ).rows[0]!;

/** Borrows the pool's one connection, begins a transaction that has written, and gives it back open. */
async function leak(pool: pg.Pool): Promise<number> {
  const c = await pool.connect();
  await c.query('BEGIN');
  const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_current_xact_id()')).rows[0]!.pid;
  c.release();
  return pid;
}

test('a connection given back inside a transaction is closed: the next statement starts its own transaction', async () => {
  const unguarded = new pg.Pool({ connectionString: t.db.url, max: 1 });
  const guarded = new pg.Pool({ connectionString: t.db.url, max: 1 });
  closeLeakedTransactions(guarded);
  try {
    // the hazard: without the guard, the next borrower runs inside the open transaction
    const before = await leak(unguarded);
    const next = await fresh(unguarded);
    expect(next).toEqual({ fresh: false, pid: before });
    expect(leakedTransactions(unguarded)).toBe(0);

    const pid = await leak(guarded);
    expect(leakedTransactions(guarded)).toBe(1);
    const after = await fresh(guarded);
    expect(after.fresh).toBe(true);
    expect(after.pid).not.toBe(pid);
    // a connection given back outside a transaction is kept
    const again = await fresh(guarded);
    expect(again.pid).toBe(after.pid);
    expect(leakedTransactions(guarded)).toBe(1);
  } finally {
    await unguarded.end();
    await guarded.end();
  }
});

test('the IATI export read stopped after its first page leaves no transaction open', async () => {
  const admin = await t.user({ role: 'administrator' });
  for (const n of [1, 2]) {
    const r = await t.post(admin, '/api/v1/reconstruction/projects', projectBody({ iatiIdentifier: `PS-MOI-12345-LEAK-${n}` }));
    expect(r.statusCode, r.body).toBe(201);
  }
  const pool = t.db.pool;
  let pages = 0;
  for await (const page of iatiProjects(pool, admin.actor, {})) {
    expect(page.length).toBeGreaterThan(0);
    pages++;
    break; // a reader that stops early: a cancelled download, a failed write
  }
  expect(pages).toBe(1);
  expect(leakedTransactions(pool)).toBe(0);
  const open = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
  );
  expect(open.rows[0]!.n).toBe(0);
});
