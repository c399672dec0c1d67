// transaction(): a transaction that PostgreSQL aborts to break a deadlock is run again and goes
// through; other errors are not retried. The deadlock here is real: two connections lock two rows
// in opposite orders, and the one that waited first is the one PostgreSQL aborts.
import { beforeAll, expect, test } from 'vitest';
import { transaction } from '../../src/store/transaction.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
beforeAll(async () => {
  // a table of the test's own: the owner makes it (the application's role creates nothing) and lets the role use it
  await t.db.owner.query('CREATE TABLE lock_probe (id int PRIMARY KEY, v int NOT NULL)');
  await t.db.owner.query(`GRANT SELECT, INSERT, UPDATE ON lock_probe TO ${new URL(t.db.url).username}`);
  await t.db.pool.query('INSERT INTO lock_probe VALUES (1, 0), (2, 0)');
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a deadlock victim is run again and both transactions go through', async () => {
  let attempts = 0;
  let firstPid = 0;
  let otherHasRow2!: () => void;
  const row2Taken = new Promise<void>((r) => (otherHasRow2 = r));
  let firstHasRow1!: () => void;
  const row1Taken = new Promise<void>((r) => (firstHasRow1 = r));
  const other = await t.db.pool.connect();
  try {
    const first = transaction(t.db.pool, async (c) => {
      attempts++;
      await c.query('UPDATE lock_probe SET v = v + 1 WHERE id = 1');
      if (attempts === 1) {
        firstPid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        firstHasRow1();
        await row2Taken;
      }
      await c.query('UPDATE lock_probe SET v = v + 1 WHERE id = 2'); // waits for the other, first
      return attempts;
    });
    await row1Taken;
    await other.query('BEGIN');
    await other.query('UPDATE lock_probe SET v = v + 10 WHERE id = 2');
    otherHasRow2();
    // Wait until the first is really waiting for row 2, so that it is the one PostgreSQL aborts.
    for (;;) {
      const w = await t.db.pool.query<{ w: string | null }>('SELECT wait_event_type AS w FROM pg_stat_activity WHERE pid = $1', [firstPid]);
      if (w.rows[0]?.w === 'Lock') break;
      await sleep(10);
    }
    await other.query('UPDATE lock_probe SET v = v + 10 WHERE id = 1'); // deadlock: the first, waiting longer, is aborted
    await other.query('COMMIT');
    expect(await first).toBe(2);
  } finally {
    other.release();
  }
  const rows = (await t.db.pool.query<{ id: number; v: number }>('SELECT id, v FROM lock_probe ORDER BY id')).rows;
  expect(rows).toEqual([
    { id: 1, v: 11 },
    { id: 2, v: 11 },
  ]);
}, 20_000);

test('other errors are not retried', async () => {
  let attempts = 0;
  await expect(
    transaction(t.db.pool, async (c) => {
      attempts++;
      await c.query('INSERT INTO lock_probe VALUES (1, 0)');
    }),
  ).rejects.toMatchObject({ code: '23505' });
  expect(attempts).toBe(1);
});
