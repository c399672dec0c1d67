// The change log is hash-chained, keyed with the server's key: an edited, deleted or reordered row is
// detected and named. The application's role cannot tamper at all; an attacker with the owner's
// rights (triggers disabled) but not the server's key cannot re-hash the chain; anchors kept
// elsewhere reveal a rollback to an older copy.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import pg from 'pg';
import { chainKeyOf } from '../../src/access/chainKey.ts';
import { newSecretKey } from '../../src/access/secretBox.ts';
import { verifyAuditChain } from '../../src/store/auditVerify.ts';
import { appendLog } from '../../src/store/write.ts';
import { TEST_SECRET_KEY } from '../support/factories.ts';
import { freshDb, type TestDb } from '../support/db.ts';

let db: TestDb;
const actor = { userId: null, orgId: randomUUID(), role: 'administrator' as const, governorates: [] };
beforeEach(async () => {
  db = await freshDb();
  for (let i = 0; i < 20; i++)
    await appendLog(db.pool, actor, { entity: 'person', entityId: randomUUID(), action: 'update', after: { n: i } });
});
afterEach(async () => db.drop());

async function tamper(sql: string): Promise<void> {
  const c = await db.owner.connect(); // the owner: the application's role cannot
  try {
    await c.query('BEGIN');
    await c.query("SET LOCAL session_replication_role = 'replica'"); // bypasses the append-only trigger
    await c.query(sql);
    await c.query('COMMIT');
  } finally {
    c.release();
  }
}

test('an intact log verifies', async () => {
  expect(await verifyAuditChain(db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: true, rows: 20 });
});

test('the log refuses updates and deletes, even to its owner (the trigger)', async () => {
  await expect(db.owner.query("UPDATE change_log SET action = 'x' WHERE seq = 3")).rejects.toThrow(/append-only/);
  await expect(db.owner.query('DELETE FROM change_log WHERE seq = 3')).rejects.toThrow(/append-only/);
});

test('an edited row is named', async () => {
  await tamper(`UPDATE change_log SET after = '{"n": 99}' WHERE seq = 7`);
  expect(await verifyAuditChain(db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: false, firstBadSeq: 7, problem: 'edited' });
});

test('an edited row re-hashed with plain SHA-256 is named: without the server key no hash can be made', async () => {
  await tamper(`UPDATE change_log c SET after = '{"n": 99}' WHERE seq = 7;
                UPDATE change_log c SET hash = sha256(prev_hash || convert_to(change_log_row_text(c), 'UTF8')) WHERE seq = 7`);
  expect(await verifyAuditChain(db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: false, firstBadSeq: 7, problem: 'edited' });
});

test('the whole chain and its head re-hashed with plain SHA-256 from an edited row on is named at that row', async () => {
  await tamper(`UPDATE change_log SET after = '{"n": 99}' WHERE seq = 7;
    DO $$ DECLARE r record; prev bytea; BEGIN
      SELECT hash INTO prev FROM change_log WHERE seq = 6;
      FOR r IN SELECT seq FROM change_log WHERE seq >= 7 ORDER BY seq LOOP
        UPDATE change_log c SET prev_hash = prev, hash = sha256(prev || convert_to(change_log_row_text(c), 'UTF8'))
          WHERE seq = r.seq RETURNING hash INTO prev;
      END LOOP;
      UPDATE change_log_head SET hash = prev;
    END $$`);
  expect(await verifyAuditChain(db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: false, firstBadSeq: 7, problem: 'edited' });
  // and with another key, nothing verifies from the start of the keying
  expect(await verifyAuditChain(db.pool, newSecretKey())).toMatchObject({ ok: false, firstBadSeq: 1, problem: 'other_key' });
});

test('a row appended by a connection without the server key is refused; with a key of its own, it is named', async () => {
  const bare = new pg.Client({ connectionString: db.url });
  await bare.connect();
  try {
    const insert = "INSERT INTO change_log (entity, action, prev_hash, hash) VALUES ('person', 'update', '\\x', '\\x')";
    await expect(bare.query(insert)).rejects.toThrow(/no chain key/);
    await bare.query(`SET sanad.chain_key = '${chainKeyOf(newSecretKey()).setting}'`);
    await bare.query(insert);
  } finally {
    await bare.end();
  }
  expect(await verifyAuditChain(db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: false, firstBadSeq: 21, problem: 'edited' });
});

test('a deleted row is named by the row after the gap', async () => {
  await tamper('DELETE FROM change_log WHERE seq = 12');
  expect(await verifyAuditChain(db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: false, firstBadSeq: 13, problem: 'deleted_or_reordered' });
});

test('reordered rows are detected', async () => {
  await tamper(
    'UPDATE change_log SET seq = -5 WHERE seq = 5; UPDATE change_log SET seq = 5 WHERE seq = 6; UPDATE change_log SET seq = 6 WHERE seq = -5',
  );
  expect(await verifyAuditChain(db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: false, firstBadSeq: 5 });
});

test('a deleted tail is detected against the head', async () => {
  await tamper('DELETE FROM change_log WHERE seq > 18');
  expect(await verifyAuditChain(db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: false, firstBadSeq: 19, problem: 'truncated' });
});
