// Cash to households: a joint case of an owner and a tenant is paid once
// (its tranche and its month of shelter cash each one payment, one amount) and reaches each of its
// two households once, even when a household also has a withdrawn claim on the case; both
// households' aid pages show the payments once, with the two households sharing them; cash aid handed
// to the owner is its own line and the owner is still one household of the governorate. Another
// organisation sees none of it; roles that see only aggregates may not read the report.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { cardNumber } from '../../src/shared/cardNumber.ts';
import { created, makeCycle, makeItem, makePoint, makeProgramme } from '../support/make.ts';
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

/** An approved joint case of an owner and a tenant with its plan, its first tranche released and this month's shelter cash paid. */
async function paidJointCase() {
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
  return { officer, claims, owner, tenant, plan };
}

test('a joint case is paid once and each of its households counted once', async () => {
  const { officer, claims, owner, tenant, plan } = await paidJointCase();
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

  // cash aid handed to the owner's household too: its own line, and the owner still counted once
  const distributor = await t.user({ role: 'distribution_officer', orgId: officer.orgId });
  const point = await makePoint(t, distributor);
  await makeItem(t, distributor, { code: 'mpca', unit: 'USD', sector: 'cash', name: 'Multi-purpose cash' });
  const programme = await makeProgramme(t, distributor, {
    name: 'Cash',
    sector: 'cash',
    rules: [{ item: 'mpca', quantity: { base: 100 } }],
  });
  await makeCycle(t, distributor, programme.id, { generate: true });
  const card = await created<{ serial: number }>(t, distributor, '/api/v1/aid/cards', { householdId: owner.id });
  const ent = await t.db.pool.query('SELECT id FROM entitlement WHERE household_id = $1', [owner.id]);
  const handed = await t.post(distributor, '/api/v1/aid/redemptions', {
    id: randomUUID(),
    entitlementId: ent.rows[0].id,
    pointId: point.id,
    presented: 'typed',
    cardNumber: cardNumber(card.serial),
  });
  expect(handed.statusCode, handed.body).toBe(201);
  const both = (await t.get(claims, '/api/v1/aid/reports/cash')).json();
  expect(both.lines.map((l: { source: string; households: number; amount: number }) => [l.source, l.households, l.amount])).toEqual([
    ['aid_cash', 1, 100],
    ['shelter_cash', 2, 250],
    ['tranche', 2, plan.tranches[0].amount],
  ]);
  expect(both.governorates).toEqual([{ governorate: gov, households: 2 }]);

  const stranger = await t.user({ role: 'claims_officer' });
  expect((await t.get(stranger, '/api/v1/aid/reports/cash')).json()).toMatchObject({ lines: [], governorates: [] });
  const analyst = await t.user({ role: 'analyst', orgId: officer.orgId });
  expect((await t.get(analyst, '/api/v1/aid/reports/cash')).statusCode).toBe(403);
  expect((await t.get(claims, '/api/v1/aid/reports/cash?from=2020-13-01')).statusCode).toBe(422);
  const outside = await t.get(claims, '/api/v1/aid/reports/cash?from=2020-01-01&to=2020-12-31');
  expect(outside.json().lines).toEqual([]);
});
