// GET /api/v1/reconstruction/dashboard and its HXL CSV on real PostgreSQL: buildings and units by
// latest remote and field class per governorate and locality, claims by state, a plan and a paid
// tranche, funds and materials, exact for an administrator; small cells withheld (null, "<5") for the
// aggregate-only roles; refusals as problem+json; every role (403 without the permission); other
// organisations' and other governorates' records not counted.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { allows } from '../../src/shared/permissions.ts';
import { roles } from '../../src/shared/roles.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { remoteClass, run } from './claimsSupport.ts';
import { projectBody } from './projectFixture.ts';
import { addUnit } from '../../src/store/reconstruction/addUnit.ts';
import { createBuilding } from '../../src/store/reconstruction/createBuilding.ts';
import { approvedCase, openPlan, photo, vendorIn } from './tranchesSupport.ts';

const t = useTestApp();
const URL = '/api/v1/reconstruction/dashboard';
let projects = 0;
const KHAN_YOUNIS: [number, number] = [34.3061, 31.3469];

/** A building at a point with `units` units (and a locality), as the engineer records it. */
async function building(u: TestUser, at: [number, number], units: number, localityId: string | null = null) {
  const b = await run(t, u, (ctx) =>
    createBuilding(ctx, { geometry: { type: 'Point', coordinates: at }, governorate: null, localityId, use: 'residential', floors: 3 }),
  );
  const ids: string[] = [];
  for (let i = 1; i <= units; i++)
    ids.push((await run(t, u, (ctx) => addUnit(ctx, b.id, { floor: i, unitNumber: `${i}A`, areaM2: 90 }))).id);
  return { id: b.id, units: ids };
}

const assess = (u: TestUser, buildingId: string, damageClass: string, assessedOn: string, unitId?: string) =>
  t.post(u, '/api/v1/reconstruction/field-assessments', {
    id: randomUUID(),
    buildingId,
    ...(unitId ? { unitId } : {}),
    damageClass,
    habitable: false,
    assessedOn,
    lines: [{ itemCode: 'cement', quantity: 1 }],
  });

/** Organisation A: a paid case in Gaza City, a building of two units in a locality, one in Khan Younis, a project, materials. */
async function scene() {
  const s = await approvedCase(t);
  const plan = await openPlan(t, s);
  const tranche = plan.tranches[0].id;
  const base = `/api/v1/reconstruction/cases/${s.caseId}`;
  const insp = await t.post(s.engineer, `${base}/inspections`, {
    stage: 'signing',
    inspectedOn: '2026-11-01',
    photos: [photo],
    installed: [{ item: 'cement', quantity: 2 }],
  });
  expect(insp.statusCode, insp.body).toBe(201);
  expect((await t.post(s.claims, `${base}/tranches/${tranche}/release`)).statusCode).toBe(200);
  expect((await t.post(s.claims, `${base}/quota`, { lines: [{ item: 'cement', unit: 'tonne', quantity: 10 }] })).statusCode).toBe(200);
  const vendor = await vendorIn(t, s.officer.orgId, 'PS0260');
  const sale = await t.post(vendor, '/api/v1/reconstruction/sales', {
    id: randomUUID(),
    code: plan.code,
    item: 'cement',
    quantity: 6,
    soldAt: '2026-11-02T10:00:00Z',
  });
  expect(sale.statusCode, sale.body).toBe(201);
  const admin = await t.user({ role: 'administrator', orgId: s.officer.orgId });
  const loc = await t.post(admin, '/api/v1/places/localities', { governorate: 'PS0260', nameAr: 'الرمال', nameEn: 'Al-Rimal' });
  expect(loc.statusCode, loc.body).toBe(201);
  const two = await building(s.engineer, [34.4567, 31.5101], 2, loc.json().id);
  await remoteClass(t, s.engineer, two.id, 'moderately_damaged');
  expect((await assess(s.engineer, two.id, 'major', '2026-10-01')).statusCode).toBe(201);
  expect((await assess(s.engineer, two.id, 'severe', '2026-10-05', two.units[0])).statusCode).toBe(201);
  const south = await building(s.engineer, KHAN_YOUNIS, 1);
  await remoteClass(t, s.engineer, south.id, 'destroyed');
  const p = await t.post(
    admin,
    '/api/v1/reconstruction/projects',
    projectBody({ iatiIdentifier: `PS-MOI-12345-DASH-${++projects}`, locations: [{ governorate: 'PS0260' }] }),
  );
  expect(p.statusCode, p.body).toBe(201);
  const tx = (type: string, value: number) =>
    t.post(admin, `/api/v1/reconstruction/projects/${p.json().id}/transactions`, { type, date: '2026-02-01', value });
  expect((await tx('2', 300000)).statusCode).toBe(201);
  expect((await tx('3', 125000.5)).statusCode).toBe(201);
  // another organisation's paid case in the same governorate: never counted
  await approvedCase(t, undefined, 3);
  return { s, admin, localityId: loc.json().id as string };
}

test('exact figures per governorate and locality for an administrator, withheld small cells for an analyst, the CSV', async () => {
  const { s, admin, localityId } = await scene();
  const r = await t.get(admin, URL);
  expect(r.statusCode, r.body).toBe(200);
  const d = r.json();
  expect(d.aggregateOnly).toBe(false);
  expect(d.governorates).toHaveLength(16);
  const gaza = d.governorates.find((g: { governorate: string }) => g.governorate === 'PS0260');
  expect(gaza.buildings).toMatchObject({
    total: 2,
    remote: { destroyed: 1, moderately_damaged: 1 },
    field: { severe: 1, not_assessed: 1 },
  });
  expect(gaza.units).toMatchObject({
    total: 3,
    remote: { destroyed: 1, moderately_damaged: 2 },
    field: { severe: 1, major: 1, not_assessed: 1 },
  });
  expect(gaza.claims).toMatchObject({ total: 1, byState: { approved: 1, filed: 0 } });
  expect(gaza.grants).toEqual({ plans: 1, paidCases: 1, paid: 12000 });
  expect(gaza.funds).toEqual([{ currency: 'USD', projects: 1, committed: 300000, disbursed: 125000.5 }]);
  expect(gaza.materials).toEqual([{ item: 'cement', quota: 10, sold: 6, installed: 2, leftVendors: 6 }]);
  expect(
    gaza.localities.map((l: { localityId: string | null; nameEn: string | null; units: { total: number } }) => [
      l.localityId,
      l.nameEn,
      l.units.total,
    ]),
  ).toEqual([
    [localityId, 'Al-Rimal', 2],
    [null, null, 1],
  ]);
  const south = d.governorates.find((g: { governorate: string }) => g.governorate === 'PS0270');
  expect(south.buildings).toMatchObject({ total: 1, remote: { destroyed: 1 } });
  expect(d.totals.buildings.total).toBe(3);
  expect(d.totals.units.total).toBe(4);
  expect(d.totals.claims.total).toBe(1);
  expect(d.totals.funds).toEqual([{ currency: 'USD', projects: 1, committed: 300000, disbursed: 125000.5 }]);

  const analyst = await t.user({ role: 'analyst', orgId: s.officer.orgId });
  const a = (await t.get(analyst, URL)).json();
  expect(a.aggregateOnly).toBe(true);
  const ag = a.governorates.find((g: { governorate: string }) => g.governorate === 'PS0260');
  expect(ag.buildings.total).toBe(2);
  expect(ag.units.total).toBeNull();
  expect(ag.claims.byState.approved).toBeNull();
  expect(ag.claims.byState.filed).toBe(0);
  expect(ag.grants).toEqual({ plans: null, paidCases: null, paid: null });
  expect(ag.materials).toEqual([{ item: 'cement', quota: null, sold: null, installed: null, leftVendors: 6 }]);
  expect(ag.funds).toEqual(gaza.funds);
  expect(a.totals.claims.total).toBeNull();

  const csv = await t.get(admin, `${URL}.csv`);
  expect(csv.statusCode).toBe(200);
  expect(csv.headers['content-type']).toContain('text/csv');
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
  const [head, hxl] = lines;
  expect(hxl![head!.indexOf('units_remote_destroyed')]).toBe('#indicator+num+units+remote+destroyed');
  expect(hxl![head!.indexOf('committed_usd')]).toBe('#value+committed+usd');
  const row = (level: string, pcode: string, locality = '') => lines.find((l) => l[0] === level && l[3] === pcode && l[4] === locality)!;
  const cell = (l: string[], name: string) => l[head!.indexOf(name)];
  expect(cell(row('governorate', 'PS0260'), 'units')).toBe('3');
  expect(cell(row('governorate', 'PS0260'), 'units_damaged')).toBe('3');
  expect(cell(row('governorate', 'PS0260'), 'grants_paid')).toBe('12000');
  expect(cell(row('governorate', 'PS0260'), 'committed_usd')).toBe('300000.00');
  expect(cell(row('governorate', 'PS0260'), 'cement_sold')).toBe('6');
  expect(cell(row('locality', 'PS0260', 'Al-Rimal'), 'units_field_severe')).toBe('1');
  expect(cell(row('locality', 'PS0260', 'Al-Rimal'), 'committed_usd')).toBe('');
  expect(cell(lines[2]!, 'buildings')).toBe('3');
  const aCsv = (await t.get(analyst, `${URL}.csv`)).body.split('\r\n').map((l: string) => l.split(','));
  const aGaza = aCsv.find((l: string[]) => l[0] === 'governorate' && l[3] === 'PS0260')!;
  expect(aGaza[head!.indexOf('units')]).toBe('<5');
  expect(aGaza[head!.indexOf('buildings')]).toBe('2');
});

test('one governorate; refusals are problem+json naming the field', async () => {
  const { s } = await scene();
  const officer = await t.user({ role: 'claims_officer', orgId: s.officer.orgId, governorates: ['PS0260'] });
  const one = await t.get(officer, `${URL}?governorate=PS0260`);
  expect(one.statusCode, one.body).toBe(200);
  expect(one.json().governorates.map((g: { governorate: string }) => g.governorate)).toEqual(['PS0260']);
  expect(one.json().totals.units.total).toBe(3);
  for (const [q, status] of [
    ['governorate=PS0270', 422],
    ['governorate=XX99', 422],
    ['colour=red', 422],
  ] as const) {
    const r = await t.get(officer, `${URL}?${q}`);
    expect(r.statusCode, q).toBe(status);
    expect(r.headers['content-type'], q).toContain('application/problem+json');
    const csv = await t.get(officer, `${URL}.csv?${q}`);
    expect(csv.statusCode, q).toBe(status);
  }
  const outside = (await t.get(officer, `${URL}?governorate=PS0270`)).json();
  expect(outside.errors[0].field).toBe('governorate');
});

test('every role: 403 without the permission; other governorates and organisations not counted', async () => {
  const { s } = await scene();
  for (const role of roles) {
    const u = await t.user({ role, orgId: s.officer.orgId, governorates: ['PS0270'] });
    for (const url of [URL, `${URL}.csv`]) {
      const r = await t.get(u, url);
      const key = url === URL ? 'GET /api/v1/reconstruction/dashboard' : 'GET /api/v1/reconstruction/dashboard.csv';
      expect(r.statusCode, `${role} ${url}`).toBe(allows(key, role) ? 200 : 403);
      if (r.statusCode === 403) expect(r.json().type).toBe('/problems/forbidden');
    }
    if (!allows('GET /api/v1/reconstruction/dashboard', role)) continue;
    const d = (await t.get(u, URL)).json();
    // only Khan Younis: the Gaza City case, building, project and materials are outside this reader's governorates
    expect(d.governorates.map((g: { governorate: string }) => g.governorate)).toEqual(['PS0270']);
    expect(d.totals.buildings.total).toBe(1);
    expect(d.totals.claims.total).toBe(0);
    expect(d.totals.grants.paid).toBe(0);
    expect(d.totals.funds).toEqual([]);
    expect(d.totals.materials).toEqual([]);
  }
  const stranger = await t.user({ role: 'administrator' });
  const other = (await t.get(stranger, URL)).json();
  expect(other.totals.buildings.total).toBe(0);
  expect(other.totals.claims.total).toBe(0);
});
