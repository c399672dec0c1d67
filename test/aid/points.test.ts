// Distribution points and warehouses as the web app uses them: warehouses listed within the
// reader's governorates; a point's households in a cycle (assigned at generation: the point of the
// site a household lives in, else the at-large point of its governorate) with the head's name and
// size, the read logged; the manifest carries each listed household's head's name and size for
// the identity check offline (nothing else), the read logged; the online card check answers with
// them too, logged, and only within the reader's scope.
import { beforeAll, describe, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { created, makeCycle, makeHousehold, makeItem, makePerson, makePoint, makeProgramme, makeSite } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let officer: TestUser;
let registrar: TestUser;
let cycleId = '';
let sitePoint = '';
let gazaPoint = '';
let khanPoint = '';
const at = { site: '', gaza: '', khan: '' };
const names = { site: 'سامر خليل إبراهيم الحداد', gaza: 'ليلى خليل إبراهيم الحداد' };

const logOf = async (entity: string, entityId: string) =>
  (
    await t.db.pool.query<{ after: Record<string, unknown> }>(
      "SELECT after FROM change_log WHERE entity = $1 AND entity_id = $2 AND action = 'read' ORDER BY seq",
      [entity, entityId],
    )
  ).rows.map((r) => r.after);

beforeAll(async () => {
  officer = await t.user({ role: 'distribution_officer' });
  registrar = await t.user({ role: 'registration_officer', orgId: officer.orgId });
  const site = await makeSite(t, await t.user({ role: 'site_manager', orgId: officer.orgId }));
  sitePoint = (await makePoint(t, officer, { name: 'Point at the school', siteId: site.id })).id;
  gazaPoint = (await makePoint(t, officer, { name: 'Gaza centre' })).id;
  khanPoint = (await makePoint(t, officer, { name: 'Khan Younis centre', governorate: 'PS0270' })).id;
  const head = async (givenName: string) => (await makePerson(t, registrar, { givenName })).id;
  const hSite = await makeHousehold(t, registrar, { members: [{ personId: await head('سامر'), relationship: 'head' }] });
  await created(
    t,
    registrar,
    `/api/v1/households/${hSite.id}/members`,
    {
      personId: (await makePerson(t, registrar)).id,
      relationship: 'son',
    },
    200,
  );
  await created(
    t,
    registrar,
    `/api/v1/households/${hSite.id}/displacements`,
    {
      date: new Date().toISOString().slice(0, 10),
      toSite: site.id,
      reason: 'hostilities',
    },
    200,
  );
  const hGaza = await makeHousehold(t, registrar, { members: [{ personId: await head('ليلى'), relationship: 'head' }] });
  const hKhan = await makeHousehold(t, registrar, {
    governorate: 'PS0270',
    members: [{ personId: await head('كريم'), relationship: 'head' }],
  });
  Object.assign(at, { site: hSite.id, gaza: hGaza.id, khan: hKhan.id });
  await makeItem(t, officer, { code: 'food_parcel', unit: 'parcel', sector: 'food' });
  const p = await makeProgramme(t, officer, { rules: [{ item: 'food_parcel', quantity: { base: 1 } }] });
  cycleId = (await makeCycle(t, officer, p.id, { generate: true })).id;
});

describe('warehouses', () => {
  test('listed within the reader governorates, of their organisation', async () => {
    await created(t, officer, '/api/v1/aid/warehouses', { name: 'Main store', governorate: 'PS0260' });
    await created(t, officer, '/api/v1/aid/warehouses', { name: 'South store', governorate: 'PS0275' });
    const all = await t.get(officer, '/api/v1/aid/warehouses');
    expect(all.statusCode).toBe(200);
    expect(all.json().warehouses.map((w: { name: string }) => w.name)).toEqual(['Main store', 'South store']);
    const gazaOnly = await t.user({ role: 'distribution_officer', orgId: officer.orgId, governorates: ['PS0260'] });
    expect((await t.get(gazaOnly, '/api/v1/aid/warehouses')).json().warehouses.map((w: { name: string }) => w.name)).toEqual([
      'Main store',
    ]);
    const other = await t.user({ role: 'distribution_officer' });
    expect((await t.get(other, '/api/v1/aid/warehouses')).json().warehouses).toEqual([]);
    expect((await t.get(registrar, '/api/v1/aid/warehouses')).statusCode).toBe(403);
  });
});

describe("a point's households", () => {
  const url = (point: string, cycle = cycleId) => `/api/v1/aid/points/${point}/households?cycle=${cycle}`;
  test('the site household at the site point; the others at their governorate point; head name and size; the read logged', async () => {
    const r = await t.get(officer, url(sitePoint));
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.total).toBe(1);
    expect(body.households).toEqual([
      { householdId: at.site, recordId: null, headName: names.site, size: 2, entitlements: 1, received: 0, card: false },
    ]);
    const gaza = (await t.get(officer, url(gazaPoint))).json();
    expect(gaza.households.map((h: { householdId: string }) => h.householdId)).toEqual([at.gaza]);
    expect(gaza.households[0].headName).toBe(names.gaza);
    expect((await t.get(officer, url(khanPoint))).json().households.map((h: { householdId: string }) => h.householdId)).toEqual([at.khan]);
    expect(await logOf('distribution_point', sitePoint)).toContainEqual({ cycleId, ids: [at.site] });
  });

  test('a card and a hand-over show in the list', async () => {
    const card = await created<{ token: string }>(t, officer, '/api/v1/aid/cards', { householdId: at.gaza });
    const m = (await t.get(officer, `/api/v1/aid/cycles/${cycleId}/manifest?point=${gazaPoint}`)).json();
    const e = m.entitlements.find((x: { householdId: string }) => x.householdId === at.gaza);
    await created(t, officer, '/api/v1/aid/redemptions', {
      id: crypto.randomUUID(),
      entitlementId: e.id,
      card: card.token,
      pointId: gazaPoint,
    });
    const h = (await t.get(officer, url(gazaPoint))).json().households[0];
    expect([h.card, h.entitlements, h.received]).toEqual([true, 1, 1]);
  });

  test('outside the reader scope: 404 for a point of another governorate or organisation, or a cycle of another organisation; 403 for other roles', async () => {
    const gazaOnly = await t.user({ role: 'distribution_officer', orgId: officer.orgId, governorates: ['PS0260'] });
    expect((await t.get(gazaOnly, url(khanPoint))).statusCode).toBe(404);
    expect((await t.get(gazaOnly, url(gazaPoint))).statusCode).toBe(200);
    const other = await t.user({ role: 'distribution_officer' });
    expect((await t.get(other, url(gazaPoint))).statusCode).toBe(404);
    expect((await t.get(officer, url(gazaPoint, crypto.randomUUID()))).statusCode).toBe(404);
    for (const role of ['registration_officer', 'caseworker', 'site_manager', 'analyst', 'auditor'] as const) {
      const u = await t.user({ role, orgId: officer.orgId });
      expect((await t.get(u, url(gazaPoint))).statusCode, role).toBe(403);
    }
  });

  test('a page at a time: 100 households, the total, the next page from the offset', async () => {
    // 150 more households listed at the Khan Younis point in a cycle of their own (rows as the generator writes them)
    const c = await makeCycle(t, officer, (await makeProgramme(t, officer, { name: 'Paging' })).id);
    await t.db.pool.query(
      `WITH h AS (INSERT INTO household (org_id, governorate, record_id) SELECT $1, 'PS0270', 'P' || lpad(i::text, 4, '0') FROM generate_series(1, 150) i RETURNING id)
       INSERT INTO cycle_household (cycle_id, household_id, governorate, point_id, displaced, size, female, male, f_0_17, m_0_17, f_18_59, m_18_59, f_60_plus, m_60_plus)
       SELECT $2, h.id, 'PS0270', $3, false, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM h`,
      [officer.orgId, c.id, khanPoint],
    );
    const first = (await t.get(officer, url(khanPoint, c.id))).json();
    expect([first.total, first.offset, first.pageSize, first.households.length]).toEqual([150, 0, 100, 100]);
    expect(first.households[0]).toMatchObject({ recordId: 'P0001', headName: null, size: 0, entitlements: 0, card: false });
    const next = (await t.get(officer, `${url(khanPoint, c.id)}&offset=100`)).json();
    expect(next.households.map((h: { recordId: string }) => h.recordId)).toEqual(
      Array.from({ length: 50 }, (_, i) => `P${String(101 + i).padStart(4, '0')}`),
    );
  });

  test('a bad cycle id or offset is refused with the field named', async () => {
    const r = await t.get(officer, `/api/v1/aid/points/${gazaPoint}/households?cycle=nope`);
    expect(r.statusCode).toBe(422);
    expect(JSON.stringify(r.json())).toContain('cycle');
    expect((await t.get(officer, `${url(gazaPoint)}&offset=1e3`)).statusCode).toBe(422);
  });
});

describe('the identity check', () => {
  test('the manifest holds the head name and size of its own households only, nothing else about them; the read is logged', async () => {
    const m = (await t.get(officer, `/api/v1/aid/cycles/${cycleId}/manifest?point=${sitePoint}`)).json();
    expect(m.households).toEqual([{ householdId: at.site, headName: names.site, size: 2 }]);
    const text = JSON.stringify(m);
    expect(text).not.toContain(names.gaza);
    expect(text).not.toMatch(/nationalId|dateOfBirth|1990-03-12/);
    expect(await logOf('distribution_point', sitePoint)).toContainEqual({ cycleId, identities: 1 });
  });

  test('online, the card check names the head and the size; logged as a read of the household', async () => {
    const card = await created<{ token: string; number: string }>(t, officer, '/api/v1/aid/cards', { householdId: at.site });
    const m = (await t.get(officer, `/api/v1/aid/cycles/${cycleId}/manifest?point=${sitePoint}`)).json();
    const entitlementIds = m.entitlements.map((e: { id: string }) => e.id);
    const before = (await logOf('household', at.site)).length;
    for (const body of [{ card: card.token }, { cardNumber: card.number }]) {
      const r = await t.post(officer, '/api/v1/aid/cards/check', { ...body, entitlementIds });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ valid: true, identity: { householdId: at.site, headName: names.site, size: 2 } });
    }
    const after = await logOf('household', at.site);
    expect(after.slice(before)).toEqual([
      { cardSerial: expect.any(Number), identityCheck: true },
      { cardSerial: expect.any(Number), identityCheck: true },
    ]);
  });

  test('a reader of another governorate: the name only when the device names an entitlement of this household at a point in their governorates', async () => {
    const card = await created<{ token: string }>(t, officer, '/api/v1/aid/cards', { householdId: at.khan });
    const gazaOnly = await t.user({ role: 'distribution_officer', orgId: officer.orgId, governorates: ['PS0260'] });
    const khanEnt = (await t.get(officer, `/api/v1/aid/cycles/${cycleId}/manifest?point=${khanPoint}`)).json().entitlements[0].id;
    const gazaEnt = (await t.get(officer, `/api/v1/aid/cycles/${cycleId}/manifest?point=${gazaPoint}`)).json().entitlements[0].id;
    const r = await t.post(gazaOnly, '/api/v1/aid/cards/check', { card: card.token, entitlementIds: [khanEnt, gazaEnt] });
    expect(r.statusCode).toBe(200);
    expect(r.json().valid).toBe(true);
    expect(r.json().identity).toBeUndefined();
    const all = await t.post(officer, '/api/v1/aid/cards/check', { card: card.token, entitlementIds: [khanEnt] });
    expect(all.json().identity).toMatchObject({ householdId: at.khan, size: 1 });
  });
});
