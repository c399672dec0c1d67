// A programme on a synthetic registry, through the API: sites, distribution points, items, rules,
// a generated cycle, and household cards. Shared by the aid tests.
import { loadRegistry, type Loaded } from './aidRegistry.ts';
import type { TestUser } from './factories.ts';
import { created, makeCycle, makeItem, makePoint, makeProgramme, makeSite } from './make.ts';
import type { TestApp } from './testApp.ts';

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

export async function scenario(t: TestApp, opts: { households?: number; cards?: number } = {}): Promise<Scenario> {
  const admin = await t.user({ role: 'administrator' });
  const officer = await t.user({ role: 'distribution_officer', orgId: admin.orgId });
  const answer = (r: { statusCode: number; headers: Record<string, unknown>; body: string; json: () => any }) => ({
    status: r.statusCode,
    body: r.headers['content-type']?.toString().includes('json') ? r.json() : r.body,
  });
  const post = async (u: TestUser, url: string, body?: unknown) => answer(await t.request(u, 'POST', url, body));
  const get = async (u: TestUser, url: string) => answer(await t.get(u, url));
  const sites = [
    await makeSite(t, admin, { kind: 'school', name: 'School A', coveredAreaM2: 700, toilets: 2, waterPoints: 1, waterLitresPerDay: 1000 }),
    await makeSite(t, admin, {
      kind: 'camp',
      name: 'Camp B',
      governorate: 'PS0270',
      coveredAreaM2: 35000,
      toilets: 400,
      waterPoints: 60,
      phase: 'later',
    }),
  ].map((s) => ({ id: s.id, governorate: s.governorate }));
  const points = {
    site: (await makePoint(t, officer, { name: 'School A gate', siteId: sites[0]!.id })).id,
    gaza: (await makePoint(t, officer)).id,
    khanYounis: (await makePoint(t, officer, { name: 'Khan Younis centre', governorate: 'PS0270' })).id,
  };
  const items: Record<string, string> = {};
  for (const [code, unit, sector] of [
    ['food_parcel', 'parcel', 'food'],
    ['hygiene_kit', 'kit', 'hygiene'],
    ['water_l', 'litre', 'water'],
    ['cash_ils', 'ILS', 'cash'],
  ] as const) {
    items[code] = (await makeItem(t, officer, { code, unit, sector })).id;
  }
  const programmeId = (await makeProgramme(t, officer, { rules: RULES })).id;
  const registry = await loadRegistry(t.db.pool, admin.orgId, { households: opts.households ?? 200, seed: 7, sites });
  const cycleId = (await makeCycle(t, officer, programmeId, { generate: true })).id;
  const cards = new Map<string, { serial: number; token: string }>();
  for (const h of registry.households.slice(0, opts.cards ?? registry.households.length)) {
    const c = await created<{ serial: number; token: string }>(t, officer, '/api/v1/aid/cards', { householdId: h });
    cards.set(h, { serial: c.serial, token: c.token });
  }
  return { admin, officer, sites, points, items, programmeId, cycleId, registry, cards, post, get };
}
