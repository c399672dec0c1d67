// Sites through the API: register, read, list, update with the version read, capacity report;
// another organisation or governorate sees none of it (404); roles follow the matrix (403).
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { SiteCapacityReport } from '../../../src/api/routes/sites/schema.ts';
import { AppError } from '../../../src/errors.ts';
import { nextVersion } from '../../../src/sites/site.ts';
import type { TestUser } from '../../support/factories.ts';
import { useTestApp } from '../../support/testApp.ts';

const t = useTestApp();
let manager: TestUser;
const school = { kind: 'school', name: 'Test school', governorate: 'PS0260', coveredAreaM2: 700, toilets: 4, waterPoints: 1 };

beforeAll(async () => {
  manager = await t.user({ role: 'site_manager' });
});

const create = async (u: TestUser = manager, body: object = school) => t.post(u, '/api/v1/sites', body);

test('nextVersion: the version read moves on by one; any other is a conflict', () => {
  expect(nextVersion(3, 3)).toBe(4);
  expect(() => nextVersion(3, 2)).toThrow(AppError);
  try {
    nextVersion(1, 2);
  } catch (e) {
    expect((e as AppError).id).toBe('version_conflict');
  }
});

test('a site is registered, read and listed with its defaults', async () => {
  const res = await create();
  expect(res.statusCode).toBe(201);
  const site = res.json();
  expect(site).toMatchObject({ ...school, locality: null, phase: 'initial', status: 'open', version: 1, waterLitresPerDay: null });
  expect((await t.get(manager, `/api/v1/sites/${site.id}`)).json()).toEqual(site);
  const list = (await t.get(manager, '/api/v1/sites?governorate=PS0260&kind=school')).json().sites as { id: string }[];
  expect(list.map((s) => s.id)).toContain(site.id);
  expect((await t.get(manager, '/api/v1/sites?kind=camp')).json().sites).toEqual([]);
  const log = await t.db.pool.query("SELECT action FROM change_log WHERE entity = 'site' AND entity_id = $1", [site.id]);
  expect(log.rows.map((r) => r.action)).toEqual(['create']);
});

test('an update names the version it read: the next version answers; a stale one is refused and changes nothing', async () => {
  const site = (await create()).json();
  const res = await t.put(manager, `/api/v1/sites/${site.id}`, { ...school, toilets: 9, status: 'damaged', version: 1 });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ id: site.id, toilets: 9, status: 'damaged', version: 2 });
  const stale = await t.put(manager, `/api/v1/sites/${site.id}`, { ...school, toilets: 1, version: 1 });
  expect(stale.statusCode).toBe(409);
  expect(stale.json().type).toBe('/problems/version_conflict');
  expect((await t.get(manager, `/api/v1/sites/${site.id}`)).json()).toMatchObject({ toilets: 9, version: 2 });
});

test('invalid input is refused naming the fields', async () => {
  const res = await create(manager, { ...school, kind: 'castle', coveredAreaM2: -1 });
  expect(res.statusCode).toBe(422);
  expect(
    res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
  ).toEqual(['coveredAreaM2', 'kind']);
});

test('the capacity report answers its exact schema, with the new site in it', async () => {
  const site = (await create()).json();
  const res = await t.get(manager, '/api/v1/sites/capacity?governorate=PS0260');
  expect(res.statusCode).toBe(200);
  const report = SiteCapacityReport.parse(res.json());
  const row = report.sites.find((s) => s.site.id === site.id)!;
  expect(row).toMatchObject({ people: 0, households: 0, capacity: 200, overBy: 0, flags: [] });
  expect(report.governorates.map((g) => g.governorate)).toEqual(['PS0260']);
});

test('another organisation: 404 for the site and its update, and it is not listed', async () => {
  const site = (await create()).json();
  const outsider = await t.user({ role: 'site_manager' });
  expect((await t.get(outsider, `/api/v1/sites/${site.id}`)).statusCode).toBe(404);
  expect((await t.put(outsider, `/api/v1/sites/${site.id}`, { ...school, version: 1 })).statusCode).toBe(404);
  expect((await t.get(outsider, '/api/v1/sites')).json().sites).toEqual([]);
  expect((await t.get(manager, `/api/v1/sites/${randomUUID()}`)).statusCode).toBe(404);
  expect((await t.get(manager, '/api/v1/sites/not-a-uuid')).statusCode).toBe(404);
});

test('a user of other governorates: the site is 404 and registering one outside them is refused', async () => {
  const site = (await create()).json();
  const north = await t.user({ role: 'site_manager', orgId: manager.orgId, governorates: ['PS0255'] });
  expect((await t.get(north, `/api/v1/sites/${site.id}`)).statusCode).toBe(404);
  const res = await create(north);
  expect(res.statusCode).toBe(422);
  expect(res.json().errors).toEqual([{ field: 'governorate', reason: expect.stringMatching(/governorates/) }]);
  expect((await create(north, { ...school, governorate: 'PS0255' })).statusCode).toBe(201);
});

test('roles the matrix does not allow: 403', async () => {
  const site = (await create()).json();
  const registrar = await t.user({ role: 'registration_officer', orgId: manager.orgId });
  const auditor = await t.user({ role: 'auditor', orgId: manager.orgId });
  expect((await create(registrar)).statusCode).toBe(403);
  expect((await t.put(registrar, `/api/v1/sites/${site.id}`, { ...school, version: 1 })).statusCode).toBe(403);
  expect((await t.get(auditor, '/api/v1/sites/capacity')).statusCode).toBe(403);
});
