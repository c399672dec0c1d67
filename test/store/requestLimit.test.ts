// Request limits counted in the database (migration 0029): exact under concurrent hits from many
// connections (as from several servers), a new window once the last one ended, each limit and key
// counted apart, nothing but a hash of the key stored, old windows swept.
import { expect, test } from 'vitest';
import { clearLimits, hitLimit, readLimit, sweepLimits } from '../../src/store/requestLimit.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();

test('concurrent hits on one key are each counted once: the counts are 1..n, none lost or repeated', async () => {
  await clearLimits(t.db.pool);
  const counts = await Promise.all(Array.from({ length: 40 }, () => hitLimit(t.db.pool, 'POST /x', 'address:192.0.2.1', 60_000)));
  expect(counts.map((c) => c.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  for (const c of counts) expect(c.ttl).toBeGreaterThan(55_000);
  expect(await readLimit(t.db.pool, 'POST /x', 'address:192.0.2.1')).toMatchObject({ current: 40 });
});

test('limits and keys are counted apart; the stored key is a hash, never the address or credential', async () => {
  await clearLimits(t.db.pool);
  await hitLimit(t.db.pool, 'POST /x', 'address:192.0.2.1', 60_000);
  await hitLimit(t.db.pool, 'POST /x', 'address:192.0.2.1', 60_000);
  expect((await hitLimit(t.db.pool, 'POST /y', 'address:192.0.2.1', 60_000)).current).toBe(1);
  expect((await hitLimit(t.db.pool, 'POST /x', 'address:192.0.2.2', 60_000)).current).toBe(1);
  const rows = await t.db.pool.query<{ key: Buffer }>('SELECT key FROM request_limit');
  expect(rows.rows).toHaveLength(3);
  for (const r of rows.rows) {
    expect(r.key).toHaveLength(32);
    expect(r.key.toString('latin1')).not.toContain('192.0.2');
  }
});

test('a window that ended starts again from one; read does not count; ended windows are swept', async () => {
  await clearLimits(t.db.pool);
  for (let i = 0; i < 3; i++) await hitLimit(t.db.pool, 'POST /x', 'k', 150);
  expect((await readLimit(t.db.pool, 'POST /x', 'k')).current).toBe(3);
  expect((await readLimit(t.db.pool, 'POST /x', 'k')).current).toBe(3);
  await new Promise((r) => setTimeout(r, 250));
  expect(await readLimit(t.db.pool, 'POST /x', 'k')).toEqual({ current: 0, ttl: 0 });
  expect((await hitLimit(t.db.pool, 'POST /x', 'k', 150)).current).toBe(1);
  await t.db.pool.query("UPDATE request_limit SET reset_at = now() - interval '2 minutes'");
  expect(await sweepLimits(t.db.pool)).toBe(1);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM request_limit')).rows[0].n).toBe(0);
});

test('the table is unlogged: counts cost no write-ahead log', async () => {
  const r = await t.db.pool.query<{ p: string }>("SELECT relpersistence AS p FROM pg_class WHERE oid = 'request_limit'::regclass");
  expect(r.rows[0]!.p).toBe('u');
});
