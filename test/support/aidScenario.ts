// A programme on a synthetic registry, through the API: sites, distribution points, items, rules,
// a generated cycle, and household cards. Shared by the aid tests.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { loadRegistry, type Loaded } from './aidRegistry.ts';
import type { TestDb } from './db.ts';
import { makeUser, type TestUser } from './factories.ts';

export type Scenario = {
  admin: TestUser;
  officer: TestUser;
  sites: { id: string; governorate: string }[];
  points: { site: string; gaza: string; khanYounis: string };
  items: Record<string, string>;
  programmeId: string;
  cycleId: string;
  registry: Loaded;
  cards: Map<string, { serial: number; token: string }>;
  post: (u: TestUser, url: string, body?: unknown) => Promise<{ status: number; body: any }>;
  get: (u: TestUser, url: string) => Promise<{ status: number; body: any }>;
};

export const RULES = [
  { item: 'food_parcel', when: { maxSize: 5 }, quantity: { base: 1 } },
  { item: 'food_parcel', quantity: { base: 2 } },
  { item: 'hygiene_kit', when: { displaced: true }, quantity: { base: 1 } },
  { item: 'water_l', when: { inSite: true }, quantity: { perPerson: 15, max: 150 } },
  {
    item: 'cash_ils',
    when: { vulnerabilities: ['female_headed', 'disability', 'elderly_headed'] },
    quantity: { base: 100, perPerson: 50, max: 400 },
  },
];

export async function scenario(db: TestDb, app: FastifyInstance, opts: { households?: number; cards?: number } = {}): Promise<Scenario> {
  const admin = await makeUser(db, { role: 'administrator' });
  const officer = await makeUser(db, { role: 'distribution_officer', orgId: admin.orgId });
  const post = async (u: TestUser, url: string, body?: unknown) => {
    const r = await app.inject({ method: 'POST', url, headers: u.auth, ...(body === undefined ? {} : { payload: body as object }) });
    return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body };
  };
  const get = async (u: TestUser, url: string) => {
    const r = await app.inject({ method: 'GET', url, headers: u.auth });
    return { status: r.statusCode, body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body };
  };
  const ok = (r: { status: number; body: any }, status = 201) => {
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const sites = [
    ok(
      await post(admin, '/api/v1/sites', {
        kind: 'school',
        name: 'School A',
        governorate: 'PS0260',
        coveredAreaM2: 700,
        toilets: 2,
        waterPoints: 1,
        waterLitresPerDay: 1000,
      }),
    ),
    ok(
      await post(admin, '/api/v1/sites', {
        kind: 'camp',
        name: 'Camp B',
        governorate: 'PS0270',
        coveredAreaM2: 35000,
        toilets: 400,
        waterPoints: 60,
        phase: 'later',
      }),
    ),
  ].map((s) => ({ id: s.id as string, governorate: s.governorate as string }));
  const points = {
    site: ok(await post(officer, '/api/v1/aid/points', { name: 'School A gate', governorate: 'PS0260', siteId: sites[0]!.id })).id,
    gaza: ok(await post(officer, '/api/v1/aid/points', { name: 'Gaza centre', governorate: 'PS0260' })).id,
    khanYounis: ok(await post(officer, '/api/v1/aid/points', { name: 'Khan Younis centre', governorate: 'PS0270' })).id,
  };
  const items: Record<string, string> = {};
  for (const [code, unit, sector] of [
    ['food_parcel', 'parcel', 'food'],
    ['hygiene_kit', 'kit', 'hygiene'],
    ['water_l', 'litre', 'water'],
    ['cash_ils', 'ILS', 'cash'],
  ] as const) {
    items[code] = ok(await post(officer, '/api/v1/aid/items', { code, name: code.replace('_', ' '), unit, sector })).id;
  }
  const programmeId = ok(await post(officer, '/api/v1/aid/programmes', { name: 'Winter response', sector: 'food', rules: RULES })).id;
  const registry = await loadRegistry(db.pool, admin.orgId, { households: opts.households ?? 200, seed: 7, sites });
  const cycleId = ok(
    await post(officer, `/api/v1/aid/programmes/${programmeId}/cycles`, { cutoffDate: new Date().toISOString().slice(0, 10) }),
  ).id;
  ok(await post(officer, `/api/v1/aid/cycles/${cycleId}/generate`), 200);
  const cards = new Map<string, { serial: number; token: string }>();
  for (const h of registry.households.slice(0, opts.cards ?? registry.households.length)) {
    const c = ok(await post(officer, '/api/v1/aid/cards', { householdId: h }));
    cards.set(h, { serial: c.serial, token: c.token });
  }
  return { admin, officer, sites, points, items, programmeId, cycleId, registry, cards, post, get };
}
