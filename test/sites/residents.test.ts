// The households living at a site (GET /api/v1/sites/:id/residents): those whose latest move went
// there, with size and needs; scoped to the reader's organisation and governorates; the read logged.
import { beforeAll, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { makeHousehold, makePerson, makeSite, type Site } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let officer: TestUser;
let manager: TestUser;
let site: Site;
beforeAll(async () => {
  officer = await t.user({ role: 'registration_officer', governorates: ['PS0260'] });
  manager = await t.user({ role: 'site_manager', orgId: officer.orgId, governorates: ['PS0260'] });
  site = await makeSite(t, manager, { name: 'Residents school', kind: 'school' });
});

const move = (user: TestUser, household: string, body: object) =>
  t.post(user, `/api/v1/households/${household}/displacements`, {
    date: '2025-02-01',
    reason: 'evacuation_order',
    fromGovernorate: 'PS0260',
    toGovernorate: 'PS0260',
    ...body,
  });

test('a household moved to the site is listed with its size and needs, and leaves the list when it moves on', async () => {
  const head = await makePerson(t, officer, { sex: 'female' });
  const child = await makePerson(t, officer, { sex: 'male', dateOfBirth: '2015-01-01' });
  const hh = await makeHousehold(t, officer, {
    date: '2024-01-01',
    members: [
      { personId: head.id, relationship: 'head' },
      { personId: child.id, relationship: 'son' },
    ],
  });
  const v = await t.post(officer, `/api/v1/households/${hh.id}/vulnerabilities`, { kind: 'disability', date: '2024-06-01' });
  expect(v.statusCode, v.body).toBeLessThan(300);

  const before = await t.get(manager, `/api/v1/sites/${site.id}/residents`);
  expect(before.statusCode, before.body).toBe(200);
  expect(before.json().households.map((h: { id: string }) => h.id)).not.toContain(hh.id);

  expect((await move(officer, hh.id, { toSite: site.id })).statusCode).toBe(200);
  const after = await t.get(manager, `/api/v1/sites/${site.id}/residents`);
  expect(after.statusCode, after.body).toBe(200);
  const row = after.json().households.find((h: { id: string }) => h.id === hh.id);
  expect(row).toMatchObject({ size: 2, since: '2025-02-01', governorate: 'PS0260' });
  expect(row.vulnerabilities).toEqual(expect.arrayContaining(['female_headed', 'disability']));
  expect(JSON.stringify(after.json())).not.toContain(head.fullName ?? 'never');

  // as of a day before the move, it did not live there yet
  const earlier = await t.get(manager, `/api/v1/sites/${site.id}/residents?on=2025-01-15`);
  expect(earlier.json().households.map((h: { id: string }) => h.id)).not.toContain(hh.id);

  // the read is logged, naming the households shown
  const reads = await t.db.pool.query(
    "SELECT actor_id, after FROM change_log WHERE entity = 'site_residents' AND entity_id = $1 AND action = 'read'",
    [site.id],
  );
  expect(reads.rows.map((r) => r.actor_id)).toContain(manager.id);
  expect(reads.rows.some((r) => JSON.stringify(r.after).includes(hh.id))).toBe(true);

  expect((await move(officer, hh.id, { date: '2025-03-01', toSite: undefined })).statusCode).toBe(200);
  const gone = await t.get(manager, `/api/v1/sites/${site.id}/residents?on=2025-03-02`);
  expect(gone.json().households.map((h: { id: string }) => h.id)).not.toContain(hh.id);
});

test("another organisation's site is not found; an analyst may not list residents", async () => {
  const other = await t.user({ role: 'site_manager', governorates: ['PS0260'] });
  expect((await t.get(other, `/api/v1/sites/${site.id}/residents`)).statusCode).toBe(404);
  const analyst = await t.user({ role: 'analyst', orgId: officer.orgId, governorates: ['PS0260'] });
  expect((await t.get(analyst, `/api/v1/sites/${site.id}/residents`)).statusCode).toBe(403);
});

test('a household of another organisation living there is counted, not listed', async () => {
  const otherOfficer = await t.user({ role: 'registration_officer', governorates: ['PS0260'] });
  const hh = await makeHousehold(t, otherOfficer, { date: '2024-01-01' });
  // the other organisation cannot name this site in a move (it is not theirs): record it directly
  await t.db.pool.query(
    "INSERT INTO displacement_event (household_id, from_governorate, to_governorate, to_site, event_date, reason) VALUES ($1, 'PS0260', 'PS0260', $2, '2025-02-02', 'evacuation_order')",
    [hh.id, site.id],
  );
  const res = await t.get(manager, `/api/v1/sites/${site.id}/residents`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().households.map((h: { id: string }) => h.id)).not.toContain(hh.id);
  expect(res.json().notShown).toBeGreaterThanOrEqual(1);
});
