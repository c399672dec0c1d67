// /api/v1/reconstruction/projects: create, read, list, change a project; record commitments and
// disbursements; funds per governorate (JSON and HXL CSV); errors named by field; scope and roles.
import { expect, test } from 'vitest';
import { isOrgRef } from '../../src/iati/identifiers.ts';
import { projectProblems, projectTotals, transactionProblems } from '../../src/reconstruction/projects.ts';
import { useTestApp } from '../support/testApp.ts';
import { projectBody, projectBody as body } from './projectFixture.ts';

const t = useTestApp();
const URL = '/api/v1/reconstruction/projects';

test('pure: organisation identifiers, identifier prefix, dates, sectors, budget periods, totals in cents', () => {
  expect(isOrgRef('PS-MOI-12345')).toBe(true);
  expect(isOrgRef('XM-DAC-41114')).toBe(true);
  expect(isOrgRef('ZZ-NOPE-1')).toBe(false);
  expect(isOrgRef('PS-MOI-12 345')).toBe(false);
  const ok = projectBody() as unknown as Parameters<typeof projectProblems>[0];
  expect(projectProblems(ok, '2026-12-06')).toEqual([]);
  const bad = {
    ...ok,
    iatiIdentifier: 'PS-TIN-1-RECON',
    plannedEnd: '2025-12-31',
    actualStart: '2027-01-01',
    sectors: [{ code: '73010', percentage: 60 }],
    budgets: [{ type: '1', status: '1', periodStart: '2026-01-01', periodEnd: '2027-03-01', value: 1 }],
    participatingOrgs: [{ role: '4', type: '22', name: 'x' }],
  };
  expect(projectProblems(bad, '2026-12-06').map((e) => `${e.field}:${e.reason}`)).toEqual([
    'plannedEnd:before_start',
    'actualStart:in_future',
    'iatiIdentifier:identifier_prefix',
    'participatingOrgs:role_required',
    'sectors:percentages_sum',
    'budgets.0.periodEnd:period_over_year',
  ]);
  expect(transactionProblems({ type: '3', date: '2026-12-07', value: 1 }, '2026-12-06')).toEqual([{ field: 'date', reason: 'in_future' }]);
  expect(
    projectTotals(
      'USD',
      [{ value: 0.1, currency: 'USD' }],
      [
        { type: '2', value: 0.2, currency: 'USD' },
        { type: '3', value: 0.1, currency: 'USD' },
        { type: '3', value: 5, currency: 'ILS' },
      ],
    ),
  ).toEqual([
    { currency: 'USD', budget: 0.1, committed: 0.2, disbursed: 0.1 },
    { currency: 'ILS', budget: 0, committed: 0, disbursed: 5 },
  ]);
});

test('an administrator creates a project, records a commitment and a disbursement, and sees the totals; an analyst reads', async () => {
  const admin = await t.user({ role: 'administrator', governorates: ['PS0260', 'PS0270'] });
  const created = await t.post(admin, URL, projectBody());
  expect(created.statusCode).toBe(201);
  const p = created.json();
  expect(p).toMatchObject({ iatiIdentifier: 'PS-MOI-12345-RECON-0001', governorates: ['PS0260', 'PS0270'], version: 1, housingUnits: 120 });
  expect(p.budgets).toEqual([
    { type: '1', status: '1', periodStart: '2026-01-01', periodEnd: '2026-12-31', value: 500000, currency: 'USD' },
  ]);

  const c = await t.post(admin, `${URL}/${p.id}/transactions`, {
    type: '2',
    date: '2026-02-01',
    value: 300000,
    receiver: { ref: 'PS-MOI-12345', type: '22', name: 'Example Relief Society' },
  });
  expect(c.statusCode).toBe(201);
  expect(c.json()).toMatchObject({ type: '2', value: 300000, currency: 'USD' });
  const d = await t.post(admin, `${URL}/${p.id}/transactions`, {
    type: '3',
    date: '2026-03-01',
    value: 125000.5,
    description: 'First tranche',
  });
  expect(d.statusCode).toBe(201);

  const got = (await t.get(admin, `${URL}/${p.id}`)).json();
  expect(got.totals).toEqual([{ currency: 'USD', budget: 500000, committed: 300000, disbursed: 125000.5 }]);
  expect(got.transactions.map((x: { type: string }) => x.type)).toEqual(['2', '3']);
  expect(got.version).toBe(3);

  const analyst = await t.user({ role: 'analyst', orgId: admin.orgId, governorates: ['PS0270'] });
  const list = (await t.get(analyst, URL)).json();
  expect(list.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
  expect(list.nextCursor).toBeNull();

  const funds = (await t.get(analyst, '/api/v1/reconstruction/funds')).json();
  // two governorates share the project's amounts equally; the analyst sees their own governorate
  expect(funds.rows).toEqual([{ governorate: 'PS0270', currency: 'USD', projects: 1, committed: 150000, disbursed: 62500.25 }]);
  const csv = await t.post(admin, '/api/v1/reconstruction/funds.csv', {});
  expect(csv.statusCode).toBe(200);
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('governorate,governorate_ar,governorate_pcode,currency,projects,committed,disbursed');
  expect(lines[1]).toBe('#adm2+name,#adm2+name+i_ar,#adm2+code,#currency,#activity+num,#value+committed,#value+disbursed');
  expect(lines.slice(2)).toEqual(['Gaza,غزة,PS0260,USD,1,150000.00,62500.25', 'Khan Younis,خان يونس,PS0270,USD,1,150000.00,62500.25']);

  // changed with the version read; a stale version is refused
  const put = await t.put(admin, `${URL}/${p.id}`, { ...projectBody({ activityStatus: '3' }), version: 3 });
  expect(put.statusCode).toBe(200);
  expect(put.json()).toMatchObject({ activityStatus: '3', version: 4 });
  expect(put.json().transactions).toHaveLength(2);
  const stale = await t.put(admin, `${URL}/${p.id}`, { ...projectBody(), version: 3 });
  expect(stale.json().type).toBe('/problems/version_conflict');

  const log = await t.db.pool.query(
    "SELECT action FROM change_log WHERE entity = 'reconstruction_project' AND entity_id = $1 ORDER BY seq",
    [p.id],
  );
  expect(log.rows.map((r) => r.action)).toEqual(['create', 'transaction', 'transaction', 'update']);
});

test('errors: each field named with its reason; a taken identifier; a codelist code', async () => {
  const projectBody = (over: Record<string, unknown> = {}) => body({ iatiIdentifier: 'PS-MOI-12345-RECON-0002', ...over });
  const admin = await t.user({ role: 'administrator', governorates: ['PS0260', 'PS0270'] });
  const bad = await t.post(admin, URL, projectBody({ sectors: [{ code: '99999', percentage: 100 }], currency: 'XXX' }));
  expect(bad.statusCode).toBe(422);
  expect(bad.json().errors).toEqual(
    expect.arrayContaining([
      { field: 'sectors.0.code', reason: 'not_in_codelist' },
      { field: 'currency', reason: 'not_in_codelist' },
    ]),
  );
  const rules = await t.post(
    admin,
    URL,
    projectBody({ iatiIdentifier: 'PS-MOI-12345 RECON', reportingOrg: { ref: 'PS-MOI-12345', type: '22', name: 'x' } }),
  );
  expect(rules.json().errors).toEqual([{ field: 'iatiIdentifier', reason: 'identifier_characters' }]);
  const far = await t.post(
    admin,
    URL,
    projectBody({ iatiIdentifier: 'PS-MOI-12345-X2', locations: [{ governorate: 'PS0260', point: { lat: 48.8, lon: 2.3 } }] }),
  );
  expect(far.json().errors).toEqual([{ field: 'locations.0.point', reason: 'outside_palestine' }]);
  expect((await t.post(admin, URL, projectBody())).statusCode).toBe(201);
  const again = await t.post(admin, URL, projectBody());
  expect(again.statusCode).toBe(409);
  expect(again.json()).toMatchObject({ type: '/problems/iati_identifier_taken', errors: [{ field: 'iatiIdentifier', reason: 'taken' }] });
  const p = (await t.get(admin, URL)).json().items[0];
  const future = await t.post(admin, `${URL}/${p.id}/transactions`, { type: '3', date: '2999-01-01', value: 1 });
  expect(future.json().errors).toEqual([{ field: 'date', reason: 'in_future' }]);
  const zero = await t.post(admin, `${URL}/${p.id}/transactions`, { type: '3', date: '2026-01-01', value: 0 });
  expect(zero.json().errors[0].field).toBe('value');
  const kind = await t.post(admin, `${URL}/${p.id}/transactions`, { type: '11', date: '2026-01-01', value: 1 });
  expect(kind.json().errors).toEqual([{ field: 'type', reason: 'not_in_codelist' }]);
  // the export's organisation filter: control characters are named, not a server error (the write fuzz found it)
  const nul = await t.post(admin, '/api/v1/reconstruction/iati', { organisation: '\u0000\u0000\u0000' });
  expect(nul.statusCode).toBe(422);
  expect(nul.json().errors).toEqual([{ field: 'organisation', reason: 'wrong_form' }]);
});

test('security: other organisations and governorates see 404; outside governorates refused; roles outside the matrix 403', async () => {
  const projectBody = (over: Record<string, unknown> = {}) => body({ iatiIdentifier: 'PS-MOI-12345-RECON-0003', ...over });
  const admin = await t.user({ role: 'administrator', governorates: ['PS0260', 'PS0270'] });
  const p = (await t.post(admin, URL, projectBody())).json();
  const stranger = await t.user({ role: 'administrator', governorates: ['PS0260', 'PS0270'] });
  expect((await t.get(stranger, `${URL}/${p.id}`)).statusCode).toBe(404);
  expect((await t.post(stranger, `${URL}/${p.id}/transactions`, { type: '3', date: '2026-01-01', value: 1 })).statusCode).toBe(404);
  expect((await t.get(stranger, URL)).json().items).toEqual([]);
  const westBank = await t.user({ role: 'administrator', orgId: admin.orgId, governorates: ['PS0150'] });
  expect((await t.get(westBank, `${URL}/${p.id}`)).statusCode).toBe(404);
  const gazaOnly = await t.user({ role: 'administrator', orgId: admin.orgId, governorates: ['PS0260'] });
  const outside = await t.post(gazaOnly, URL, projectBody({ iatiIdentifier: 'PS-MOI-12345-X3' }));
  expect(outside.json().errors).toEqual([{ field: 'locations.1.governorate', reason: 'outside_governorates' }]);
  // a project partly outside one's governorates is read, not changed
  expect((await t.get(gazaOnly, `${URL}/${p.id}`)).statusCode).toBe(200);
  const partly = await t.post(gazaOnly, `${URL}/${p.id}/transactions`, { type: '3', date: '2026-01-01', value: 1 });
  expect(partly.json().errors).toEqual([{ field: 'projectId', reason: 'outside_governorates' }]);
  const analyst = await t.user({ role: 'analyst', orgId: admin.orgId, governorates: ['PS0260'] });
  expect((await t.post(analyst, URL, projectBody({ iatiIdentifier: 'PS-MOI-12345-X4' }))).statusCode).toBe(403);
  expect((await t.post(analyst, `${URL}/${p.id}/transactions`, { type: '3', date: '2026-01-01', value: 1 })).statusCode).toBe(403);
  for (const role of ['registration_officer', 'caseworker', 'auditor'] as const) {
    const u = await t.user({ role, orgId: admin.orgId, governorates: ['PS0260'] });
    expect((await t.get(u, URL)).statusCode).toBe(403);
    expect((await t.post(u, '/api/v1/reconstruction/iati', {})).statusCode).toBe(403);
  }
});
