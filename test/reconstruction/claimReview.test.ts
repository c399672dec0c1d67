// A decision reviewed: a rejected joint case reopened by a committee member with a reason goes back to
// inspection (its claims with it, the rejection kept in the chain), is checked again by a claims
// officer and decided by a member who did not decide it before. Refusals: an approved or open case, a
// unit with another open case, the earlier decider, roles other than the committee, another
// organisation. The decided cases are listed, the latest first.
import { expect, test } from 'vitest';
import { mayReopen } from '../../src/reconstruction/approval.ts';
import { useTestApp } from '../support/testApp.ts';
import { occupant, remoteClass, unitIn } from './claimsSupport.ts';

const t = useTestApp();
const CLAIMS = '/api/v1/reconstruction/claims';
const cases = (id: string, step = '') => `/api/v1/reconstruction/cases/${id}${step}`;

async function rejectedCase(offset = 0) {
  const officer = await t.user({ role: 'registration_officer' });
  const claims = await t.user({ role: 'claims_officer', orgId: officer.orgId });
  const first = await t.user({ role: 'reconstruction_committee', orgId: officer.orgId });
  const second = await t.user({ role: 'reconstruction_committee', orgId: officer.orgId });
  const { buildingId, unitId } = await unitIn(t, officer, offset);
  await remoteClass(t, officer, buildingId, 'destroyed');
  const owner = await occupant(t, officer, unitId, 'owner');
  const tenant = await occupant(t, officer, unitId, 'tenant', ['spouse']);
  const body = (householdId: string, basis: string) => ({
    unitId,
    householdId,
    basis,
    claimedClass: 'destroyed',
    damageDate: '2024-01-10',
  });
  const caseId = (await t.post(officer, CLAIMS, body(owner.id, 'owner'))).json().caseId as string;
  await t.post(officer, CLAIMS, body(tenant.id, 'tenant'));
  expect((await t.post(claims, cases(caseId, '/check'), { step: 'verified' })).statusCode).toBe(200);
  const rejected = await t.post(first, cases(caseId, '/decision'), { decision: 'rejected', reason: 'No title deed' });
  expect(rejected.statusCode, rejected.body).toBe(200);
  return { officer, claims, first, second, unitId, owner, caseId };
}

test('the rule: only a rejected case, and only while no other case on the unit is open', () => {
  expect(mayReopen('rejected', false)).toBeNull();
  expect(mayReopen('rejected', true)).toBe('unit_has_open_case');
  for (const s of ['approved', 'filed', 'verified', 'inspection'] as const) expect(mayReopen(s, false)).toBe('not_rejected');
});

test('reopened, checked again, and decided by a member who did not decide it before; the chain keeps every step', async () => {
  const s = await rejectedCase();
  const noReason = await t.post(s.second, cases(s.caseId, '/reopen'), { reason: '  ' });
  expect(noReason.statusCode).toBe(422);
  expect(noReason.json().errors).toEqual([{ field: 'reason', reason: expect.any(String) }]);

  const reopened = await t.post(s.second, cases(s.caseId, '/reopen'), { reason: 'Grievance upheld: the deed was found' });
  expect(reopened.statusCode, reopened.body).toBe(200);
  expect(reopened.json()).toMatchObject({ state: 'inspection', checkedBy: null, decidedBy: null, decisionReason: null, grantAmount: null });
  const claimStates = await t.db.pool.query('SELECT state FROM claim WHERE case_id = $1', [s.caseId]);
  expect(claimStates.rows.map((r) => r.state)).toEqual(['inspection', 'inspection']);
  const again = await t.post(s.second, cases(s.caseId, '/reopen'), { reason: 'twice' });
  expect(again.statusCode).toBe(409);
  expect(again.json().type).toBe('/problems/claim_case_not_rejected');

  // back in the ranked list, checked again
  const ranked = await t.get(s.claims, '/api/v1/reconstruction/cases?governorate=PS0260');
  expect(ranked.json().items.map((k: { id: string }) => k.id)).toContain(s.caseId);
  expect((await t.post(s.claims, cases(s.caseId, '/check'), { step: 'verified' })).statusCode).toBe(200);

  const byFirst = await t.post(s.first, cases(s.caseId, '/decision'), { decision: 'approved', reason: 'Now consistent' });
  expect(byFirst.statusCode).toBe(403);
  expect(byFirst.json().type).toBe('/problems/claim_earlier_decision');
  const bySecond = await t.post(s.second, cases(s.caseId, '/decision'), { decision: 'approved', reason: 'Deed found' });
  expect(bySecond.statusCode, bySecond.body).toBe(200);
  expect(bySecond.json()).toMatchObject({ state: 'approved', decidedBy: s.second.id, grantAmount: 40000 });

  const file = (await t.get(s.second, cases(s.caseId))).json();
  expect(file.steps.map((x: { step: string }) => x.step)).toEqual(['verified', 'rejected', 'reopened', 'verified', 'approved']);
  expect(file.steps[2].reason).toBe('Grievance upheld: the deed was found');
  const approved = await t.post(s.second, cases(s.caseId, '/reopen'), { reason: 'again' });
  expect(approved.json().type).toBe('/problems/claim_case_not_rejected');
  const log = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM change_log WHERE entity = 'claim_case' AND action = 'reopen' AND entity_id = $1",
    [s.caseId],
  );
  expect(log.rows[0].n).toBe(1);
});

test('a unit whose later case is open: the rejected one stays closed', async () => {
  const s = await rejectedCase(2);
  const later = await t.post(s.officer, CLAIMS, {
    unitId: s.unitId,
    householdId: s.owner.id,
    basis: 'heir',
    claimedClass: 'destroyed',
    damageDate: '2024-01-10',
  });
  expect(later.statusCode, later.body).toBe(201);
  expect(later.json().caseId).not.toBe(s.caseId);
  const r = await t.post(s.second, cases(s.caseId, '/reopen'), { reason: 'Grievance' });
  expect(r.statusCode).toBe(409);
  expect(r.json().type).toBe('/problems/claim_unit_has_open_case');
  const state = await t.db.pool.query('SELECT state FROM claim_case WHERE id = $1', [s.caseId]);
  expect(state.rows[0].state).toBe('rejected');
});

test('scopes: only the committee reopens; another organisation sees no case; the decided list is of the caller', async () => {
  const s = await rejectedCase(4);
  for (const role of ['claims_officer', 'engineer', 'administrator', 'analyst', 'caseworker'] as const) {
    const u = await t.user({ role, orgId: s.officer.orgId });
    const r = await t.post(u, cases(s.caseId, '/reopen'), { reason: 'x' });
    expect(r.statusCode, role).toBe(403);
  }
  const stranger = await t.user({ role: 'reconstruction_committee' });
  const theirs = await t.post(stranger, cases(s.caseId, '/reopen'), { reason: 'x' });
  expect(theirs.statusCode).toBe(404);
  expect(theirs.headers['content-type']).toContain('application/problem+json');

  const decided = await t.get(s.claims, '/api/v1/reconstruction/decided-cases?governorate=PS0260');
  expect(decided.statusCode, decided.body).toBe(200);
  expect(decided.json().items).toEqual([
    expect.objectContaining({ id: s.caseId, state: 'rejected', decisionReason: 'No title deed', claims: 2 }),
  ]);
  const onlyApproved = await t.get(s.claims, '/api/v1/reconstruction/decided-cases?governorate=PS0260&state=approved');
  expect(onlyApproved.json().items).toEqual([]);
  expect((await t.get(stranger, '/api/v1/reconstruction/decided-cases?governorate=PS0260')).json().items).toEqual([]);
  const engineer = await t.user({ role: 'engineer', orgId: s.officer.orgId });
  expect((await t.get(engineer, '/api/v1/reconstruction/decided-cases?governorate=PS0260')).statusCode).toBe(403);
  const bad = await t.get(s.claims, '/api/v1/reconstruction/decided-cases?governorate=Gaza&state=maybe');
  expect(bad.statusCode).toBe(422);
  expect(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
  ).toEqual(['query.governorate', 'query.state']);
});
