// The claims store on real PostgreSQL: an owner's and a tenant's claims on one unit form one joint
// case, checked with its evidence; a mismatch sends the case to inspection (never refused); a claims
// officer verifies it; the committee member who checked it may not decide, another one approves
// and the decision keeps its rule version and grant when the rules change.
import { expect, test } from 'vitest';
import { DEFAULT_CLAIM_RULES } from '../../src/reconstruction/claimRules.ts';
import { saveRules } from '../../src/store/reconstruction/claims/claimRules.ts';
import { checkCases } from '../../src/store/reconstruction/claims/checkCases.ts';
import { getCase } from '../../src/store/reconstruction/claims/claimRow.ts';
import { decideCase } from '../../src/store/reconstruction/claims/decideCase.ts';
import { fileClaim } from '../../src/store/reconstruction/claims/fileClaim.ts';
import { officerCheck } from '../../src/store/reconstruction/claims/officerCheck.ts';
import { useTestApp } from '../support/testApp.ts';
import { occupant, remoteClass, run, unitIn } from './claimsSupport.ts';

const t = useTestApp();

test('an owner and a tenant on one unit form one joint case, checked, verified and approved by a committee member who did not check it', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const claims = await t.user({ role: 'claims_officer', orgId: officer.orgId });
  const committee = await t.user({ role: 'reconstruction_committee', orgId: officer.orgId });
  const { buildingId, unitId } = await unitIn(t, officer);
  await remoteClass(t, officer, buildingId, 'destroyed');
  const owner = await occupant(t, officer, unitId, 'owner');
  const tenant = await occupant(t, officer, unitId, 'tenant', ['spouse', 'son', 'daughter']);
  const a = await run(t, officer, (ctx) =>
    fileClaim(ctx, {
      unitId,
      householdId: owner.id,
      claimantId: null,
      basis: 'owner',
      claimedClass: 'destroyed',
      damageDate: '2024-01-10',
    }),
  );
  const b = await run(t, claims, (ctx) =>
    fileClaim(ctx, {
      unitId,
      householdId: tenant.id,
      claimantId: null,
      basis: 'tenant',
      claimedClass: 'destroyed',
      damageDate: '2024-01-10',
    }),
  );
  expect(b.caseId).toBe(a.caseId);
  expect(b.claimantId).toBe(tenant.head);
  expect(b.reasons).toEqual([]);
  expect(b.evidence!.map((e) => [e.item, e.result])).toEqual([
    ['registry', 'match'],
    ['occupancy', 'match'],
    ['remote_class', 'match'],
    ['field_class', 'unknown'],
    ['other_claims', 'match'],
    ['claimant_alive', 'match'],
  ]);
  expect(b.evidence!.find((e) => e.item === 'other_claims')!.value).toBe(1);
  // destroyed 40 + size 4 x 1 (children have synthetic ages: counted as they are)
  expect(b.explanation!.find((l) => l.field === 'destroyed_home')).toEqual({
    field: 'destroyed_home',
    value: true,
    weight: 40,
    points: 40,
  });
  expect(b.priorityScore).toBe(b.explanation!.reduce((s, l) => s + l.points, 0));
  await expect(
    run(t, officer, (ctx) =>
      fileClaim(ctx, { unitId, householdId: owner.id, claimantId: null, basis: 'heir', claimedClass: 'major', damageDate: '2024-01-10' }),
    ),
  ).rejects.toMatchObject({ errors: [{ field: 'householdId', reason: 'taken' }] });

  await expect(run(t, committee, (ctx) => decideCase(ctx, a.caseId, 'approved', 'ok'))).rejects.toMatchObject({
    id: 'claim_case_not_verified',
  });
  const verified = await run(t, claims, (ctx) => officerCheck(ctx, a.caseId, 'verified', null));
  expect(verified).toMatchObject({ state: 'verified', checkedBy: claims.id, damageClass: 'destroyed' });
  // the one who checked may not decide (a committee member acting as checker is simulated by the same user id)
  await expect(
    run(t, { ...claims, actor: { ...claims.actor, role: 'reconstruction_committee' } }, (ctx) =>
      decideCase(ctx, a.caseId, 'approved', 'ok'),
    ),
  ).rejects.toMatchObject({
    id: 'claim_own_check',
  });
  const approved = await run(t, committee, (ctx) => decideCase(ctx, a.caseId, 'approved', 'Evidence consistent'));
  expect(approved).toMatchObject({
    state: 'approved',
    decidedBy: committee.id,
    decidedRuleVersion: 1,
    grantAmount: 40000,
    stream: 'rebuild',
  });
  const states = await t.db.pool.query('SELECT state FROM claim WHERE case_id = $1', [a.caseId]);
  expect(states.rows.map((r) => r.state)).toEqual(['approved', 'approved']);
  await expect(run(t, committee, (ctx) => decideCase(ctx, a.caseId, 'rejected', 'no'))).rejects.toMatchObject({ id: 'claim_case_closed' });

  // new rules: the decided case keeps its version, score and grant
  await run(t, committee, (ctx) =>
    saveRules(ctx, {
      ...DEFAULT_CLAIM_RULES,
      grants: [{ class: 'destroyed', stream: 'rebuild', amount: 1 }],
      priority: { ...DEFAULT_CLAIM_RULES.priority, destroyed_home: 0 },
    }),
  );
  await run(t, committee, (ctx) => checkCases(ctx.client, committee.orgId, [a.caseId]));
  expect(await getCase(t.store.pool, committee.actor, a.caseId)).toEqual(approved);
});

test('mismatches send the case to inspection with reasons, never to refusal', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const { buildingId, unitId } = await unitIn(t, officer);
  await remoteClass(t, officer, buildingId, 'no_visible_damage');
  const stranger = await occupant(t, officer, (await unitIn(t, officer, 1)).unitId, 'owner');
  const c = await run(t, officer, (ctx) =>
    fileClaim(ctx, {
      unitId,
      householdId: stranger.id,
      claimantId: null,
      basis: 'owner',
      claimedClass: 'destroyed',
      damageDate: '2024-01-10',
    }),
  );
  expect(c.state).toBe('inspection');
  expect(c.reasons).toEqual(['no_occupancy_record', 'destroyed_but_no_visible_damage', 'not_eligible']);
  const k = await getCase(t.store.pool, officer.actor, c.caseId);
  expect(k.state).toBe('inspection');
  expect(k.reasons).toEqual(c.reasons);
});

test('a claimant recorded as deceased (a confirmed death) sends the case to inspection', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const { buildingId, unitId } = await unitIn(t, officer);
  await remoteClass(t, officer, buildingId, 'destroyed');
  const heir = await occupant(t, officer, unitId, 'owner', ['son']);
  const death = await t.post(officer, `/api/v1/persons/${heir.head}/life-events`, { kind: 'death', source: 'official_record' });
  expect(death.statusCode, death.body).toBe(201);
  const c = await run(t, officer, (ctx) =>
    fileClaim(ctx, {
      unitId,
      householdId: heir.id,
      claimantId: heir.head,
      basis: 'owner',
      claimedClass: 'destroyed',
      damageDate: '2024-01-10',
    }),
  );
  expect(c.reasons).toEqual(['claimant_deceased']);
  expect(c.state).toBe('inspection');
  expect(c.evidence!.find((e) => e.item === 'claimant_alive')!.result).toBe('mismatch');
});
