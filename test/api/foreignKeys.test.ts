// A write naming a record that does not exist, where no handler checks it first, reaches
// PostgreSQL's foreign key: the answer is 422 naming the field (never 500), without the value.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { makeUser, snapshot, testApp, type TestUser } from '../support/factories.ts';

let db: TestDb;
let app: FastifyInstance;
let admin: TestUser;
beforeAll(async () => {
  db = await freshDb();
  app = await testApp(db);
  admin = await makeUser(db, { role: 'administrator' });
});
afterAll(async () => {
  await app.close();
  await db.drop();
});

test('a site in a locality that does not exist: 422 naming locality', async () => {
  const missing = '00000000-0000-4000-8000-00000000abcd';
  const before = await snapshot(db);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/sites',
    headers: admin.auth,
    payload: { name: 'School shelter', kind: 'collective_centre', governorate: 'PS0260', locality: missing },
  });
  expect(res.statusCode, res.body).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().errors).toEqual([{ field: 'locality', reason: 'no such locality' }]);
  expect(res.body).not.toContain(missing);
  expect(await snapshot(db)).toEqual(before);
});
