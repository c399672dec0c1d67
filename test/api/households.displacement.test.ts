// Recording a move: the place it names must exist. An unknown locality or site is refused with a
// problem+json naming the field (it used to reach the database's foreign key and answer 500), and
// nothing is written.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { makeUser, personInput, snapshot, testApp, type TestUser } from '../support/factories.ts';

let db: TestDb;
let app: FastifyInstance;
let admin: TestUser;
let household: string;
beforeAll(async () => {
  db = await freshDb();
  app = await testApp(db);
  admin = await makeUser(db, { role: 'administrator' });
  const p = (await app.inject({ method: 'POST', url: '/api/v1/persons', headers: admin.auth, payload: personInput() })).json();
  const h = await app.inject({
    method: 'POST',
    url: '/api/v1/households',
    headers: admin.auth,
    payload: { governorate: 'PS0260', members: [{ personId: p.id, relationship: 'head' }] },
  });
  household = h.json().id;
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

const move = (body: object) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/households/${household}/displacements`,
    headers: admin.auth,
    payload: { date: '2025-01-20', reason: 'evacuation_order', ...body },
  });

test.each([
  ['toLocality', { toLocality: '00000000-0000-4000-8000-000000000001' }],
  ['toSite', { toSite: '00000000-0000-4000-8000-000000000002' }],
])('an unknown %s is refused, naming the field, and nothing is written', async (field, body) => {
  const before = await snapshot(db);
  const res = await move(body);
  expect(res.statusCode, res.body).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().errors).toEqual([{ field, reason: expect.stringMatching(/^no such /) }]);
  expect(await snapshot(db)).toEqual(before);
});

test('a known site is accepted and becomes the current location', async () => {
  const site = await app.inject({
    method: 'POST',
    url: '/api/v1/sites',
    headers: admin.auth,
    payload: { name: 'Test school shelter', kind: 'collective_centre', governorate: 'PS0265', capacityPeople: 300 },
  });
  expect(site.statusCode, site.body).toBe(201);
  const res = await move({ toSite: site.json().id, toGovernorate: 'PS0265' });
  expect(res.statusCode, res.body).toBe(200);
  const n = await db.pool.query('SELECT count(*)::int AS n FROM displacement_event WHERE household_id = $1 AND to_site = $2', [
    household,
    site.json().id,
  ]);
  expect(n.rows[0].n).toBe(1);
});
