// Another organisation's records, and records outside your governorates, answer 404: their
// existence is not revealed. Roles without registry access are refused.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { makeUser, personInput, testApp, type TestUser } from '../support/factories.ts';

let db: TestDb;
let app: FastifyInstance;
let mine: TestUser;
let personId: string;
beforeAll(async () => {
  db = await freshDb();
  app = await testApp(db);
  mine = await makeUser(db, { role: 'registration_officer' });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: mine.auth,
    payload: personInput({ governorate: 'PS0260', nationalId: '123456782' }),
  });
  personId = res.json().id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

test('another organisation gets 404 for read, update and search', async () => {
  const other = await makeUser(db, { role: 'administrator' });
  expect((await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: other.auth })).statusCode).toBe(404);
  expect(
    (await app.inject({ method: 'PUT', url: `/api/v1/persons/${personId}`, headers: other.auth, payload: personInput() })).statusCode,
  ).toBe(404);
  const s = await app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: other.auth, payload: { nationalId: '123456782' } });
  expect(s.json().items).toEqual([]);
});

test('a colleague outside the governorate gets 404', async () => {
  const westBank = await makeUser(db, { role: 'caseworker', orgId: mine.orgId, governorates: ['PS0101'] });
  expect((await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: westBank.auth })).statusCode).toBe(404);
});

test('a colleague in the governorate reads it, and the read is logged', async () => {
  const colleague = await makeUser(db, { role: 'caseworker', orgId: mine.orgId, governorates: ['PS0260'] });
  const res = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: colleague.auth });
  expect(res.statusCode).toBe(200);
  const reads = await db.pool.query("SELECT actor_id FROM change_log WHERE entity_id = $1 AND action = 'read'", [personId]);
  expect(reads.rows.map((r) => r.actor_id)).toContain(colleague.id);
});

test('the analyst sees aggregates only', async () => {
  const analyst = await makeUser(db, { role: 'analyst', orgId: mine.orgId });
  expect((await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: analyst.auth })).statusCode).toBe(403);
  const stats = await app.inject({ method: 'GET', url: '/api/v1/stats/governorates', headers: analyst.auth });
  expect(stats.statusCode).toBe(200);
  expect(stats.json().items.find((g: { governorate: string }) => g.governorate === 'PS0260').people).toBe(1);
});

test('no token, a bad token or a revoked session: 401', async () => {
  expect((await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}` })).statusCode).toBe(401);
  expect(
    (await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: { authorization: 'Bearer ses_nope' } })).statusCode,
  ).toBe(401);
  const u = await makeUser(db, { orgId: mine.orgId });
  expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: u.auth })).statusCode).toBe(200);
  expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: u.auth })).statusCode).toBe(401);
});
