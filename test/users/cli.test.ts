// `sanad user add` and `sanad user token` on a real database: both write the change log (issue #12:
// they did not), tokens only for machine accounts and always with an end; the token printed once.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';

const run = promisify(execFile);
const t = useTestApp();
const sanad = (...args: string[]) =>
  run(process.execPath, ['bin/sanad.js', 'user', ...args], { env: { ...process.env, DATABASE_URL: t.db.url, SANAD_PASSWORD: '' } });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => '',
    (e: { stderr?: string }) => e.stderr ?? String(e),
  );

test('sanad user add: the account and its organisation, in the change log (no password); a taken name in the organisation refused', async () => {
  const { stdout } = await sanad(
    'add',
    '--username',
    'first.admin',
    '--org',
    'CLI org',
    '--role',
    'administrator',
    '--password',
    'a long enough password',
  );
  expect(stdout).toContain('created user first.admin (administrator)');
  const u = await t.db.pool.query("SELECT id, org_id, kind, password_temporary FROM app_user WHERE username = 'first.admin'");
  expect(u.rows).toEqual([{ id: expect.any(String), org_id: expect.any(String), kind: 'person', password_temporary: false }]);
  const log = await t.db.pool.query(
    "SELECT actor_id, org_id, device_id, action, after FROM change_log WHERE entity = 'user' AND entity_id = $1",
    [u.rows[0].id],
  );
  expect(log.rows).toEqual([
    {
      actor_id: null,
      org_id: u.rows[0].org_id,
      device_id: 'cli',
      action: 'create',
      after: {
        username: 'first.admin',
        kind: 'person',
        role: 'administrator',
        governorates: expect.any(Array),
        disabled: false,
        passwordTemporary: false,
      },
    },
  ]);
  expect(JSON.stringify(log.rows)).not.toContain('a long enough password');
  const org = await t.db.pool.query("SELECT actor_id, device_id, after FROM change_log WHERE entity = 'organisation' AND entity_id = $1", [
    u.rows[0].org_id,
  ]);
  expect(org.rows).toEqual([{ actor_id: null, device_id: 'cli', after: { name: 'CLI org' } }]);
  expect(
    await failure(
      sanad('add', '--username', 'first.admin', '--org', 'CLI org', '--role', 'analyst', '--password', 'a long enough password'),
    ),
  ).toContain('exists already in that organisation');
  // another organisation may have the name; --temporary: they choose their own password at the first sign-in
  await sanad(
    'add',
    '--username',
    'first.admin',
    '--org',
    'Other org',
    '--role',
    'analyst',
    '--password',
    'another long password',
    '--temporary',
  );
  const temp = await t.db.pool.query("SELECT password_temporary FROM app_user WHERE username = 'first.admin' ORDER BY created_at");
  expect(temp.rows.map((r) => r.password_temporary)).toEqual([false, true]);
}, 60_000);

test('sanad user token: only for a machine account, with --days (at most 365); a working token, logged by name', async () => {
  const admin = await t.user({ role: 'administrator' });
  const org = (await t.db.pool.query('SELECT name FROM organisation WHERE id = $1', [admin.orgId])).rows[0].name as string;
  await sanad(
    'add',
    '--username',
    'tablet.bot',
    '--org',
    org,
    '--role',
    'distribution_officer',
    '--kind',
    'machine',
    '--governorates',
    'PS0260',
  );
  expect(await failure(sanad('token', '--username', admin.username, '--name', 'x', '--days', '30'))).toContain('only for machine accounts');
  expect(await failure(sanad('token', '--username', 'tablet.bot', '--org', org, '--name', 'x'))).toContain("'--days <n>' not specified");
  expect(await failure(sanad('token', '--username', 'tablet.bot', '--org', org, '--name', 'x', '--days', '400'))).toContain(
    'every token ends',
  );
  const { stdout } = await sanad(
    'token',
    '--username',
    'tablet.bot',
    '--org',
    org,
    '--name',
    'tablet 3',
    '--days',
    '30',
    '--user',
    admin.username,
  );
  const token = stdout.trim();
  expect(token).toMatch(/^sat_[A-Za-z0-9_-]{43}$/);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  expect(me.json()).toMatchObject({ username: 'tablet.bot', role: 'distribution_officer', governorates: ['PS0260'] });
  const log = await t.db.pool.query("SELECT actor_id, org_id, device_id, after FROM change_log WHERE action = 'token_create'");
  expect(log.rows).toEqual([
    { actor_id: admin.id, org_id: admin.orgId, device_id: 'cli', after: expect.objectContaining({ name: 'tablet 3', days: 30 }) },
  ]);
  expect(JSON.stringify(log.rows)).not.toContain(token.slice(4));
}, 60_000);
