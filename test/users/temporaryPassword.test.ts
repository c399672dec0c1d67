// A password set by an administrator is temporary: a new account's, or a new one after a forgotten
// password (POST /api/v1/users/:id/temporary-password). After signing in with it (and the second
// factor), the person must choose their own before anything else.
import { expect, test } from 'vitest';
import { makeMachine, PASSWORD } from '../support/factories.ts';
import { enrol, nextCode, signIn } from '../support/signIn.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const as = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const TEMP = 'temporary password 1';
const OWN = 'my very own password';

test('a new account signs in with the temporary password, then may do nothing but choose its own (no code needed)', async () => {
  const admin = await t.user({ role: 'administrator' });
  const created = await t.post(admin, '/api/v1/users', {
    username: 'new.caseworker',
    password: TEMP,
    role: 'caseworker',
    governorates: ['PS0260'],
  });
  expect(created.json().passwordTemporary).toBe(true);
  const { token, auth } = await enrol(t.app, 'new.caseworker', TEMP);
  expect((await as(token, 'GET', '/api/v1/me')).json()).toMatchObject({ passwordTemporary: true });
  const blocked = await as(token, 'POST', '/api/v1/persons/search', { query: 'سامر' });
  expect(blocked.statusCode).toBe(403);
  expect(blocked.json().type).toBe('/problems/password_change_required');
  expect((await as(token, 'GET', '/api/v1/places/governorates')).json().type).toBe('/problems/password_change_required');
  const same = await as(token, 'POST', '/api/v1/auth/password', { currentPassword: TEMP, newPassword: TEMP });
  expect(same.statusCode).toBe(422);
  const changed = await as(token, 'POST', '/api/v1/auth/password', { currentPassword: TEMP, newPassword: OWN });
  expect(changed.statusCode, changed.body).toBe(200);
  expect((await as(token, 'GET', '/api/v1/me')).json()).toMatchObject({ passwordTemporary: false });
  expect((await as(token, 'POST', '/api/v1/persons/search', { query: 'سامر' })).statusCode).toBe(200);
  const log = await t.db.pool.query("SELECT after FROM change_log WHERE entity_id = $1 AND action = 'password_changed'", [
    created.json().id,
  ]);
  expect(log.rows).toEqual([{ after: { sessionsEnded: 0, temporaryReplaced: true } }]);
  // once their own, a change needs a code again
  const noCode = await as(token, 'POST', '/api/v1/auth/password', { currentPassword: OWN, newPassword: 'yet another password' });
  expect(noCode.statusCode).toBe(422);
  expect(noCode.json().errors).toEqual([{ field: 'code', reason: 'required' }]);
  const withCode = await as(token, 'POST', '/api/v1/auth/password', {
    currentPassword: OWN,
    newPassword: 'yet another password',
    code: await nextCode(auth),
  });
  expect(withCode.statusCode).toBe(200);
}, 90_000);

test('a new temporary password for a person who forgot theirs: sessions end; the second factor stays; logged without it', async () => {
  const admin = await t.user({ role: 'administrator' });
  const officer = await t.user({ role: 'caseworker', orgId: admin.orgId });
  const { token, auth } = await enrol(t.app, officer.username, PASSWORD);
  const res = await t.post(admin, `/api/v1/users/${officer.id}/temporary-password`, { password: TEMP });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ sessionsEnded: 2 });
  expect((await as(token, 'GET', '/api/v1/me')).statusCode).toBe(401);
  const next = await signIn(t.app, officer.username, TEMP, auth); // a code step, not a new enrolment
  expect((await as(next, 'GET', '/api/v1/me')).json()).toMatchObject({ passwordTemporary: true, secondFactor: true });
  expect((await as(next, 'GET', '/api/v1/users')).json().type).toBe('/problems/password_change_required');
  const all = await t.db.pool.query("SELECT string_agg(coalesce(after::text, ''), ' ') AS s FROM change_log");
  expect(all.rows[0].s).not.toContain(TEMP);
  const stored = await t.db.pool.query('SELECT response::text AS r FROM operation');
  expect(stored.rows.map((r) => r.r).join(' ')).not.toContain(TEMP);
}, 90_000);

test('not one’s own (409 own_account); not a machine (409 machine_account); outside one’s governorates 404; weak 422', async () => {
  const all = await t.user({ role: 'administrator' });
  const gaza = await t.user({ role: 'administrator', orgId: all.orgId, governorates: ['PS0260'] });
  const self = await t.post(gaza, `/api/v1/users/${gaza.id}/temporary-password`, { password: TEMP });
  expect(self.json().type).toBe('/problems/own_account');
  const bot = await makeMachine(t.db, { orgId: all.orgId, governorates: ['PS0260'] });
  expect((await t.post(gaza, `/api/v1/users/${bot.id}/temporary-password`, { password: TEMP })).json().type).toBe(
    '/problems/machine_account',
  );
  // Today's hole: a one-governorate administrator took over an all-governorate one with a known password.
  const takeover = await t.post(gaza, `/api/v1/users/${all.id}/temporary-password`, { password: TEMP });
  expect(takeover.statusCode).toBe(404);
  const weak = await t.post(all, `/api/v1/users/${gaza.id}/temporary-password`, { password: 'tiny' });
  expect(weak.statusCode).toBe(422);
  expect(weak.body).not.toContain('tiny');
});
