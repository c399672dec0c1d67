// Recording a move: the place it names must exist. An unknown locality or site is refused with a
// problem+json naming the field (it used to reach the database's foreign key and answer 500), and
// nothing is written.
import { beforeAll, expect, test } from 'vitest';
import { snapshot, type TestUser } from '../support/factories.ts';
import { makeHousehold, makeSite } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let admin: TestUser;
let household: string;
beforeAll(async () => {
  admin = await t.user({ role: 'administrator' });
  household = (await makeHousehold(t, admin)).id;
});

const move = (body: object) =>
  t.post(admin, `/api/v1/households/${household}/displacements`, { date: '2025-01-20', reason: 'evacuation_order', ...body });

test.each([
  ['toLocality', { toLocality: '00000000-0000-4000-8000-000000000001' }],
  ['toSite', { toSite: '00000000-0000-4000-8000-000000000002' }],
])('an unknown %s is refused, naming the field, and nothing is written', async (field, body) => {
  const before = await snapshot(t.db);
  const res = await move(body);
  expect(res.statusCode, res.body).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().errors).toEqual([{ field, reason: 'no_such_record' }]);
  expect(await snapshot(t.db)).toEqual(before);
});

test('a known site is accepted and becomes the current location', async () => {
  const site = await makeSite(t, admin, { governorate: 'PS0265', capacityPeople: 300 });
  const res = await move({ toSite: site.id, toGovernorate: 'PS0265' });
  expect(res.statusCode, res.body).toBe(200);
  const n = await t.db.pool.query('SELECT count(*)::int AS n FROM displacement_event WHERE household_id = $1 AND to_site = $2', [
    household,
    site.id,
  ]);
  expect(n.rows[0].n).toBe(1);
});

test("another organisation's site is refused like an unknown one, and its occupancy does not change", async () => {
  const other = await t.user({ role: 'administrator' });
  const site = await makeSite(t, other, { governorate: 'PS0265', capacityPeople: 300 });
  const before = await snapshot(t.db);
  const res = await move({ toSite: site.id });
  expect(res.statusCode, res.body).toBe(422);
  expect(res.json().errors).toEqual([{ field: 'toSite', reason: 'no_such_record' }]);
  expect(await snapshot(t.db)).toEqual(before);
  const capacity = await t.get(other, `/api/v1/sites/${site.id}`);
  expect(capacity.statusCode).toBe(200);
  expect(JSON.stringify(capacity.json())).not.toContain(household);
});
