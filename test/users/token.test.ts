// POST /api/v1/tokens: an administrator creates an API token for a user of their organisation. The
// token is shown once, stored as a hash, logged by name; another organisation's user is 404.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

test('a token for a machine user acts as that user; only its hash is kept; the change log names it, not the token', async () => {
  const admin = await t.user({ role: 'administrator' });
  const bot = await t.user({ role: 'distribution_officer', orgId: admin.orgId, governorates: ['PS0260'] });
  const res = await t.post(admin, '/api/v1/tokens', { userId: bot.id, name: 'point 7 tablet', days: 30 });
  expect(res.statusCode).toBe(201);
  const token = res.json().token as string;
  expect(token).toMatch(/^sat_[A-Za-z0-9_-]{43}$/);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  expect(me.json()).toMatchObject({ userId: bot.id, role: 'distribution_officer', governorates: ['PS0260'] });
  const row = await t.db.pool.query(
    `SELECT name, round(extract(epoch FROM expires_at - created_at) / 86400)::int AS days FROM api_token
      WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
    [token],
  );
  expect(row.rows).toEqual([{ name: 'point 7 tablet', days: 30 }]);
  const log = await t.db.pool.query("SELECT actor_id, after FROM change_log WHERE entity_id = $1 AND action = 'token_create'", [bot.id]);
  expect(log.rows).toEqual([{ actor_id: admin.id, after: { name: 'point 7 tablet', days: 30 } }]);
  const all = await t.db.pool.query("SELECT string_agg(coalesce(after::text, ''), ' ') AS s FROM change_log");
  expect(all.rows[0].s).not.toContain(token.slice(4));
});

test('without days the token does not expire', async () => {
  const admin = await t.user({ role: 'administrator' });
  const res = await t.post(admin, '/api/v1/tokens', { userId: admin.id, name: 'nightly export' });
  expect(res.statusCode).toBe(201);
  const row = await t.db.pool.query("SELECT expires_at FROM api_token WHERE token_hash = sha256(convert_to($1, 'UTF8'))", [
    res.json().token,
  ]);
  expect(row.rows).toEqual([{ expires_at: null }]);
});

test('a user of another organisation, or none, is 404 and no token is made', async () => {
  const admin = await t.user({ role: 'administrator' });
  const stranger = await t.user({ role: 'registration_officer' });
  const before = (await t.db.pool.query('SELECT count(*)::int AS n FROM api_token')).rows[0].n;
  for (const userId of [stranger.id, randomUUID()]) {
    const res = await t.post(admin, '/api/v1/tokens', { userId, name: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json().type).toBe('/problems/not_found');
  }
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM api_token')).rows[0].n).toBe(before);
});

test('invalid fields are 422; other roles 403; no session 401', async () => {
  const admin = await t.user({ role: 'administrator' });
  const bad = await t.post(admin, '/api/v1/tokens', { userId: 'not-a-uuid', name: '', days: 0 });
  expect(bad.statusCode).toBe(422);
  expect(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
  ).toEqual(['days', 'name', 'userId']);
  const officer = await t.user({ role: 'registration_officer', orgId: admin.orgId });
  expect((await t.post(officer, '/api/v1/tokens', { userId: officer.id, name: 'mine' })).statusCode).toBe(403);
  expect((await t.post(undefined, '/api/v1/tokens', { userId: officer.id, name: 'mine' })).statusCode).toBe(401);
});
