// Anchors: `sanad audit anchor` signs the change log's head with the server's key, stores it and
// writes it to a file to keep elsewhere; `sanad audit verify` compares the chain with the stored
// anchors and the files given. A restored older backup rolls the chain back: an anchor newer than
// the head names it. A forged anchor is named too.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { newSecretKey } from '../../src/access/secretBox.ts';
import { AnchorFile, createAnchor } from '../../src/store/auditAnchor.ts';
import { verifyAuditChain } from '../../src/store/auditVerify.ts';
import { appendLog } from '../../src/store/write.ts';
import { sanadOut } from '../support/cli.ts';
import { makeUser, TEST_SECRET_KEY, type TestUser } from '../support/factories.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
const actor = { userId: null, orgId: randomUUID(), role: 'administrator' as const, governorates: [] };
const append = async (n: number) => {
  for (let i = 0; i < n; i++) await appendLog(t.db.pool, actor, { entity: 'person', entityId: randomUUID(), action: 'read' });
};
let auditor: TestUser;
let dir: string;
beforeAll(async () => {
  auditor = await makeUser(t.db, { role: 'auditor' });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-anchor-'));
});
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

/** What restoring a backup taken at `seq` leaves: the rows up to it, the head there, the anchors made before. */
async function restoreBackupAt(seq: number): Promise<void> {
  const c = await t.db.owner.connect();
  try {
    await c.query('BEGIN');
    await c.query("SET LOCAL session_replication_role = 'replica'");
    await c.query('DELETE FROM change_log WHERE seq > $1', [seq]);
    await c.query('UPDATE change_log_head h SET seq = c.seq, hash = c.hash FROM change_log c WHERE c.seq = $1', [seq]);
    await c.query('DELETE FROM change_log_anchor WHERE seq >= $1', [seq]);
    await c.query('COMMIT');
  } finally {
    c.release();
  }
}

test('anchor, verify with it, then a rollback below the anchor is named; a forged anchor is named', async () => {
  await append(10);
  const file = path.join(dir, 'anchor.json');
  const made = await sanadOut(['audit', 'anchor', '--output', file, '--user', auditor.username], t.db.url);
  expect(made.code, made.err).toBe(0);
  const anchor = AnchorFile.parse(JSON.parse(await fs.readFile(file, 'utf8')));
  const head = (await t.db.pool.query("SELECT seq, encode(hash, 'hex') AS h FROM change_log_head")).rows[0];
  expect(anchor.seq).toBe(head.seq - 1); // the anchor's own log entry comes after the head it names
  expect(anchor.hash).toBe(
    (await t.db.pool.query("SELECT encode(hash, 'hex') AS h FROM change_log WHERE seq = $1", [anchor.seq])).rows[0].h,
  );
  await append(5);

  const ok = await sanadOut(['audit', 'verify', '--anchor', file, '--user', auditor.username], t.db.url);
  expect(ok.code, ok.err).toBe(0);
  expect(ok.out).toMatch(/change log intact: \d+ rows, head [0-9a-f]{64}, keyed from seq 1; 2 anchor\(s\), the latest at seq \d+/);

  // an older backup is restored: the anchor kept elsewhere is newer than the head
  const older = anchor.seq - 3;
  await restoreBackupAt(older);
  expect(await verifyAuditChain(t.db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: true }); // nothing inside the database can tell
  expect(await verifyAuditChain(t.db.pool, TEST_SECRET_KEY, { anchors: [anchor] })).toMatchObject({
    ok: false,
    problem: 'rolled_back',
    firstBadSeq: older + 1,
  });
  const rolled = await sanadOut(['audit', 'verify', '--anchor', file, '--user', auditor.username], t.db.url);
  expect(rolled.code).toBe(3);
  expect(rolled.out).toContain(`ROLLED BACK: an anchor names seq ${anchor.seq}, the chain ends at seq ${older}`);

  // an anchor with another hash, or signed with another key, is not taken as one
  const forged = { ...anchor, seq: older };
  expect(await verifyAuditChain(t.db.pool, TEST_SECRET_KEY, { anchors: [forged] })).toMatchObject({ ok: false, problem: 'anchor_invalid' });
  const otherServer = await createAnchorWith(newSecretKey());
  expect(await verifyAuditChain(t.db.pool, TEST_SECRET_KEY, { anchors: [otherServer] })).toMatchObject({
    ok: false,
    problem: 'anchor_invalid',
  });
});

test('an anchor the chain disagrees with (rewritten with the key, say by a copy of the server) is named', async () => {
  const anchor = await createAnchor(t.db.pool, TEST_SECRET_KEY, actor);
  await append(2);
  const c = await t.db.owner.connect();
  try {
    await c.query('BEGIN');
    await c.query("SET LOCAL session_replication_role = 'replica'");
    await c.query("UPDATE change_log SET hash = '\\x00' WHERE seq = $1", [anchor.seq]);
    await c.query('COMMIT');
  } finally {
    c.release();
  }
  expect(await verifyAuditChain(t.db.pool, TEST_SECRET_KEY)).toMatchObject({ ok: false, firstBadSeq: anchor.seq });
});

test('only administrators and auditors may anchor', async () => {
  const officer = await makeUser(t.db, { role: 'registration_officer' });
  const r = await sanadOut(['audit', 'anchor', '--user', officer.username], t.db.url);
  expect(r.code).toBe(1);
  expect(r.err).toContain('may not run `sanad audit anchor`');
});

/** An anchor made by a server with another key, on this chain (stored, then taken out again). */
async function createAnchorWith(key: ReturnType<typeof newSecretKey>) {
  const a = await createAnchor(t.db.pool, key, actor);
  await t.db.owner.query('DELETE FROM change_log_anchor WHERE signature = $1', [Buffer.from(a.signature, 'base64url')]);
  return a;
}
