// Reconstruction payments in the cash reports: a joint case of an owner and a tenant is paid once
// (its tranche and its month of shelter cash each one payment, one amount) and reaches each of its
// two households once, even when a household also has a withdrawn claim on the case; both
// households' aid pages show the payments once, with the two households sharing them. Another
// organisation sees none of it; roles that see only aggregates may not read the report.
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { occupant, remoteClass, unitIn } from './claimsSupport.ts';
import { photo } from './tranchesSupport.ts';

const t = useTestApp();
const claimOf = (unitId: string, householdId: string, basis: string) => ({
  unitId,
  householdId,
  basis,
  claimedClass: 'destroyed',
  damageDate: '2024-01-10',
});

test('a joint case is paid once and each of its households counted once', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const claims = await t.user({ role: 'claims_officer', orgId: officer.orgId });
  const committee = await t.user({ role: 'reconstruction_committee', orgId: officer.orgId });
  const engineer = await t.user({ role: 'engineer', orgId: officer.orgId });
  const { buildingId, unitId } = await unitIn(t, officer);
  await remoteClass(t, officer, buildingId, 'destroyed');
  const owner = await occupant(t, officer, unitId, 'owner');
  const tenant = await occupant(t, officer, unitId, 'tenant', ['spouse']);
  const a = await t.post(officer, '/api/v1/reconstruction/claims', claimOf(unitId, owner.id, 'owner'));
  const b = await t.post(officer, '/api/v1/reconstruction/claims', claimOf(unitId, tenant.id, 'tenant'));
  expect([a.statusCode, b.statusCode], b.body).toEqual([201, 201]);
  const caseId = a.json().caseId as string;
  expect(b.json().caseId).toBe(caseId);
  expect((await t.post(claims, `/api/v1/reconstruction/cases/${caseId}/check`, { step: 'verified' })).statusCode).toBe(200);
  const ok = await t.post(committee, `/api/v1/reconstruction/cases/${caseId}/decision`, { decision: 'approved', reason: 'ok' });
  expect(ok.statusCode, ok.body).toBe(200);
  const plan = (await t.post(claims, `/api/v1/reconstruction/cases/${caseId}/plan`)).json();
  // the owner's earlier claim on the same case, withdrawn: it must not count the owner twice
  await t.db.pool.query(
    `INSERT INTO claim (org_id, case_id, unit_id, household_id, claimant_id, basis, claimed_class, damage_date, state)
     SELECT org_id, case_id, unit_id, household_id, claimant_id, basis, claimed_class, damage_date, 'withdrawn' FROM claim WHERE id = $1`,
    [a.json().id],
  );
  const inspected = await t.post(engineer, `/api/v1/reconstruction/cases/${caseId}/inspections`, {
    stage: 'signing',
    inspectedOn: '2026-11-01',
    photos: [photo],
  });
  expect(inspected.statusCode, inspected.body).toBe(201);
  const rel = await t.post(claims, `/api/v1/reconstruction/cases/${caseId}/tranches/${plan.tranches[0].id}/release`);
  expect(rel.statusCode, rel.body).toBe(200);
  const month = new Date().toISOString().slice(0, 7);
  expect((await t.post(claims, '/api/v1/reconstruction/shelter-cash/payments', { month })).json()).toMatchObject({ paid: 1 });

  const report = await t.get(claims, '/api/v1/aid/reports/cash');
  expect(report.statusCode, report.body).toBe(200);
  const gov = plan.governorate;
  expect(report.json().lines).toEqual([
    { governorate: gov, source: 'shelter_cash', item: null, unit: 'USD', households: 2, payments: 1, amount: 250 },
    { governorate: gov, source: 'tranche', item: null, unit: 'USD', households: 2, payments: 1, amount: plan.tranches[0].amount },
  ]);
  expect(report.json().governorates).toEqual([{ governorate: gov, households: 2 }]);

  for (const h of [owner, tenant]) {
    const aid = await t.get(officer, `/api/v1/households/${h.id}/aid`);
    expect(aid.statusCode, aid.body).toBe(200);
    expect(
      aid
        .json()
        .reconstruction.map((p: { kind: string; amount: number; households: number; code: string }) => [
          p.kind,
          p.amount,
          p.households,
          p.code,
        ]),
    ).toEqual([
      ['shelter_cash', 250, 2, plan.code],
      ['tranche', plan.tranches[0].amount, 2, plan.code],
    ]);
  }

  const stranger = await t.user({ role: 'claims_officer' });
  expect((await t.get(stranger, '/api/v1/aid/reports/cash')).json()).toMatchObject({ lines: [], governorates: [] });
  const analyst = await t.user({ role: 'analyst', orgId: officer.orgId });
  expect((await t.get(analyst, '/api/v1/aid/reports/cash')).statusCode).toBe(403);
  expect((await t.get(claims, '/api/v1/aid/reports/cash?from=2020-13-01')).statusCode).toBe(422);
  const outside = await t.get(claims, '/api/v1/aid/reports/cash?from=2020-01-01&to=2020-12-31');
  expect(outside.json().lines).toEqual([]);
});
