// `sanad audit verify` on a real database: intact, then tampered (exit code 3, first bad row named).
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { appendLog } from '../../src/store/write.ts';
import { sanadOut } from '../support/cli.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();
let auditor: TestUser;
beforeAll(async () => {
  auditor = await makeUser(t.db, { role: 'auditor' });
  const actor = { userId: null, orgId: randomUUID(), role: 'administrator' as const, governorates: [] };
  for (let i = 0; i < 5; i++) await appendLog(t.db.pool, actor, { entity: 'person', entityId: randomUUID(), action: 'read' });
});

const verify = () => sanadOut(['audit', 'verify', '--user', auditor.username], t.db.url);

test('intact, then an edited row is named', async () => {
  const ok = await verify();
  expect(ok).toMatchObject({ code: 0, out: expect.stringContaining('change log intact: 5 rows') });
  const c = await t.db.owner.connect(); // only the owner can bypass the append-only trigger
  await c.query('BEGIN');
  await c.query("SET LOCAL session_replication_role = 'replica'");
  await c.query("UPDATE change_log SET action = 'update' WHERE seq = 4");
  await c.query('COMMIT');
  c.release();
  const bad = await verify();
  expect(bad).toMatchObject({ code: 3, out: expect.stringContaining('BROKEN at row seq=4: edited') });
}, 30_000);

test('only roles the command matrix allows may verify', async () => {
  const officer = await makeUser(t.db, { role: 'registration_officer' });
  const r = await sanadOut(['audit', 'verify', '--user', officer.username], t.db.url);
  expect(r.code).toBe(1);
  expect(r.err).toContain('Your role (registration_officer) may not run `sanad audit verify`.');
  expect(r.out).toBe('');
});
