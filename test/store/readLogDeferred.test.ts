// The entry of a read (a search's, a list's, a duplicate check's) is appended as a statement of its
// own whose commit does not wait for the disk (docs/decisions/0030-read-log-deferred-flush.md): it is
// still written and chained before the answer, verifies with the rest, and the setting neither leaks
// to the pooled connection's next statement nor reaches a write's transaction.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chainKeyOf, chainKeyOption } from '../../src/access/chainKey.ts';
import { logPersonsShown } from '../../src/store/registry/logPersonsShown.ts';
import { lookUpPersonsLogged } from '../../src/store/registry/lookUpPersonsLogged.ts';
import { verifyAuditChain } from '../../src/store/auditVerify.ts';
import { appendLog, write } from '../../src/store/write.ts';
import { TEST_SECRET_KEY } from '../support/factories.ts';
import { noteCommitModes } from '../support/commitModes.ts';
import { freshDb, type TestDb } from '../support/db.ts';

let db: TestDb;
/** One connection, durable commits by default (the test server itself runs without them). */
let pool: pg.Pool;
const actor = { userId: null, orgId: randomUUID(), role: 'administrator' as const, governorates: [] };

beforeAll(async () => {
  db = await freshDb();
  await noteCommitModes(db.owner);
  pool = new pg.Pool({
    connectionString: db.url,
    max: 1,
    options: `${chainKeyOption(chainKeyOf(TEST_SECRET_KEY))} -c synchronous_commit=on`,
  });
});
afterAll(async () => {
  await pool.end();
  await db.drop();
});

const modes = async () =>
  (await db.owner.query<{ seq: number; mode: string }>('SELECT seq, mode FROM commit_mode ORDER BY seq')).rows.map((r) => r.mode);
const setting = async (c: pg.Pool | pg.PoolClient) =>
  (await c.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]!.synchronous_commit;

test('a read entry commits without waiting for the disk, is chained between writes and verifies', async () => {
  const shown = [randomUUID(), randomUUID()];
  await appendLog(pool, actor, { entity: 'person', entityId: randomUUID(), action: 'update', after: { n: 1 } });
  await logPersonsShown(pool, actor, 'search', shown, { by: ['name'] });
  // the same (only) connection of the pool: back to durable commits
  expect(await setting(pool)).toBe('on');
  await write(pool, actor, { route: 'test' }, async (ctx) => {
    await ctx.log({ entity: 'person', entityId: randomUUID(), action: 'update', after: { n: 2 } });
    return { status: 200, body: null };
  });
  await logPersonsShown(pool, actor, 'duplicate_check', [shown[0]!]);

  expect(await modes()).toEqual(['on', 'off', 'on', 'off']);
  const reads = await pool.query<{ after: { via: string; ids: string[]; by?: string[] } }>(
    "SELECT after FROM change_log WHERE entity = 'person_list' AND action = 'read' ORDER BY seq",
  );
  expect(reads.rows.map((r) => r.after)).toEqual([
    { via: 'search', shown: 2, ids: shown, by: ['name'] },
    { via: 'duplicate_check', shown: 1, ids: [shown[0]] },
  ]);
  expect(await verifyAuditChain(pool, TEST_SECRET_KEY)).toMatchObject({ ok: true, rows: 4 });
});

test("in a caller's transaction the read entry is that transaction's: its commit stays durable", async () => {
  const before = (await modes()).length;
  await write(pool, actor, { route: 'test' }, async (ctx) => {
    await logPersonsShown(ctx.client, actor, 'list', [randomUUID()]);
    expect(await setting(ctx.client)).toBe('on');
    await ctx.log({ entity: 'person', entityId: randomUUID(), action: 'update', after: { n: 3 } });
    return { status: 200, body: null };
  });
  expect((await modes()).slice(before)).toEqual(['on', 'on']);
  expect(await verifyAuditChain(pool, TEST_SECRET_KEY)).toMatchObject({ ok: true, rows: 6 });
});

test('an ID lookup and its read entry in one statement: the entry is deferred too, names the keys, and verifies', async () => {
  const before = (await modes()).length;
  const scoped = { ...actor, governorates: ['PS0101'] };
  const r = await lookUpPersonsLogged(pool, scoped, { nationalId: '123456782', phone: undefined, limit: 20, offset: 0 }, ['national_id']);
  expect(r).toMatchObject({ items: [], total: 0, more: false });
  expect(await setting(pool)).toBe('on');
  expect((await modes()).slice(before)).toEqual(['off']);
  const last = await pool.query<{ entity: string; entity_id: string | null; action: string; after: unknown }>(
    'SELECT entity, entity_id, action, after FROM change_log ORDER BY seq DESC LIMIT 1',
  );
  expect(last.rows[0]).toEqual({
    entity: 'person_list',
    entity_id: null,
    action: 'read',
    after: { via: 'search', shown: 0, ids: [], by: ['national_id'] },
  });
  expect(await verifyAuditChain(pool, TEST_SECRET_KEY)).toMatchObject({ ok: true, rows: 7 });
});
