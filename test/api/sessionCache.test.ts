// A session's lookup is reused for a few seconds (src/store/access/authenticate.ts): sign-out, a
// change of a user's access and disabling take effect at once on the server that made them; a
// change made elsewhere (SQL here, as another server or `sanad user` would) within the cache time.
// API tokens are looked up every time.
import { expect, test } from 'vitest';
import { governorateCodes } from '../../src/places/governorates.ts';
import { SESSION_CACHE_MS } from '../../src/store/access/authenticate.ts';
import { makeMachine, type TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const CACHE_MS = 400;
const t = useTestApp({ sessionCacheMs: CACHE_MS });
const me = (u: TestUser) => t.get(u, '/api/v1/me');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the server default is a few seconds', () => {
  expect(SESSION_CACHE_MS).toBeGreaterThan(0);
  expect(SESSION_CACHE_MS).toBeLessThanOrEqual(5_000);
});

test('a session revoked elsewhere is refused within the cache time', async () => {
  const u = await t.user();
  expect((await me(u)).statusCode).toBe(200);
  await t.db.pool.query('UPDATE session SET revoked_at = now() WHERE user_id = $1', [u.id]);
  expect((await me(u)).statusCode).toBe(200); // the lookup of a moment ago, reused
  await sleep(CACHE_MS + 50);
  expect((await me(u)).statusCode).toBe(401);
});

test('sign-out takes effect at once', async () => {
  const u = await t.user();
  expect((await me(u)).statusCode).toBe(200);
  expect((await t.post(u, '/api/v1/auth/logout')).statusCode).toBe(200);
  expect((await me(u)).statusCode).toBe(401);
});

test("a change of a user's access and disabling the user take effect at once", async () => {
  const admin = await t.user({ role: 'administrator' });
  const u = await t.user({ orgId: admin.orgId, role: 'registration_officer' });
  expect((await me(u)).json()).toMatchObject({ role: 'registration_officer' });
  const access = await t.put(admin, `/api/v1/users/${u.id}/access`, { role: 'caseworker', governorates: [governorateCodes[0]] });
  expect(access.statusCode, access.body).toBe(200);
  expect((await me(u)).json()).toMatchObject({ role: 'caseworker', governorates: [governorateCodes[0]] });
  expect((await t.post(admin, `/api/v1/users/${u.id}/disable`)).statusCode).toBe(200);
  expect((await me(u)).statusCode).toBe(401);
});

test('an API token is looked up every time', async () => {
  const m = await makeMachine(t.db);
  expect((await me(m)).statusCode).toBe(200);
  await t.db.pool.query('UPDATE api_token SET revoked_at = now() WHERE user_id = $1', [m.id]);
  const r = await me(m);
  expect(r.statusCode).toBe(401);
  expect(r.json().type).toBe('/problems/token_revoked');
});
