// API tokens: only for machine accounts, within the administrator's governorates, always ending
// (days required, at most 365), shown once, listed without the secret, revocable. An expired or
// revoked token answers 401 with its own problem id.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { makeMachine, type TestUser } from '../support/factories.ts';

const t = useTestApp();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const meWith = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });

async function machine(admin: TestUser, governorates = ['PS0260'], role = 'distribution_officer'): Promise<string> {
  const res = await t.post(admin, '/api/v1/users', { username: `bot.${randomUUID().slice(0, 8)}`, kind: 'machine', role, governorates });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

test('a token for a machine account acts as it; only its hash is kept; the change log names it, not the token', async () => {
  const admin = await t.user({ role: 'administrator' });
  const bot = await machine(admin);
  const res = await t.post(admin, '/api/v1/tokens', { userId: bot, name: 'point 7 tablet', days: 30 });
  expect(res.statusCode).toBe(201);
  const { token, record } = res.json();
  expect(token).toMatch(/^sat_[A-Za-z0-9_-]{43}$/);
  expect(record).toMatchObject({ userId: bot, name: 'point 7 tablet', revokedAt: null });
  const days = (Date.parse(record.expiresAt) - Date.parse(record.createdAt)) / 86_400_000;
  expect(days).toBeCloseTo(30, 3);
  expect((await meWith(token)).json()).toMatchObject({ userId: bot, role: 'distribution_officer', governorates: ['PS0260'] });
  const log = await t.db.pool.query("SELECT actor_id, entity_id, after FROM change_log WHERE action = 'token_create'");
  expect(log.rows).toEqual([
    { actor_id: admin.id, entity_id: record.id, after: { userId: bot, name: 'point 7 tablet', days: 30, expiresAt: record.expiresAt } },
  ]);
  const all = await t.db.pool.query("SELECT string_agg(coalesce(after::text, ''), ' ') AS s FROM change_log");
  expect(all.rows[0].s).not.toContain(token.slice(4));
});

test('a person gets no token (409 not_a_machine): not a human user, not the administrator', async () => {
  const admin = await t.user({ role: 'administrator' });
  const person = await t.user({ role: 'caseworker', orgId: admin.orgId });
  for (const userId of [person.id, admin.id]) {
    const res = await t.post(admin, '/api/v1/tokens', { userId, name: 'script', days: 30 });
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('/problems/not_a_machine');
  }
  const made = await t.db.pool.query('SELECT count(*)::int AS n FROM api_token WHERE user_id = ANY($1::uuid[])', [[person.id, admin.id]]);
  expect(made.rows[0].n).toBe(0);
});

test('the expiry is required and bounded (422 naming days)', async () => {
  const admin = await t.user({ role: 'administrator' });
  const bot = await machine(admin);
  for (const days of [undefined, 0, 366, 3650]) {
    const res = await t.post(admin, '/api/v1/tokens', { userId: bot, name: 'x', ...(days === undefined ? {} : { days }) });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['days']);
  }
  expect((await t.post(admin, '/api/v1/tokens', { userId: bot, name: 'x', days: 365 })).statusCode).toBe(201);
});

test('listed without the secret; revoked: 401 token_revoked; expired: 401 token_expired', async () => {
  const admin = await t.user({ role: 'administrator' });
  const bot = await machine(admin);
  const a = (await t.post(admin, '/api/v1/tokens', { userId: bot, name: 'tablet a', days: 10 })).json();
  const b = (await t.post(admin, '/api/v1/tokens', { userId: bot, name: 'tablet b', days: 10 })).json();
  const list = await t.get(admin, `/api/v1/tokens?userId=${bot}`);
  expect(list.statusCode).toBe(200);
  expect(list.json().items.map((x: { name: string }) => x.name)).toEqual(['tablet b', 'tablet a']);
  expect(list.body).not.toContain(a.token.slice(4));
  expect(list.body).not.toContain(b.token.slice(4));

  const revoked = await t.post(admin, `/api/v1/tokens/${a.record.id}/revoke`);
  expect(revoked.statusCode).toBe(200);
  expect(revoked.json().revokedAt).toEqual(expect.any(String));
  const refused = await meWith(a.token);
  expect(refused.statusCode).toBe(401);
  expect(refused.json().type).toBe('/problems/token_revoked');
  const again = await t.post(admin, `/api/v1/tokens/${a.record.id}/revoke`);
  expect(again.json().revokedAt).toBe(revoked.json().revokedAt);
  const log = await t.db.pool.query("SELECT count(*)::int AS n FROM change_log WHERE action = 'token_revoke' AND entity_id = $1", [
    a.record.id,
  ]);
  expect(log.rows[0].n).toBe(1);

  expect((await meWith(b.token)).statusCode).toBe(200);
  await t.db.pool.query("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1", [b.record.id]);
  const expired = await meWith(b.token);
  expect(expired.statusCode).toBe(401);
  expect(expired.json().type).toBe('/problems/token_expired');
  // an unknown token stays the plain 401
  expect((await meWith(`sat_${'x'.repeat(43)}`)).json().type).toBe('/problems/unauthenticated');
});

test('scope: an administrator of one governorate mints, lists and revokes tokens only for machines within it (404 otherwise)', async () => {
  const all = await t.user({ role: 'administrator' });
  const gaza = await t.user({ role: 'administrator', orgId: all.orgId, governorates: ['PS0260'] });
  const wide = await machine(all, ['PS0260', 'PS0110']);
  const outside = await t.post(gaza, '/api/v1/tokens', { userId: wide, name: 'x', days: 5 });
  expect(outside.statusCode).toBe(404);
  expect(outside.json().type).toBe('/problems/not_found');
  const tok = (await t.post(all, '/api/v1/tokens', { userId: wide, name: 'wide', days: 5 })).json();
  expect((await t.get(gaza, '/api/v1/tokens')).json().items).toEqual([]);
  expect((await t.post(gaza, `/api/v1/tokens/${tok.record.id}/revoke`)).statusCode).toBe(404);
  expect((await meWith(tok.token)).statusCode).toBe(200);
  const inside = await machine(gaza, ['PS0260']);
  expect((await t.post(gaza, '/api/v1/tokens', { userId: inside, name: 'gaza', days: 5 })).statusCode).toBe(201);
});

test('another organisation’s machine or token, or none, is 404; a disabled machine 409; other roles 403; no session 401', async () => {
  const admin = await t.user({ role: 'administrator' });
  const stranger = await t.user({ role: 'administrator' });
  const theirs = await machine(stranger);
  const theirToken = (await t.post(stranger, '/api/v1/tokens', { userId: theirs, name: 'x', days: 5 })).json();
  for (const userId of [theirs, randomUUID()])
    expect((await t.post(admin, '/api/v1/tokens', { userId, name: 'x', days: 5 })).statusCode).toBe(404);
  expect((await t.post(admin, `/api/v1/tokens/${theirToken.record.id}/revoke`)).statusCode).toBe(404);
  const mine = await machine(admin);
  await t.post(admin, `/api/v1/users/${mine}/disable`);
  const disabled = await t.post(admin, '/api/v1/tokens', { userId: mine, name: 'x', days: 5 });
  expect(disabled.statusCode).toBe(409);
  expect(disabled.json().type).toBe('/problems/account_disabled');
  const officer = await t.user({ role: 'registration_officer', orgId: admin.orgId });
  expect((await t.post(officer, '/api/v1/tokens', { userId: mine, name: 'mine', days: 5 })).statusCode).toBe(403);
  expect((await t.get(officer, '/api/v1/tokens')).statusCode).toBe(403);
  expect((await t.post(undefined, '/api/v1/tokens', { userId: mine, name: 'mine', days: 5 })).statusCode).toBe(401);
});

test('a machine’s API token administers nothing, even with the administrator role (403 session_required): a leaked token cannot mint more', async () => {
  const admin = await t.user({ role: 'administrator' });
  const adminBot = await makeMachine(t.db, { orgId: admin.orgId, role: 'administrator' });
  const bot = await machine(admin);
  const tries = [
    t.post(adminBot, '/api/v1/tokens', { userId: bot, name: 'more', days: 5 }),
    t.post(adminBot, '/api/v1/users', {
      username: 'sneaky.admin',
      password: 'a long enough password',
      role: 'administrator',
      governorates: ['PS0260'],
    }),
    t.post(adminBot, `/api/v1/users/${admin.id}/disable`),
    t.put(adminBot, `/api/v1/users/${bot}/access`, { role: 'administrator', governorates: ['PS0260'] }),
    t.post(adminBot, `/api/v1/users/${admin.id}/temporary-password`, { password: 'a long enough password' }),
  ];
  for (const res of await Promise.all(tries)) {
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toBe('/problems/session_required');
  }
  expect((await t.get(adminBot, '/api/v1/users')).statusCode).toBe(200); // reading stays possible
});
