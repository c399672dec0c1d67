// Bodies shaped by each write route's own schema (types, formats, enums, ranges; ids of records that
// exist and random ones), so that they pass validation and reach the handlers and the database:
// never a 5xx, and a rejected write changes nothing. The hostile-input test (writes.fuzz) mostly
// stops at validation; this one found an unknown locality in a move answering 500.
import fc from 'fast-check';
import { z } from 'zod';
import { beforeAll, describe, expect, test } from 'vitest';
import { allRoutes } from '../../src/api/routes/index.ts';
import { snapshot, type TestUser } from '../support/factories.ts';
import { fromJsonSchema } from '../support/fromJsonSchema.ts';
import { makeHousehold, makePerson, makeSite } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let admin: TestUser;
const ids = { person: [] as string[], household: [] as string[], site: [] as string[], user: [] as string[] };
beforeAll(async () => {
  admin = await t.user({ role: 'administrator' });
  const other = await t.user({ role: 'registration_officer' });
  ids.user.push(other.id);
  for (let i = 0; i < 3; i++) ids.person.push((await makePerson(t, admin)).id);
  const [head, son] = ids.person as [string, string];
  const members = [
    { personId: head, relationship: 'head' },
    { personId: son, relationship: 'son' },
  ];
  ids.household.push((await makeHousehold(t, admin, { members })).id);
  ids.site.push((await makeSite(t, admin, { capacityPeople: 300 })).id);
});

const writeRoutes = allRoutes.filter((r) => r.method !== 'GET' && !r.url.includes('/auth/'));
const allIds = () => [...ids.person, ...ids.household, ...ids.site, ...ids.user];

/** The path's :id from the records of its kind (or a random uuid: a record that does not exist). */
function idFor(url: string): fc.Arbitrary<string> {
  const kind = url.startsWith('/api/v1/persons')
    ? ids.person
    : url.startsWith('/api/v1/households')
      ? ids.household
      : url.startsWith('/api/v1/sites')
        ? ids.site
        : url.startsWith('/api/v1/users')
          ? ids.user
          : [];
  return kind.length > 0 ? fc.oneof(fc.constantFrom(...kind), fc.uuid()) : fc.uuid();
}

describe.each(writeRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (_key, route) => {
  test('schema-shaped bodies: no 5xx; rejected writes change nothing', async () => {
    const jsonSchema = route.body ? z.toJSONSchema(route.body as z.ZodType, { io: 'input', unrepresentable: 'any' }) : {};
    const body = route.body ? fromJsonSchema(jsonSchema as Parameters<typeof fromJsonSchema>[0], allIds()) : fc.constant(undefined);
    const serial = fc.oneof(fc.integer({ min: 0, max: 5000 }).map(String), fc.constant('x'));
    const request = fc.record({ body, id: idFor(route.url), personId: fc.oneof(fc.constantFrom(...ids.person), fc.uuid()), serial });
    // The database as the last rejected request left it (checked equal to the one before it): the
    // next request's "before", so each rejected request costs one snapshot, not two.
    let unchanged: Awaited<ReturnType<typeof snapshot>> | undefined;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = route.url.replace(':personId', r.personId).replace(':serial', r.serial).replace(':id', r.id);
        const before = unchanged ?? (await snapshot(t.db));
        unchanged = undefined;
        const res = await t.app.inject({
          method: route.method,
          url,
          headers: { ...admin.auth, 'content-type': 'application/json' },
          payload: JSON.stringify(r.body ?? {}),
        });
        expect(res.statusCode, `${route.method} ${route.url} ${JSON.stringify(r.body)} -> ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toContain('application/problem+json');
          const after = await snapshot(t.db);
          expect(after).toEqual(before);
          unchanged = after;
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
    );
  });
});
