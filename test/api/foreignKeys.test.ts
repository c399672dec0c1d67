// A write naming a record that does not exist, where no handler checks it first, reaches
// PostgreSQL's foreign key: the answer is 422 naming the field (never 500), without the value.
import { beforeAll, expect, test } from 'vitest';
import { snapshot, type TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let admin: TestUser;
beforeAll(async () => {
  admin = await t.user({ role: 'administrator' });
});

test('a site in a locality that does not exist: 422 naming locality', async () => {
  const missing = '00000000-0000-4000-8000-00000000abcd';
  const before = await snapshot(t.db);
  const res = await t.post(admin, '/api/v1/sites', {
    name: 'School shelter',
    kind: 'collective_centre',
    governorate: 'PS0260',
    locality: missing,
  });
  expect(res.statusCode, res.body).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().errors).toEqual([{ field: 'locality', reason: 'no_such_record' }]);
  expect(res.body).not.toContain(missing);
  expect(await snapshot(t.db)).toEqual(before);
});
