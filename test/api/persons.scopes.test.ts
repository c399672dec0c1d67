// Another organisation's records, and records outside your governorates, answer 404: their
// existence is not revealed. Roles without registry access are refused.
import { beforeAll, expect, test } from 'vitest';
import { personInput, type TestUser } from '../support/factories.ts';
import { makePerson } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let mine: TestUser;
let personId: string;
beforeAll(async () => {
  mine = await t.user({ role: 'registration_officer' });
  personId = (await makePerson(t, mine, { governorate: 'PS0260', nationalId: '123456782' })).id;
});

test('another organisation gets 404 for read, update and search', async () => {
  const other = await t.user({ role: 'administrator' });
  expect((await t.get(other, `/api/v1/persons/${personId}`)).statusCode).toBe(404);
  expect((await t.put(other, `/api/v1/persons/${personId}`, personInput())).statusCode).toBe(404);
  const s = await t.post(other, '/api/v1/persons/search', { nationalId: '123456782' });
  expect(s.json().items).toEqual([]);
});

test('a colleague outside the governorate gets 404', async () => {
  const westBank = await t.user({ role: 'caseworker', orgId: mine.orgId, governorates: ['PS0101'] });
  expect((await t.get(westBank, `/api/v1/persons/${personId}`)).statusCode).toBe(404);
});

test('a colleague in the governorate reads it, and the read is logged', async () => {
  const colleague = await t.user({ role: 'caseworker', orgId: mine.orgId, governorates: ['PS0260'] });
  const res = await t.get(colleague, `/api/v1/persons/${personId}`);
  expect(res.statusCode).toBe(200);
  const reads = await t.db.pool.query("SELECT actor_id FROM change_log WHERE entity_id = $1 AND action = 'read'", [personId]);
  expect(reads.rows.map((r) => r.actor_id)).toContain(colleague.id);
});

test('the analyst sees aggregates only', async () => {
  const analyst = await t.user({ role: 'analyst', orgId: mine.orgId });
  expect((await t.get(analyst, `/api/v1/persons/${personId}`)).statusCode).toBe(403);
  const stats = await t.get(analyst, '/api/v1/stats/governorates');
  expect(stats.statusCode).toBe(200);
  // one person: a count of 1 to 4, withheld from a role that sees only aggregates
  expect(stats.json().items.find((g: { governorate: string }) => g.governorate === 'PS0260').people).toBeNull();
});

test('no token, a bad token or a revoked session: 401', async () => {
  expect((await t.get(undefined, `/api/v1/persons/${personId}`)).statusCode).toBe(401);
  expect(
    (await t.app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: { authorization: 'Bearer ses_nope' } })).statusCode,
  ).toBe(401);
  const u = await t.user({ orgId: mine.orgId });
  expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: u.auth })).statusCode).toBe(200);
  expect((await t.get(u, '/api/v1/me')).statusCode).toBe(401);
});
