// A signed-in person changes their own password (POST /api/v1/auth/password), on a real database:
// the current password, the new one (the rules of a new account) and a current code of the
// authenticator; a wrong current password and a wrong code have their own problem ids; API tokens
// are refused; the person's other sessions end (this one stays); the change log records the change
// and never a password, a hash or a code; the new password signs in and the old one no longer does.
import type { FastifyInstance } from 'fastify';
import { expect, test } from 'vitest';
import { makeMachine, makeUser, PASSWORD } from '../support/factories.ts';
import { enrol, nextCode, signIn, wrongCode } from '../support/signIn.ts';
import { useAppPerTest, useTestDb } from '../support/testApp.ts';

const t = useTestDb();
// The auth routes allow 10 requests a minute per address: each test gets an app (and a limiter) of its own.
let app: FastifyInstance;
const logLines: string[] = [];
const newApp = useAppPerTest(t, { log: (l) => logLines.push(JSON.stringify(l)) });
const NEW = 'a brand new synthetic passphrase';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const change = (token: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: bearer(token), payload });
const me = (token: string) => app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const logOf = async (userId: string) =>
  (
    await t.db.pool.query<{ action: string; after: unknown; before: unknown }>(
      "SELECT action, after, before FROM change_log WHERE entity = 'user' AND entity_id = $1 ORDER BY seq",
      [userId],
    )
  ).rows;

test('the current password, a new one and a code: changed; other sessions end, this one stays; logged without secrets', async () => {
  app = await newApp();
  const u = await makeUser(t.db, { role: 'administrator' }); // u.token: a session elsewhere
  const { token, auth } = await enrol(app, u.username, PASSWORD);
  const hashBefore = (await t.db.pool.query('SELECT password_hash FROM app_user WHERE id = $1', [u.id])).rows[0].password_hash;
  const code = await nextCode(auth);
  const r = await change(token, { currentPassword: PASSWORD, newPassword: NEW, code });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.json()).toEqual({ sessionsEnded: 1 });
  expect((await me(token)).statusCode).toBe(200); // this session stays
  expect((await me(u.token)).statusCode).toBe(401); // the other one ended

  // the old password no longer signs in; the new one does (with a code)
  expect((await login(u.username, PASSWORD)).json().type).toBe('/problems/bad_credentials');
  expect(await signIn(app, u.username, NEW, auth)).toMatch(/^ses_/);

  const entry = (await logOf(u.id)).find((e) => e.action === 'password_changed');
  expect(entry?.after).toEqual({ sessionsEnded: 1 });
  const everything = JSON.stringify(await logOf(u.id)) + logLines.join('\n');
  for (const secret of [PASSWORD, NEW, code, hashBefore]) expect(everything).not.toContain(secret);
  const hashAfter = (await t.db.pool.query('SELECT password_hash FROM app_user WHERE id = $1', [u.id])).rows[0].password_hash;
  expect(hashAfter).not.toBe(hashBefore);
  expect(hashAfter).not.toContain(NEW);
});

test('a wrong current password: 403 wrong_password naming currentPassword; nothing changes, no session ends', async () => {
  app = await newApp();
  const u = await makeUser(t.db, { role: 'caseworker' });
  const { token, auth } = await enrol(app, u.username, PASSWORD);
  const r = await change(token, { currentPassword: 'not the right password', newPassword: NEW, code: await nextCode(auth) });
  expect(r.statusCode).toBe(403);
  expect(r.json()).toMatchObject({ type: '/problems/wrong_password', errors: [{ field: 'currentPassword', reason: 'wrong' }] });
  expect(r.body).not.toContain('not the right password');
  expect((await me(u.token)).statusCode).toBe(200);
  expect((await login(u.username, PASSWORD)).statusCode).toBe(200);
  expect((await logOf(u.id)).map((e) => e.action)).not.toContain('password_changed');
});

test('a wrong code: 403 bad_code, counted as at sign-in; nothing changes', async () => {
  app = await newApp();
  const u = await makeUser(t.db, { role: 'analyst' });
  const { token, auth } = await enrol(app, u.username, PASSWORD);
  const r = await change(token, { currentPassword: PASSWORD, newPassword: NEW, code: wrongCode(auth.secret) });
  expect(r.statusCode).toBe(403);
  expect(r.json().type).toBe('/problems/bad_code');
  expect((await t.db.pool.query('SELECT second_factor_failures AS n FROM app_user WHERE id = $1', [u.id])).rows[0].n).toBe(1);
  expect((await me(u.token)).statusCode).toBe(200);
  expect((await login(u.username, PASSWORD)).statusCode).toBe(200);
});

test('the new password follows the rules of a new account, and is not the current one: 422 naming newPassword', async () => {
  app = await newApp();
  const u = await makeUser(t.db, { role: 'auditor' });
  const { token, auth } = await enrol(app, u.username, PASSWORD);
  const short = await change(token, { currentPassword: PASSWORD, newPassword: 'too short', code: await nextCode(auth) });
  expect(short.statusCode).toBe(422);
  expect(short.json().errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
  const same = await change(token, { currentPassword: PASSWORD, newPassword: PASSWORD, code: await nextCode(auth) });
  expect(same.statusCode).toBe(422);
  expect(same.json().errors).toEqual([{ field: 'newPassword', reason: 'same_password' }]);
  expect(same.body).not.toContain(PASSWORD);
});

test('an API token is refused (403 session_required); without a session: 401', async () => {
  app = await newApp();
  const admin = await makeUser(t.db, { role: 'administrator' });
  const apiToken = (await makeMachine(t.db, { orgId: admin.orgId })).token;
  const r = await change(apiToken, { currentPassword: PASSWORD, newPassword: NEW, code: '123456' });
  expect(r.statusCode).toBe(403);
  expect(r.json().type).toBe('/problems/session_required');
  const anon = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    payload: { currentPassword: PASSWORD, newPassword: NEW, code: '123456' },
  });
  expect(anon.statusCode).toBe(401);
  expect((await login(admin.username, PASSWORD)).statusCode).toBe(200);
});
