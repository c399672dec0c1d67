// The application connects as a role that owns nothing (src/store/roles.ts): on the change log it
// may only append and read; it cannot change or remove rows, bypass or disable the append-only
// trigger, drop the table or move the chain's head. The owner (migrations) still can, which is why
// the chain is keyed (test/store/auditChain.test.ts).
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { appendLog } from '../../src/store/write.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const actor = { userId: null, orgId: randomUUID(), role: 'administrator' as const, governorates: [] };

test('as the application role: UPDATE, DELETE, TRUNCATE, DISABLE TRIGGER, DROP and replica mode on the change log all fail', async () => {
  for (let i = 0; i < 3; i++) await appendLog(t.db.pool, actor, { entity: 'person', entityId: randomUUID(), action: 'read' });
  const refused: [string, RegExp][] = [
    ["UPDATE change_log SET action = 'x' WHERE seq = 2", /permission denied/],
    ['DELETE FROM change_log WHERE seq = 2', /permission denied/],
    ['TRUNCATE change_log', /permission denied/],
    ['ALTER TABLE change_log DISABLE TRIGGER change_log_no_update', /must be owner/],
    ['ALTER TABLE change_log DISABLE TRIGGER ALL', /must be owner/],
    ['DROP TRIGGER change_log_no_update ON change_log', /must be owner/],
    ['DROP TABLE change_log', /must be owner/],
    ['DROP TABLE person', /must be owner/],
    ["SET session_replication_role = 'replica'", /permission denied/],
    [
      "CREATE OR REPLACE FUNCTION change_log_row_text(r change_log) RETURNS text LANGUAGE sql AS 'SELECT text ''x'''",
      /must be owner|permission denied/,
    ],
    ["UPDATE change_log_head SET hash = '\\x00'", /permission denied/],
    ['UPDATE change_log_keying SET from_seq = 1000', /permission denied/],
    ['DELETE FROM change_log_anchor', /permission denied/],
    ['UPDATE tranche_payment SET amount = 0', /permission denied/],
    ['DELETE FROM tranche_payment', /permission denied/],
    ["UPDATE claim_case_decision SET step = 'approved'", /permission denied/],
    ['DELETE FROM claim_case_decision', /permission denied/],
    ['CREATE TABLE shadow (id int)', /permission denied/],
  ];
  for (const [sql, why] of refused) await expect(t.db.pool.query(sql), sql).rejects.toThrow(why);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM change_log')).rows[0].n).toBe(3);
});

test('the application role is no superuser and owns nothing; it may append to the log and read it', async () => {
  const me = (
    await t.db.pool.query<{ su: boolean; owned: number; create_role: boolean }>(
      `SELECT r.rolsuper AS su, r.rolcreaterole AS create_role,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) + (SELECT count(*)::int FROM pg_proc p WHERE p.proowner = r.oid)
              + (SELECT count(*)::int FROM pg_namespace n WHERE n.nspowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    )
  ).rows[0]!;
  expect(me).toEqual({ su: false, owned: 0, create_role: false });
  const before = (await t.db.pool.query('SELECT seq FROM change_log_head')).rows[0].seq as number;
  await appendLog(t.db.pool, actor, { entity: 'person', entityId: randomUUID(), action: 'read' });
  expect((await t.db.pool.query('SELECT seq FROM change_log_head')).rows[0].seq).toBe(before + 1);
  // the owner is another role
  const owner = (await t.db.owner.query("SELECT pg_get_userbyid(relowner) AS o FROM pg_class WHERE oid = 'change_log'::regclass")).rows[0]
    .o;
  expect(owner).not.toBe((await t.db.pool.query('SELECT current_user AS u')).rows[0].u);
});
