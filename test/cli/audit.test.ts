// `sanad audit verify` on a real database: intact, then tampered (exit code 3, first bad row named).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { appendLog } from '../../src/store/write.ts';
import { freshDb, type TestDb } from '../support/db.ts';

const run = promisify(execFile);
let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
  const actor = { userId: null, orgId: randomUUID(), role: 'administrator' as const, governorates: [] };
  for (let i = 0; i < 5; i++) await appendLog(db.pool, actor, { entity: 'person', entityId: randomUUID(), action: 'read' });
});
afterAll(async () => db.drop());

const verify = () =>
  run(process.execPath, ['bin/sanad.js', 'audit', 'verify'], { env: { ...process.env, DATABASE_URL: db.url } }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );

test('intact, then an edited row is named', async () => {
  const ok = await verify();
  expect(ok).toMatchObject({ code: 0, out: expect.stringContaining('change log intact: 5 rows') });
  const c = await db.pool.connect();
  await c.query('BEGIN');
  await c.query("SET LOCAL session_replication_role = 'replica'");
  await c.query("UPDATE change_log SET action = 'update' WHERE seq = 4");
  await c.query('COMMIT');
  c.release();
  const bad = await verify();
  expect(bad).toMatchObject({ code: 3, out: expect.stringContaining('BROKEN at row seq=4: edited') });
}, 30_000);
