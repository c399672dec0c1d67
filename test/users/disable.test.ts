// POST /api/v1/users/:id/disable and /enable: disabling ends the account's sessions and revokes its
// API tokens at once, and it can no longer sign in; enabling gives neither back. Never one's own.
import { expect, test } from 'vitest';
import { makeMachine, PASSWORD } from '../support/factories.ts';
import { enrol, signIn } from '../support/signIn.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const meWith = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
const login = (username: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });

test('disabling a person ends every session at once; sign-in is refused; enabling lets them sign in again', async () => {
  const admin = await t.user({ role: 'administrator' });
  const officer = await t.user({ role: 'caseworker', orgId: admin.orgId });
  const { token, auth } = await enrol(t.app, officer.username, PASSWORD);
  expect((await meWith(token)).statusCode).toBe(200);
  const res = await t.post(admin, `/api/v1/users/${officer.id}/disable`);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ user: { id: officer.id, disabled: true }, sessionsEnded: 2, tokensRevoked: 0 });
  expect((await meWith(token)).statusCode).toBe(401);
  expect((await meWith(officer.token)).statusCode).toBe(401);
  expect((await login(officer.username)).json().type).toBe('/problems/bad_credentials');
  const log = await t.db.pool.query("SELECT actor_id, before, after FROM change_log WHERE entity_id = $1 AND action = 'disable'", [
    officer.id,
  ]);
  expect(log.rows).toEqual([
    { actor_id: admin.id, before: { disabled: false }, after: { disabled: true, sessionsEnded: 2, tokensRevoked: 0 } },
  ]);

  const on = await t.post(admin, `/api/v1/users/${officer.id}/enable`);
  expect(on.json()).toMatchObject({ user: { disabled: false }, sessionsEnded: 0, tokensRevoked: 0 });
  expect((await meWith(token)).statusCode).toBe(401); // the old session stays ended
  const again = await signIn(t.app, officer.username, PASSWORD, auth);
  expect((await meWith(again)).statusCode).toBe(200);
}, 90_000);

test('disabling a machine revokes its tokens at once (401 token_revoked), and enabling does not bring them back', async () => {
  const admin = await t.user({ role: 'administrator' });
  const bot = await makeMachine(t.db, { orgId: admin.orgId });
  expect((await meWith(bot.token)).statusCode).toBe(200);
  const res = await t.post(admin, `/api/v1/users/${bot.id}/disable`);
  expect(res.json()).toMatchObject({ sessionsEnded: 0, tokensRevoked: 1 });
  const refused = await meWith(bot.token);
  expect(refused.statusCode).toBe(401);
  expect(refused.json().type).toBe('/problems/token_revoked');
  await t.post(admin, `/api/v1/users/${bot.id}/enable`);
  expect((await meWith(bot.token)).json().type).toBe('/problems/token_revoked');
});

test('not oneself (409 own_account); another organisation’s or an unknown account 404; other roles 403', async () => {
  const admin = await t.user({ role: 'administrator' });
  const self = await t.post(admin, `/api/v1/users/${admin.id}/disable`);
  expect(self.statusCode).toBe(409);
  expect(self.json().type).toBe('/problems/own_account');
  expect((await t.get(admin, '/api/v1/me')).statusCode).toBe(200);
  const stranger = await t.user({ role: 'caseworker' });
  expect((await t.post(admin, `/api/v1/users/${stranger.id}/disable`)).statusCode).toBe(404);
  expect((await t.get(stranger, '/api/v1/me')).statusCode).toBe(200);
  const colleague = await t.user({ role: 'registration_officer', orgId: admin.orgId });
  expect((await t.post(colleague, `/api/v1/users/${admin.id}/disable`)).statusCode).toBe(403);
  expect((await t.post(colleague, `/api/v1/users/${admin.id}/enable`)).statusCode).toBe(403);
});
