// Random and hostile path parameters and query strings at every read route: never a 5xx, and
// errors are problem+json. Query values come both from each route's own schema (so they get past
// validation: cursors, dates, ids, limits) and from a list of hostile strings.
import fc from 'fast-check';
import { z } from 'zod';
import { beforeAll, describe, expect, test } from 'vitest';
import { allRoutes } from '../../src/api/routes/index.ts';
import type { TestUser } from '../support/factories.ts';
import { fromJsonSchema } from '../support/fromJsonSchema.ts';
import { makeHousehold, makePerson } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let admin: TestUser;
const ids: string[] = [];
beforeAll(async () => {
  admin = await t.user({ role: 'administrator' });
  for (let i = 0; i < 3; i++) ids.push((await makePerson(t, admin)).id);
  ids.push((await makeHousehold(t, admin, { members: [{ personId: ids[0]!, relationship: 'head' }] })).id);
});

const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    "'; DROP TABLE person; --",
    '\u0000',
    '%00',
    '..%2F..%2Fetc',
    '-1',
    '1e309',
    'NaN',
    '9'.repeat(40),
    '00000000-0000-0000-0000-000000000000',
    '2024-02-30',
    'eyJvIjotMX0',
    'null',
    '[]',
    '{}',
  ),
);
const readRoutes = allRoutes.filter((r) => r.method === 'GET');

describe.each(readRoutes.map((r) => [r.url, r] as const))('GET %s', (_url, route) => {
  test('hostile and schema-shaped parameters: no 5xx', async () => {
    const querySchema = route.query
      ? (z.toJSONSchema(route.query as z.ZodType, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> })
      : {};
    const shaped = route.query ? fromJsonSchema(querySchema as Parameters<typeof fromJsonSchema>[0], ids) : fc.constant({});
    const keys = Object.keys(querySchema.properties ?? {});
    const hostileQuery = fc.dictionary(
      keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 }),
      hostile,
      { maxKeys: 4 },
    );
    const request = fc.record({ id: fc.oneof(fc.constantFrom(...ids), fc.uuid(), hostile), query: fc.oneof(shaped, hostileQuery) });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const params = new URLSearchParams();
        if (r.query && typeof r.query === 'object')
          for (const [k, v] of Object.entries(r.query as Record<string, unknown>))
            params.append(k, typeof v === 'string' ? v : JSON.stringify(v));
        const path = route.url.replace(':id', encodeURIComponent(String(r.id)));
        const qs = params.toString();
        const res = await t.get(admin, qs ? `${path}?${qs}` : path);
        expect(res.statusCode, `${path}?${qs} -> ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  });
});
