// Transitional shelter cash through the API: a month's run pays every due plan once (a second run,
// or two runs at once, pay nothing more), the ledger row is never changed, the plan shows its
// months; refused for a future month and for roles that do not release tranches; nothing outside
// the payer's organisation and governorates. A household moving into a habitable unit ends its
// plan's shelter cash on the first day there (not when the unit is uninhabitable), and no month
// after that end is paid.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { sanadOut } from '../support/cli.ts';
import { useTestApp } from '../support/testApp.ts';
import { unitIn } from './claimsSupport.ts';
import { approvedCase, openPlan, photo } from './tranchesSupport.ts';

const t = useTestApp();
const PAY = '/api/v1/reconstruction/shelter-cash/payments';
const DUE = '/api/v1/reconstruction/shelter-cash';
const thisMonth = () => new Date().toISOString().slice(0, 7);
const planOf = async (u: Parameters<typeof t.get>[0], caseId: string) =>
  (await t.get(u, `/api/v1/reconstruction/cases/${caseId}/plan`)).json();
const startFrom = (caseId: string, day: string) =>
  t.db.pool.query('UPDATE reconstruction_plan SET shelter_from = $2 WHERE case_id = $1', [caseId, day]);

test('a month is paid once per plan: a second run and concurrent runs pay nothing more', async () => {
  const s = await approvedCase(t);
  await openPlan(t, s);
  const s2 = await approvedCase(t, s.officer.orgId, 3);
  await openPlan(t, s2);
  await startFrom(s.caseId, '2026-09-10');
  const due = await t.get(s.committee, `${DUE}?month=2026-10`);
  expect(due.statusCode, due.body).toBe(200);
  expect(due.json()).toEqual({ month: '2026-10', due: { plans: 1, total: 250 }, paid: { plans: 0, total: 0 } });
  expect((await t.get(s.claims, DUE)).json()).toMatchObject({ month: thisMonth(), due: { plans: 2, total: 500 } });

  const first = await t.post(s.claims, PAY, { month: '2026-10' });
  expect(first.statusCode, first.body).toBe(200);
  expect(first.json()).toEqual({ month: '2026-10', paid: 1, total: 250 });
  expect((await t.post(s.claims2, PAY, { month: '2026-10' })).json()).toEqual({ month: '2026-10', paid: 0, total: 0 });
  expect((await t.post(s.claims, PAY, { month: '2026-08' })).json()).toMatchObject({ paid: 0 }); // before the plan opened

  const runs = await Promise.all([s.claims, s.claims2, s.claims].map((u) => t.post(u, PAY, { month: thisMonth() })));
  expect(runs.map((r) => r.statusCode)).toEqual([200, 200, 200]);
  expect(runs.reduce((n, r) => n + r.json().paid, 0)).toBe(2);
  expect((await t.get(s.claims, DUE)).json()).toMatchObject({ due: { plans: 0, total: 0 }, paid: { plans: 2, total: 500 } });

  const plan = await planOf(s.claims, s.caseId);
  expect(plan.shelter.paid.map((p: { month: string; amount: number }) => [p.month, p.amount])).toEqual([
    ['2026-10', 250],
    [thisMonth(), 250],
  ]);
  expect(plan.shelter.unpaid).toEqual(['2026-09', '2026-11'].filter((m) => m !== thisMonth() && m < thisMonth()));
  const rows = await t.db.pool.query('SELECT count(*)::int AS n FROM shelter_cash_payment WHERE case_id = ANY($1)', [
    [s.caseId, s2.caseId],
  ]);
  expect(rows.rows[0].n).toBe(3);
  // each run that paid is one entry naming the plans it paid
  const logged = await t.db.pool.query(
    "SELECT after FROM change_log WHERE entity = 'shelter_cash_payment' AND action = 'pay' AND after->'cases' ?| $1 ORDER BY seq",
    [[s.caseId, s2.caseId]],
  );
  const cases = logged.rows.flatMap((r) => r.after.cases as string[]);
  expect(cases.sort()).toEqual([s.caseId, s.caseId, s2.caseId].sort());
  expect(logged.rows[0].after).toEqual({ month: '2026-10', plans: 1, total: 250, cases: [s.caseId] });
  // the application may only add rows; even the owner of the schema cannot change or remove one
  await expect(t.db.pool.query('UPDATE shelter_cash_payment SET amount = 1')).rejects.toThrow(/permission denied/);
  await expect(t.db.pool.query('DELETE FROM shelter_cash_payment')).rejects.toThrow(/permission denied/);
  await expect(t.db.owner.query('UPDATE shelter_cash_payment SET amount = 1')).rejects.toThrow(/never updated or deleted/);
  await expect(t.db.owner.query('DELETE FROM shelter_cash_payment')).rejects.toThrow(/never updated or deleted/);
  await expect(
    t.db.pool.query(
      `INSERT INTO shelter_cash_payment (case_id, month, org_id, governorate, unit_id, amount, paid_by)
       SELECT case_id, '2026-10-01', org_id, governorate, unit_id, 250, $2 FROM reconstruction_plan WHERE case_id = $1`,
      [s.caseId, s.claims.id],
    ),
  ).rejects.toThrow(/duplicate key/);
});

test('refused: a future month, a month in the wrong form, and roles that do not release tranches', async () => {
  const s = await approvedCase(t);
  await openPlan(t, s);
  const future = await t.post(s.claims, PAY, { month: '2999-01' });
  expect(future.statusCode).toBe(422);
  expect(future.json().errors).toEqual([expect.objectContaining({ field: 'month', reason: 'in_future' })]);
  expect((await t.post(s.claims, PAY, { month: '2026-13' })).statusCode).toBe(422);
  expect((await t.post(s.claims, PAY, {})).statusCode).toBe(422);
  expect((await t.get(s.claims, `${DUE}?month=26-1`)).statusCode).toBe(422);
  for (const u of [s.committee, s.engineer, s.officer]) expect((await t.post(u, PAY, { month: thisMonth() })).statusCode).toBe(403);
  expect((await t.get(s.engineer, DUE)).statusCode).toBe(403);
  const rows = await t.db.pool.query('SELECT count(*)::int AS n FROM shelter_cash_payment WHERE case_id = $1', [s.caseId]);
  expect(rows.rows[0].n).toBe(0);
});

test("scopes: another organisation's officer, and one of other governorates, pay nothing of ours", async () => {
  const s = await approvedCase(t);
  await openPlan(t, s);
  const stranger = await t.user({ role: 'claims_officer' });
  const elsewhere = await t.user({ role: 'claims_officer', orgId: s.officer.orgId, governorates: ['PS0450'] });
  for (const u of [stranger, elsewhere]) {
    expect((await t.get(u, DUE)).json()).toMatchObject({ due: { plans: 0, total: 0 } });
    expect((await t.post(u, PAY, { month: thisMonth() })).json()).toEqual({ month: thisMonth(), paid: 0, total: 0 });
  }
  expect((await t.get(s.claims, DUE)).json()).toMatchObject({ due: { plans: 1, total: 250 } });
});

test('moving into a habitable unit ends shelter cash on the first day there; an uninhabitable one does not', async () => {
  const s = await approvedCase(t);
  await openPlan(t, s);
  await startFrom(s.caseId, '2026-08-01');
  const householdId = (await t.db.pool.query('SELECT household_id FROM claim WHERE case_id = $1', [s.caseId])).rows[0].household_id;
  const move = (unitId: string, validFrom: string) =>
    t.post(s.engineer, `/api/v1/reconstruction/units/${unitId}/occupancy`, { householdId, tenure: 'tenant', validFrom });
  const assess = (buildingId: string, habitable: boolean, damageClass: string) =>
    t.post(s.engineer, '/api/v1/reconstruction/field-assessments', {
      id: randomUUID(),
      buildingId,
      damageClass,
      habitable,
      assessedOn: '2026-09-01',
      lines: [],
    });
  const damaged = await unitIn(t, s.officer, 7);
  expect((await assess(damaged.buildingId, false, 'severe')).statusCode).toBe(201);
  expect((await move(damaged.unitId, '2026-09-05')).statusCode).toBe(201);
  const unassessed = await unitIn(t, s.officer, 8);
  expect((await move(unassessed.unitId, '2026-09-06')).statusCode).toBe(201);
  expect((await planOf(s.claims, s.caseId)).shelter).toMatchObject({ until: null, endReason: null });

  const repaired = await unitIn(t, s.officer, 9);
  expect((await assess(repaired.buildingId, true, 'major')).statusCode).toBe(201);
  const moved = await move(repaired.unitId, '2026-09-20');
  expect(moved.statusCode, moved.body).toBe(201);
  const plan = await planOf(s.claims, s.caseId);
  expect(plan.shelter).toMatchObject({ until: '2026-09-20', endReason: 'moved', unpaid: ['2026-08', '2026-09'] });
  const logged = await t.db.pool.query(
    "SELECT after FROM change_log WHERE entity = 'reconstruction_plan' AND entity_id = $1 AND action = 'end_shelter_cash'",
    [s.caseId],
  );
  expect(logged.rows.map((r) => r.after)).toEqual([{ shelterUntil: '2026-09-20', reason: 'moved', unitId: repaired.unitId }]);
  // a later habitable move leaves the earlier end
  const later = await unitIn(t, s.officer, 10);
  expect((await assess(later.buildingId, false, 'minor')).statusCode).toBe(201);
  expect((await move(later.unitId, '2026-10-02')).statusCode).toBe(201);
  expect((await planOf(s.claims, s.caseId)).shelter.until).toBe('2026-09-20');

  expect((await t.post(s.claims, PAY, { month: '2026-10' })).json()).toMatchObject({ paid: 0 });
  expect((await t.post(s.claims, PAY, { month: thisMonth() })).json()).toMatchObject({ paid: 0 });
  expect((await t.post(s.claims, PAY, { month: '2026-09' })).json()).toMatchObject({ paid: 1, total: 250 });
  expect((await t.get(s.claims, DUE)).json()).toMatchObject({ due: { plans: 0 } });
});

test("a unit whose own plan's last tranche is released is habitable: moving there ends shelter cash", async () => {
  const s = await approvedCase(t);
  await openPlan(t, s);
  const b = await approvedCase(t, s.officer.orgId, 12);
  const planB = await openPlan(t, b);
  const householdId = (await t.db.pool.query('SELECT household_id FROM claim WHERE case_id = $1', [s.caseId])).rows[0].household_id;
  const move = (validFrom: string, validTo?: string) =>
    t.post(s.engineer, `/api/v1/reconstruction/units/${b.unitId}/occupancy`, {
      householdId,
      tenure: 'tenant',
      validFrom,
      ...(validTo ? { validTo } : {}),
    });
  // a stay there in January, while it was being rebuilt: not habitable
  const stay = await move('2026-01-01', '2026-01-31');
  expect(stay.statusCode, stay.body).toBe(201);
  expect((await planOf(s.claims, s.caseId)).shelter.until).toBeNull();
  for (const tr of planB.tranches) {
    const i = await t.post(b.engineer, `/api/v1/reconstruction/cases/${b.caseId}/inspections`, {
      stage: tr.stage,
      inspectedOn: '2026-11-01',
      photos: [photo],
    });
    expect(i.statusCode, i.body).toBe(201);
    const r = await t.post(b.claims, `/api/v1/reconstruction/cases/${b.caseId}/tranches/${tr.id}/release`);
    expect(r.statusCode, r.body).toBe(200);
  }
  expect((await planOf(b.claims, b.caseId)).shelter).toMatchObject({ endReason: 'last_tranche' });
  const today = new Date().toISOString().slice(0, 10);
  expect((await move(today)).statusCode).toBe(201);
  expect((await planOf(s.claims, s.caseId)).shelter).toMatchObject({ until: today, endReason: 'moved' });
});

test('sanad reconstruction pay-shelter-cash --month: pays once, a second run pays nothing; refused for other roles', async () => {
  const s = await approvedCase(t);
  await openPlan(t, s);
  const month = thisMonth();
  const first = await sanadOut(['reconstruction', 'pay-shelter-cash', '--month', month, '--user', s.claims.username, '--json'], t.db.url);
  expect(first.code, first.err).toBe(0);
  expect(JSON.parse(first.out)).toMatchObject({ month, paid: 1, total: 250 });
  const again = await sanadOut(['reconstruction', 'pay-shelter-cash', '--month', month, '--user', s.claims.username], t.db.url);
  expect(again.code, again.err).toBe(0);
  expect(again.out).toContain(`Shelter cash ${month}: 0 plans paid`);
  const refused = await sanadOut(['reconstruction', 'pay-shelter-cash', '--month', month, '--user', s.engineer.username], t.db.url);
  expect(refused.code).not.toBe(0);
  expect(refused.err).toContain('may not run');
  const rows = await t.db.pool.query('SELECT count(*)::int AS n FROM shelter_cash_payment WHERE case_id = $1', [s.caseId]);
  expect(rows.rows[0].n).toBe(1);
});
