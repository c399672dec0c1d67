// Site capacity against Sphere (2018): the standards come from the sphere_standard table; occupancy
// from the registry (the latest displacement of each household); flags per site and governorate.
import { beforeAll, describe, expect, test } from 'vitest';
import { governorateCapacity, siteCapacity, standardsFrom } from '../../src/sites/capacity.ts';
import type { TestUser } from '../support/factories.ts';
import { makeHousehold, makePerson } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const STD = standardsFrom([
  { key: 'covered_area_per_person', value: '3.5' },
  { key: 'persons_per_toilet_initial', value: 50 },
  { key: 'persons_per_toilet_later', value: 20 },
  { key: 'water_litres_per_person_day', value: 15 },
  { key: 'kcal_per_person_day', value: 2100 },
  { key: 'persons_per_water_point', value: 250 },
]);
const site = {
  coveredAreaM2: 350,
  toilets: 1,
  waterPoints: 0,
  waterLitresPerDay: 1000,
  phase: 'initial' as const,
  status: 'open' as const,
};

describe('Sphere capacity (pure)', () => {
  test('3.5 m2 per person; 1 toilet per 50 at first, 1 per 20 later; 15 l and 2,100 kcal per person per day', () => {
    const c = siteCapacity(site, { people: 120, households: 20 }, STD);
    expect(c.capacity).toBe(100);
    expect(c.overBy).toBe(20);
    expect(c.toiletsNeeded).toBe(3);
    expect(c.toiletGap).toBe(2);
    expect(c.waterNeededLitresPerDay).toBe(1800);
    expect(c.waterGapLitresPerDay).toBe(800);
    expect(c.kcalNeededPerDay).toBe(252000);
    expect(c.waterPointsNeeded).toBe(1);
    expect(c.flags).toEqual(['over_capacity', 'toilet_shortfall', 'water_point_shortfall', 'water_shortfall']);
    expect(siteCapacity({ ...site, phase: 'later' }, { people: 120, households: 20 }, STD).toiletsNeeded).toBe(6);
    expect(siteCapacity(site, { people: 100, households: 20 }, STD).overBy).toBe(0);
  });
  test('unknown area, closed or damaged sites with people are flagged', () => {
    expect(siteCapacity({ ...site, coveredAreaM2: null }, { people: 5, households: 1 }, STD).flags).toContain('area_unknown');
    expect(siteCapacity({ ...site, status: 'damaged' }, { people: 5, households: 1 }, STD).flags).toContain('occupied_but_damaged');
    expect(siteCapacity({ ...site, status: 'closed' }, { people: 0, households: 0 }, STD).flags).not.toContain('occupied_but_closed');
  });
  test('governorate sums', () => {
    const a = siteCapacity(site, { people: 120, households: 20 }, STD);
    const b = siteCapacity({ ...site, coveredAreaM2: 3500 }, { people: 10, households: 2 }, STD);
    const [g] = governorateCapacity([
      { governorate: 'PS0260', capacity: a },
      { governorate: 'PS0260', capacity: b },
    ]);
    expect(g).toMatchObject({ sites: 2, sitesOverCapacity: 1, people: 130, capacity: 1100, overBy: 20 });
  });
  test('a missing standard is an error, not a silent default', () => {
    expect(() => standardsFrom([{ key: 'covered_area_per_person', value: 3.5 }])).toThrow(/missing/);
  });
});

// the sites API (one database for the file)
const t = useTestApp();
let manager: TestUser;
let caseworker: TestUser;
beforeAll(async () => {
  manager = await t.user({ role: 'site_manager' });
  caseworker = await t.user({ role: 'caseworker', orgId: manager.orgId });
});
type CapacityRow = { site: { id: string }; people: number; capacity: number };
const siteRow = async (url: string, id: string): Promise<CapacityRow> =>
  (await t.get(manager, url)).json().sites.find((x: CapacityRow) => x.site.id === id);
const move = (householdId: string, body: Record<string, unknown>) =>
  t.post(caseworker, `/api/v1/households/${householdId}/displacements`, body);

/** A household of 5 registered on 2024-01-01. */
async function householdOfFive(): Promise<string> {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await makePerson(t, caseworker)).id);
  const members = ids.map((personId, i) => ({ personId, relationship: i ? 'son' : 'head' }));
  return (await makeHousehold(t, caseworker, { date: '2024-01-01', members })).id;
}

test('a school fills up from the registry and is flagged over capacity and short of toilets; the standards are data', async () => {
  const created = await t.post(manager, '/api/v1/sites', {
    kind: 'school',
    name: 'Girls school',
    governorate: 'PS0265',
    lat: 31.42,
    lon: 34.35,
    managingOrganisation: 'UNRWA',
    coveredAreaM2: 14,
    toilets: 0,
    waterPoints: 1,
  });
  expect(created.statusCode).toBe(201);
  const s = created.json();
  expect(s).toMatchObject({ kind: 'school', status: 'open', phase: 'initial', coveredAreaM2: 14, version: 1 });
  // a household of 5 moves into the school
  const hh = await householdOfFive();
  expect((await move(hh, { date: '2024-02-01', toSite: s.id, toGovernorate: 'PS0265', reason: 'evacuation_order' })).statusCode).toBe(200);
  const cap = await t.get(manager, '/api/v1/sites/capacity?governorate=PS0265');
  expect(cap.statusCode).toBe(200);
  const row = cap.json().sites.find((x: { site: { id: string } }) => x.site.id === s.id);
  expect(row).toMatchObject({
    people: 5,
    households: 1,
    capacity: 4,
    overBy: 1,
    toiletsNeeded: 1,
    toiletGap: 1,
    waterNeededLitresPerDay: 75,
    kcalNeededPerDay: 10500,
  });
  expect(row.flags).toEqual(expect.arrayContaining(['over_capacity', 'toilet_shortfall']));
  expect(cap.json().governorates[0]).toMatchObject({ governorate: 'PS0265', sitesOverCapacity: 1 });
  // before the move: empty
  expect((await siteRow('/api/v1/sites/capacity?on=2024-01-15', s.id)).people).toBe(0);
  // they move on: the school empties
  expect((await move(hh, { date: '2024-03-01', toGovernorate: 'PS0270', reason: 'relocation' })).statusCode).toBe(200);
  expect((await siteRow('/api/v1/sites/capacity', s.id)).people).toBe(0);
  // the standard is data: 2 m2 per person gives a capacity of 7
  await t.db.pool.query("UPDATE sphere_standard SET value = 2 WHERE key = 'covered_area_per_person'");
  expect((await siteRow('/api/v1/sites/capacity?on=2024-02-15', s.id)).capacity).toBe(7);
  await t.db.pool.query("UPDATE sphere_standard SET value = 3.5 WHERE key = 'covered_area_per_person'");
});

test('update with the version read; a stale version is refused; the change is logged', async () => {
  const s = (await t.post(manager, '/api/v1/sites', { kind: 'camp', name: 'Camp', governorate: 'PS0270' })).json();
  const upd = await t.put(manager, `/api/v1/sites/${s.id}`, {
    kind: 'camp',
    name: 'Camp',
    governorate: 'PS0270',
    status: 'damaged',
    toilets: 10,
    version: 1,
  });
  expect(upd.statusCode).toBe(200);
  expect(upd.json()).toMatchObject({ status: 'damaged', toilets: 10, version: 2 });
  expect(
    (await t.put(manager, `/api/v1/sites/${s.id}`, { kind: 'camp', name: 'Camp', governorate: 'PS0270', version: 1 })).statusCode,
  ).toBe(409);
  const log = await t.db.pool.query("SELECT action FROM change_log WHERE entity = 'site' AND entity_id = $1 ORDER BY seq", [s.id]);
  expect(log.rows.map((r) => r.action)).toEqual(['create', 'update']);
  const list = await t.get(caseworker, '/api/v1/sites?status=damaged');
  expect(list.json().sites.map((x: { id: string }) => x.id)).toEqual([s.id]);
});

test('validation names the field; outside your governorates; other organisations see nothing', async () => {
  const bad = await t.post(manager, '/api/v1/sites', { kind: 'palace', name: '', governorate: 'PS0270', coveredAreaM2: -1 });
  expect(bad.statusCode).toBe(422);
  const narrow = await t.user({ role: 'site_manager', orgId: manager.orgId, governorates: ['PS0101'] });
  expect((await t.post(narrow, '/api/v1/sites', { kind: 'camp', name: 'X', governorate: 'PS0270' })).statusCode).toBe(422);
  const s = (await t.post(manager, '/api/v1/sites', { kind: 'camp', name: 'Y', governorate: 'PS0270' })).json();
  const other = await t.user({ role: 'site_manager' });
  expect((await t.get(other, `/api/v1/sites/${s.id}`)).statusCode).toBe(404);
  expect((await t.get(narrow, `/api/v1/sites/${s.id}`)).statusCode).toBe(404);
  expect((await t.get(other, '/api/v1/sites')).json().sites).toEqual([]);
});
