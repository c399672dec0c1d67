// The change log is hash-chained: an edited, deleted or reordered row is detected and named.
// Tampering needs an attacker with database-owner rights (triggers disabled); the chain still shows it.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { verifyAuditChain } from '../../src/store/auditVerify.ts';
import { appendLog } from '../../src/store/write.ts';
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
  const c = await db.pool.connect();
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
  expect(await verifyAuditChain(db.pool)).toMatchObject({ ok: true, rows: 20 });
});

test('the log refuses updates and deletes', async () => {
  await expect(db.pool.query("UPDATE change_log SET action = 'x' WHERE seq = 3")).rejects.toThrow(/append-only/);
  await expect(db.pool.query('DELETE FROM change_log WHERE seq = 3')).rejects.toThrow(/append-only/);
});

test('an edited row is named', async () => {
  await tamper(`UPDATE change_log SET after = '{"n": 99}' WHERE seq = 7`);
  expect(await verifyAuditChain(db.pool)).toMatchObject({ ok: false, firstBadSeq: 7, problem: 'edited' });
});

test('an edited row with a recomputed hash breaks the next link', async () => {
  await tamper(`UPDATE change_log c SET after = '{"n": 99}' WHERE seq = 7;
                UPDATE change_log c SET hash = sha256(prev_hash || convert_to(change_log_row_text(c), 'UTF8')) WHERE seq = 7`);
  expect(await verifyAuditChain(db.pool)).toMatchObject({ ok: false, firstBadSeq: 8, problem: 'deleted_or_reordered' });
});

test('a deleted row is named by the row after the gap', async () => {
  await tamper('DELETE FROM change_log WHERE seq = 12');
  expect(await verifyAuditChain(db.pool)).toMatchObject({ ok: false, firstBadSeq: 13, problem: 'deleted_or_reordered' });
});

test('reordered rows are detected', async () => {
  await tamper(
    'UPDATE change_log SET seq = -5 WHERE seq = 5; UPDATE change_log SET seq = 5 WHERE seq = 6; UPDATE change_log SET seq = 6 WHERE seq = -5',
  );
  expect(await verifyAuditChain(db.pool)).toMatchObject({ ok: false, firstBadSeq: 5 });
});

test('a deleted tail is detected against the head', async () => {
  await tamper('DELETE FROM change_log WHERE seq > 18');
  expect(await verifyAuditChain(db.pool)).toMatchObject({ ok: false, firstBadSeq: 19, problem: 'truncated' });
});
