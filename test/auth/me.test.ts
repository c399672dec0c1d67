// GET /api/v1/me and POST /api/v1/auth/logout: who is signed in (account, organisation, second
// factor, recovery codes left), and ending this session only.
import { expect, test } from 'vitest';
import { PASSWORD } from '../support/factories.ts';
import { enrol } from '../support/signIn.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test('a person signed in with a second factor: account, organisation, governorates and 10 recovery codes left', async () => {
  const u = await t.user({ role: 'caseworker', governorates: ['PS0255', 'PS0260'] });
  const org = (await t.db.pool.query('SELECT name FROM organisation WHERE id = $1', [u.orgId])).rows[0].name;
  const { token } = await enrol(t.app, u.username, PASSWORD);
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({
    userId: u.id,
    username: u.username,
    orgId: u.orgId,
    organisation: org,
    role: 'caseworker',
    governorates: ['PS0255', 'PS0260'],
    secondFactor: true,
    recoveryCodesLeft: 10,
    passwordTemporary: false,
  });
});

test('an API token: the machine user, no second factor', async () => {
  const admin = await t.user({ role: 'administrator' });
  const bot = await t.post(admin, '/api/v1/users', {
    username: 'nightly.export',
    kind: 'machine',
    role: 'analyst',
    governorates: ['PS0260'],
  });
  const token = (await t.post(admin, '/api/v1/tokens', { userId: bot.json().id, name: 'script', days: 7 })).json().token as string;
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
  expect(res.json()).toMatchObject({ userId: bot.json().id, username: 'nightly.export', secondFactor: false, recoveryCodesLeft: 0 });
});

test('logout ends this session only; then 401', async () => {
  const u = await t.user({ role: 'analyst' });
  const { token } = await enrol(t.app, u.username, PASSWORD);
  const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token), payload: {} });
  expect(out.statusCode).toBe(200);
  expect(out.json()).toEqual({ ok: true });
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
  expect((await t.get(u, '/api/v1/me')).statusCode).toBe(200); // the user's other session lives on
});

test('without a session, or with an unknown token: 401', async () => {
  expect((await t.get(undefined, '/api/v1/me')).statusCode).toBe(401);
  expect((await t.post(undefined, '/api/v1/auth/logout')).statusCode).toBe(401);
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer('ses_not-a-real-token') });
  expect(res.statusCode).toBe(401);
  expect(res.json().type).toBe('/problems/unauthenticated');
});
