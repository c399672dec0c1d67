// The site capacity report as an aggregate-only role sees it (src/sites/capacityDisclosure.ts):
// people and households of 1 to 4 withheld with every figure computed from the people (over
// capacity, toilets, water, kilocalories), and a second figure withheld in each governorate sum so
// that none can be recomputed by subtraction. Pure rule first, then GET /api/v1/sites/capacity for
// an analyst against a registration officer on the same sites.
import { describe, expect, test } from 'vitest';
import { governorateCapacity, siteCapacity, standardsFrom } from '../../src/sites/capacity.ts';
import { suppressCapacity } from '../../src/sites/capacityDisclosure.ts';
import { makeHousehold, makePerson, makeSite } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const STD = standardsFrom([
  { key: 'covered_area_per_person', value: 3.5 },
  { key: 'persons_per_toilet_initial', value: 50 },
  { key: 'persons_per_toilet_later', value: 20 },
  { key: 'water_litres_per_person_day', value: 15 },
  { key: 'kcal_per_person_day', value: 2100 },
  { key: 'persons_per_water_point', value: 250 },
]);
const facts = { coveredAreaM2: 7, toilets: 0, waterPoints: 0, waterLitresPerDay: 10, phase: 'initial' as const, status: 'open' as const };

describe('the rule (pure)', () => {
  test('a site of 3 people: its people, households and every figure computed from them withheld; its capacity and flags stay', () => {
    const small = { governorate: 'PS0260', capacity: siteCapacity(facts, { people: 3, households: 1 }, STD) };
    const big = { governorate: 'PS0260', capacity: siteCapacity({ ...facts, coveredAreaM2: 70 }, { people: 40, households: 8 }, STD) };
    const sites = [small, big];
    const out = suppressCapacity(sites, governorateCapacity(sites));
    const s = out.sites[0]!;
    expect(s).toMatchObject({ people: null, households: null, overBy: null, toiletsNeeded: null, waterNeededLitresPerDay: null });
    expect(s).toMatchObject({
      kcalNeededPerDay: null,
      occupancyRate: null,
      toiletGap: null,
      waterPointGap: null,
      waterGapLitresPerDay: null,
    });
    expect(s.capacity).toBe(2);
    expect(s.flags).toContain('over_capacity');
    // the governorate's people = 3 + 40: a second cell of the sum is withheld, so 3 cannot be recomputed
    const g = out.governorates[0]!;
    expect(g.people === null || out.sites[1]!.people === null).toBe(true);
    expect(g.kcalNeededPerDay === null || out.sites[1]!.kcalNeededPerDay === null).toBe(true);
    expect(g.overBy === null || out.sites[1]!.overBy === null).toBe(true);
    expect(g.capacity).toBe(22);
    expect(g.sites).toBe(2);
  });

  test('nothing small, nothing withheld; 0 stays 0', () => {
    const sites = [
      { governorate: 'PS0260', capacity: siteCapacity(facts, { people: 0, households: 0 }, STD) },
      { governorate: 'PS0270', capacity: siteCapacity(facts, { people: 12, households: 5 }, STD) },
    ];
    const govs = governorateCapacity(sites);
    const out = suppressCapacity(sites, govs);
    expect(out.sites.map((x) => [x.people, x.households, x.overBy])).toEqual([
      [0, 0, 0],
      [12, 5, 10],
    ]);
    expect(out.governorates.map((x) => x.people)).toEqual([0, 12]);
  });
});

const t = useTestApp();

test('GET /sites/capacity: an analyst sees no figure that gives away 1 to 4 people; a registration officer sees them', async () => {
  const officer = await t.user({ role: 'registration_officer', governorates: ['PS0260'] });
  const analyst = await t.user({ role: 'analyst', orgId: officer.orgId, governorates: ['PS0260'] });
  const admin = await t.user({ role: 'administrator', orgId: officer.orgId, governorates: ['PS0260'] });
  const site = await makeSite(t, admin, { name: 'Small shelter', coveredAreaM2: 7, toilets: 0, waterPoints: 0 });
  const head = await makePerson(t, officer, { governorate: 'PS0260' });
  const son = await makePerson(t, officer, { governorate: 'PS0260' });
  const hh = await makeHousehold(t, officer, {
    members: [
      { personId: head.id, relationship: 'head' },
      { personId: son.id, relationship: 'son' },
    ],
  });
  const moved = await t.post(officer, `/api/v1/households/${hh.id}/displacements`, {
    date: '2024-02-01',
    toSite: site.id,
    reason: 'hostilities',
  });
  expect(moved.statusCode).toBeLessThan(300);
  type Row = {
    site: { id: string };
    people: number | null;
    households: number | null;
    overBy: number | null;
    kcalNeededPerDay: number | null;
  };
  const rowOf = async (u: typeof officer) => {
    const r = await t.get(u, '/api/v1/sites/capacity');
    expect(r.statusCode).toBe(200);
    return r.json() as { sites: Row[]; governorates: { governorate: string; people: number | null }[] };
  };
  const exact = await rowOf(officer);
  expect(exact.sites.find((s) => s.site.id === site.id)).toMatchObject({ people: 2, households: 1, overBy: 0, kcalNeededPerDay: 4200 });
  const seen = await rowOf(analyst);
  expect(seen.sites.find((s) => s.site.id === site.id)).toMatchObject({ people: null, households: null, kcalNeededPerDay: null });
  expect(seen.governorates.find((g) => g.governorate === 'PS0260')!.people).toBeNull();
});
