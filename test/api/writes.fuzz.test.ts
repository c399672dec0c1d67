// Random and hostile input at every write route: never a 5xx, never a crash, and the database
// unchanged after each rejected write.
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { allRoutes } from '../../src/api/routes/index.ts';
import { snapshot, type TestUser } from '../support/factories.ts';
import { makeHousehold, makePerson } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let admin: TestUser;
const ids: Record<string, string> = {};
beforeAll(async () => {
  admin = await t.user({ role: 'administrator' });
  const p1 = await makePerson(t, admin);
  const p2 = await makePerson(t, admin);
  ids.id = (
    await makeHousehold(t, admin, {
      members: [
        { personId: p1.id, relationship: 'head' },
        { personId: p2.id, relationship: 'son' },
      ],
    })
  ).id;
  ids.personId = p2.id;
  ids.personRouteId = p1.id;
});

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    "'; DROP TABLE person; --",
    '\u0000',
    '\uD800',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    'ـــ',
    '٠١٢٣٤٥٦٧٨٩',
    ' '.repeat(500),
    'x'.repeat(5000),
    'PS0260',
    '2024-02-30',
    '1990-13-01',
    '-1',
    '1e309',
    'NaN',
    '00000000-0000-0000-0000-000000000000',
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

const writeRoutes = allRoutes.filter((r) => r.method !== 'GET' && !r.url.includes('/auth/'));

describe.each(writeRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (_key, route) => {
  test('random and hostile bodies: no 5xx; rejected writes change nothing', async () => {
    const url = () =>
      route.url.replace(':personId', ids.personId!).replace(':id', route.url.startsWith('/api/v1/persons') ? ids.personRouteId! : ids.id!);
    const fields =
      route.body && 'shape' in route.body ? Object.keys((route.body as unknown as { shape: Record<string, unknown> }).shape) : [];
    const body = fc.oneof(
      hostileValue,
      fc.dictionary(fc.constantFrom(...(fields.length ? fields : ['x'])), hostileValue, { maxKeys: 6 }),
      fc.record({ ...Object.fromEntries(fields.map((f) => [f, hostileValue])) }, { requiredKeys: [] }),
    );
    // The database as the last rejected request left it (checked equal to the one before it): the
    // next request's "before", so each rejected request costs one snapshot, not two.
    let unchanged: Awaited<ReturnType<typeof snapshot>> | undefined;
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const before = unchanged ?? (await snapshot(t.db));
        unchanged = undefined;
        const res = await t.app.inject({
          method: route.method,
          url: url(),
          headers: { ...admin.auth, 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          const after = await snapshot(t.db);
          expect(after).toEqual(before);
          unchanged = after;
        }
      }),
      { numRuns: 40 },
    );
  });
});

test('malformed JSON and wrong content types are clear 4xx problems', async () => {
  const bad = await t.app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: { ...admin.auth, 'content-type': 'application/json' },
    payload: '{"givenName": ',
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().type).toBe('/problems/invalid_json');
  const text = await t.app.inject({
    method: 'POST',
    url: '/api/v1/persons',
    headers: { ...admin.auth, 'content-type': 'text/plain' },
    payload: 'hello',
  });
  expect(text.statusCode).toBe(415);
});
