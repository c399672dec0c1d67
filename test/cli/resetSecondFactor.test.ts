// `sanad user reset-2fa` on a real database: an administrator of the user's organisation resets
// the second factor (logged under their name); other roles and other organisations are refused.
import { expect, test } from 'vitest';
import { makeOrg, makeUser, PASSWORD, testApp } from '../support/factories.ts';
import { enrol } from '../support/signIn.ts';
import { sanadOut } from '../support/cli.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();

const sanad = (args: string[]) => sanadOut(args, t.db.url);

test('an administrator resets a user of their organisation; others may not', async () => {
  const orgId = await makeOrg(t.db);
  const admin = await makeUser(t.db, { role: 'administrator', orgId });
  const officer = await makeUser(t.db, { role: 'registration_officer', orgId });
  const outsider = await makeUser(t.db, { role: 'administrator' });
  const app = await testApp(t.db);
  await enrol(app, officer.username, PASSWORD);

  const denied = await sanad(['user', 'reset-2fa', '--username', officer.username, '--user', officer.username]);
  expect(denied.code).not.toBe(0);
  expect(denied.err).toContain('may not reset a second factor');
  const elsewhere = await sanad(['user', 'reset-2fa', '--username', officer.username, '--user', outsider.username]);
  expect(elsewhere.code).not.toBe(0);
  expect(elsewhere.err).toContain('no user named');
  expect((await t.db.pool.query('SELECT 1 FROM user_totp WHERE user_id = $1', [officer.id])).rowCount).toBe(1);

  const ok = await sanad(['user', 'reset-2fa', '--username', officer.username, '--user', admin.username]);
  expect(ok.code).toBe(0);
  expect(ok.out).toContain(`reset the second factor of ${officer.username}; 2 session(s) ended`);
  expect((await t.db.pool.query('SELECT 1 FROM user_totp WHERE user_id = $1', [officer.id])).rowCount).toBe(0);
  const log = await t.db.pool.query('SELECT actor_id, device_id, action FROM change_log WHERE entity_id = $1 ORDER BY seq', [officer.id]);
  expect(log.rows.at(-1)).toEqual({ actor_id: admin.id, device_id: 'cli', action: 'second_factor_reset' });
  const next = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: officer.username, password: PASSWORD } });
  expect(next.json().status).toBe('enrolment_required');
  await app.close();
}, 60_000);
