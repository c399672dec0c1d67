// `sanad user reset-2fa` on a real database: an administrator of the user's organisation resets
// the second factor (logged under their name); other roles and other organisations are refused.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { makeOrg, makeUser, PASSWORD, testApp } from '../support/factories.ts';
import { enrol } from '../support/signIn.ts';

const run = promisify(execFile);
let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => db.drop());

const sanad = (args: string[]) =>
  run(process.execPath, ['bin/sanad.js', ...args], { env: { ...process.env, DATABASE_URL: db.url } }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

test('an administrator resets a user of their organisation; others may not', async () => {
  const orgId = await makeOrg(db);
  const admin = await makeUser(db, { role: 'administrator', orgId });
  const officer = await makeUser(db, { role: 'registration_officer', orgId });
  const outsider = await makeUser(db, { role: 'administrator' });
  const app = await testApp(db);
  await enrol(app, officer.username, PASSWORD);

  const denied = await sanad(['user', 'reset-2fa', '--username', officer.username, '--user', officer.username]);
  expect(denied.code).not.toBe(0);
  expect(denied.err).toContain('may not reset a second factor');
  const elsewhere = await sanad(['user', 'reset-2fa', '--username', officer.username, '--user', outsider.username]);
  expect(elsewhere.code).not.toBe(0);
  expect(elsewhere.err).toContain('no user named');
  expect((await db.pool.query('SELECT 1 FROM user_totp WHERE user_id = $1', [officer.id])).rowCount).toBe(1);

  const ok = await sanad(['user', 'reset-2fa', '--username', officer.username, '--user', admin.username]);
  expect(ok.code).toBe(0);
  expect(ok.out).toContain(`reset the second factor of ${officer.username}; 2 session(s) ended`);
  expect((await db.pool.query('SELECT 1 FROM user_totp WHERE user_id = $1', [officer.id])).rowCount).toBe(0);
  const log = await db.pool.query('SELECT actor_id, device_id, action FROM change_log WHERE entity_id = $1 ORDER BY seq', [officer.id]);
  expect(log.rows.at(-1)).toEqual({ actor_id: admin.id, device_id: 'cli', action: 'second_factor_reset' });
  const next = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: officer.username, password: PASSWORD } });
  expect(next.json().status).toBe('enrolment_required');
  await app.close();
}, 60_000);
