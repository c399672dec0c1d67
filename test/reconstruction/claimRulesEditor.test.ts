// The claim rules editor through the API: a preview computed without writing (cases whose rank,
// eligibility or grant would change; the top of the new ranking beside the old), a new version saved
// with its reason and the version it was based on (a stale one refused), the history and an older
// version read back, refused fields named, every role's access, and decided cases that keep their
// decision, score and grant when the rules change.
import { expect, test } from 'vitest';
import { type ClaimRules, DEFAULT_CLAIM_RULES } from '../../src/reconstruction/claimRules.ts';
import { roles } from '../../src/shared/roles.ts';
import { allows } from '../../src/shared/permissions.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';
import { occupant, remoteClass, unitIn } from './claimsSupport.ts';

const t = useTestApp();
const RULES = '/api/v1/reconstruction/claim-rules';
const SIZE_MATTERS: ClaimRules = { ...DEFAULT_CLAIM_RULES, priority: { ...DEFAULT_CLAIM_RULES.priority, household_size: 50 } };

/** Two open cases in Gaza City: a large household's major damage, a lone owner's destroyed home (ranked first). */
async function scene() {
  const officer = await t.user({ role: 'registration_officer' });
  const admin = await t.user({ role: 'administrator', orgId: officer.orgId });
  const claims = await t.user({ role: 'claims_officer', orgId: officer.orgId });
  const committee = await t.user({ role: 'reconstruction_committee', orgId: officer.orgId });
  const one = await unitIn(t, officer);
  await remoteClass(t, officer, one.buildingId, 'destroyed');
  const large = await occupant(t, officer, one.unitId, 'owner', ['spouse', 'son', 'daughter']);
  const two = await unitIn(t, officer, 2);
  await remoteClass(t, officer, two.buildingId, 'destroyed');
  const lone = await occupant(t, officer, two.unitId, 'owner', []);
  const file = async (unitId: string, householdId: string, claimedClass: string) => {
    const r = await t.post(officer, '/api/v1/reconstruction/claims', {
      unitId,
      householdId,
      basis: 'owner',
      claimedClass,
      damageDate: '2024-01-10',
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().caseId as string;
  };
  const big = await file(one.unitId, large.id, 'major');
  const destroyed = await file(two.unitId, lone.id, 'destroyed');
  return { officer, admin, claims, committee, big, destroyed };
}

const ranked = async (u: TestUser) =>
  ((await t.get(u, '/api/v1/reconstruction/cases?governorate=PS0260')).json().items as { id: string; ruleVersion: number }[]).map((i) => [
    i.id,
    i.ruleVersion,
  ]);
const caseRows = async (ids: string[]) =>
  (
    await t.db.pool.query(
      'SELECT id, state, rule_version, priority_score, explanation, reasons, grant_amount, stream, decided_rule_version, version FROM claim_case WHERE id = ANY($1) ORDER BY id',
      [ids],
    )
  ).rows;

test('preview without writing, save with a reason, the open cases re-ranked, the history and an older version', async () => {
  const s = await scene();
  expect(await ranked(s.claims)).toEqual([
    [s.destroyed, 1],
    [s.big, 1],
  ]);
  const before = await caseRows([s.big, s.destroyed]);
  const preview = await t.post(s.admin, `${RULES}/preview`, { rules: SIZE_MATTERS, governorate: 'PS0260' });
  expect(preview.statusCode, preview.body).toBe(200);
  expect(preview.json()).toMatchObject({
    basedOn: 1,
    openCases: 2,
    rankChanged: 2,
    eligibilityChanged: 0,
    grantChanged: 0,
    governorate: 'PS0260',
  });
  expect(preview.json().top.map((l: { id: string; oldRank: number; newRank: number }) => [l.id, l.oldRank, l.newRank])).toEqual([
    [s.big, 2, 1],
    [s.destroyed, 1, 2],
  ]);
  expect(preview.json().top[0].newScore).toBeGreaterThan(preview.json().top[0].oldScore);
  // destroyed homes no longer eligible, and a larger rebuild grant: one case changes eligibility and grant
  const narrower = await t.post(s.admin, `${RULES}/preview`, {
    rules: {
      ...DEFAULT_CLAIM_RULES,
      eligibility: { ...DEFAULT_CLAIM_RULES.eligibility, classes: ['severe', 'major', 'minor'] },
      grants: DEFAULT_CLAIM_RULES.grants.map((g) => (g.class === 'destroyed' ? { ...g, amount: 55000 } : g)),
    },
  });
  expect(narrower.json()).toMatchObject({ rankChanged: 0, eligibilityChanged: 1, grantChanged: 1, governorate: null, top: [] });
  // nothing was written by the previews
  expect(await caseRows([s.big, s.destroyed])).toEqual(before);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM claim_rule_version WHERE org_id = $1', [s.admin.orgId])).rows[0].n).toBe(0);

  const saved = await t.post(s.admin, RULES, { basedOn: 1, reason: 'Large families first', rules: SIZE_MATTERS });
  expect(saved.statusCode, saved.body).toBe(201);
  expect(saved.json().version).toBe(2);
  expect(await ranked(s.claims)).toEqual([
    [s.big, 2],
    [s.destroyed, 2],
  ]);
  const stale = await t.post(s.admin, RULES, { basedOn: 1, reason: 'again', rules: DEFAULT_CLAIM_RULES });
  expect(stale.statusCode).toBe(409);
  expect(stale.json().type).toBe('/problems/version_conflict');

  const history = await t.get(s.claims, `${RULES}/versions`);
  expect(history.statusCode, history.body).toBe(200);
  expect(history.json().versions).toEqual([
    { version: 2, savedAt: expect.any(String), savedBy: s.admin.username, reason: 'Large families first' },
    { version: 1, savedAt: null, savedBy: null, reason: null },
  ]);
  expect((await t.get(s.committee, `${RULES}/versions/1`)).json()).toMatchObject({ version: 1, rules: DEFAULT_CLAIM_RULES });
  expect((await t.get(s.committee, `${RULES}/versions/2`)).json()).toMatchObject({
    version: 2,
    reason: 'Large families first',
    rules: SIZE_MATTERS,
  });
  expect((await t.get(s.committee, `${RULES}/versions/3`)).statusCode).toBe(404);
  const logged = await t.db.pool.query("SELECT reason FROM change_log WHERE entity = 'claim_rule_version' AND actor_id = $1", [s.admin.id]);
  expect(logged.rows).toEqual([{ reason: 'Large families first' }]);
});

test('refused values are named field by field, in problem+json, and nothing is saved', async () => {
  const s = await scene();
  const bad = await t.post(s.admin, RULES, {
    basedOn: 1,
    reason: '  ',
    rules: { ...DEFAULT_CLAIM_RULES, priority: { ...DEFAULT_CLAIM_RULES.priority, children: -1, children_max: 2.5 } },
  });
  expect(bad.statusCode).toBe(422);
  expect(bad.headers['content-type']).toContain('application/problem+json');
  expect(
    bad
      .json()
      .errors.map((e: { field: string; reason: string }) => `${e.field}:${e.reason}`)
      .sort(),
  ).toEqual(['reason:required', 'rules.priority.children:too_small', 'rules.priority.children_max:wrong_type']);
  const grant = await t.post(s.admin, `${RULES}/preview`, {
    rules: { ...DEFAULT_CLAIM_RULES, grants: [{ class: 'destroyed', stream: 'rebuild', amount: 20_000_000 }] },
  });
  expect(grant.statusCode).toBe(422);
  expect(grant.json().errors).toEqual([{ field: 'rules.grants.0.amount', reason: 'too_big', params: { max: 10_000_000 } }]);
  const noReason = await t.post(s.admin, RULES, { basedOn: 1, rules: DEFAULT_CLAIM_RULES });
  expect(noReason.json().errors).toEqual([{ field: 'reason', reason: 'required' }]);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM claim_rule_version WHERE org_id = $1', [s.admin.orgId])).rows[0].n).toBe(0);
});

test('who may preview, save and read the history; another organisation sees only its own rules', async () => {
  const s = await scene();
  const stranger = await t.user({ role: 'administrator' });
  const other = (await t.post(stranger, `${RULES}/preview`, { rules: SIZE_MATTERS, governorate: 'PS0260' })).json();
  expect(other).toMatchObject({ openCases: 0, rankChanged: 0, top: [] });
  for (const role of roles) {
    const u = await t.user({ role, orgId: s.officer.orgId });
    const preview = await t.post(u, `${RULES}/preview`, { rules: SIZE_MATTERS });
    expect(preview.statusCode, role).toBe(allows('POST /api/v1/reconstruction/claim-rules/preview', role) ? 200 : 403);
    const list = await t.get(u, `${RULES}/versions`);
    expect(list.statusCode, role).toBe(allows('GET /api/v1/reconstruction/claim-rules/versions', role) ? 200 : 403);
    const one = await t.get(u, `${RULES}/versions/1`);
    expect(one.statusCode, role).toBe(allows('GET /api/v1/reconstruction/claim-rules/versions/:version', role) ? 200 : 403);
    const save = await t.post(u, RULES, { basedOn: 99, reason: 'x', rules: DEFAULT_CLAIM_RULES });
    expect(save.statusCode, role).toBe(allows('POST /api/v1/reconstruction/claim-rules', role) ? 409 : 403);
  }
  expect(allows('POST /api/v1/reconstruction/claim-rules/preview', 'administrator')).toBe(true);
  expect(allows('POST /api/v1/reconstruction/claim-rules/preview', 'claims_officer')).toBe(false);
  await t.post(s.admin, RULES, { basedOn: 1, reason: 'ours', rules: SIZE_MATTERS });
  expect((await t.get(stranger, `${RULES}/versions`)).json().versions).toEqual([
    { version: 1, savedAt: null, savedBy: null, reason: null },
  ]);
  expect((await t.get(stranger, `${RULES}/versions/2`)).statusCode).toBe(404);
});

test('decided cases keep their decision, score, explanation and grant under a new version; open cases move', async () => {
  const s = await scene();
  for (const [id, decision] of [
    [s.destroyed, 'approved'],
    [s.big, 'rejected'],
  ] as const) {
    expect((await t.post(s.claims, `/api/v1/reconstruction/cases/${id}/check`, { step: 'verified' })).statusCode).toBe(200);
    const d = await t.post(s.committee, `/api/v1/reconstruction/cases/${id}/decision`, { decision, reason: 'evidence consistent' });
    expect(d.statusCode, d.body).toBe(200);
  }
  const third = await unitIn(t, s.officer, 4);
  await remoteClass(t, s.officer, third.buildingId, 'destroyed');
  const h = await occupant(t, s.officer, third.unitId, 'owner', ['son']);
  const open = (
    await t.post(s.officer, '/api/v1/reconstruction/claims', {
      unitId: third.unitId,
      householdId: h.id,
      basis: 'owner',
      claimedClass: 'destroyed',
      damageDate: '2024-01-10',
    })
  ).json().caseId as string;
  const decidedBefore = await caseRows([s.big, s.destroyed]);
  expect(decidedBefore.find((r) => r.id === s.destroyed)).toMatchObject({
    state: 'approved',
    grant_amount: '40000.00',
    stream: 'rebuild',
    decided_rule_version: 1,
  });
  const claimsBefore = (
    await t.db.pool.query(
      'SELECT id, state, priority_score, explanation, rule_version, reasons FROM claim WHERE case_id = ANY($1) ORDER BY id',
      [[s.big, s.destroyed]],
    )
  ).rows;
  const saved = await t.post(s.admin, RULES, {
    basedOn: 1,
    reason: 'Destroyed homes go to a separate programme',
    rules: {
      ...SIZE_MATTERS,
      eligibility: { ...DEFAULT_CLAIM_RULES.eligibility, classes: ['severe', 'major', 'minor'] },
      grants: DEFAULT_CLAIM_RULES.grants.map((g) => (g.class === 'destroyed' ? { ...g, amount: 55000 } : g)),
    },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  expect(await caseRows([s.big, s.destroyed])).toEqual(decidedBefore);
  expect(
    (
      await t.db.pool.query(
        'SELECT id, state, priority_score, explanation, rule_version, reasons FROM claim WHERE case_id = ANY($1) ORDER BY id',
        [[s.big, s.destroyed]],
      )
    ).rows,
  ).toEqual(claimsBefore);
  const approved = (await t.get(s.committee, `/api/v1/reconstruction/cases/${s.destroyed}`)).json();
  expect(approved).toMatchObject({ state: 'approved', grantAmount: 40000, stream: 'rebuild', decidedRuleVersion: 1 });
  const moved = (await caseRows([open]))[0];
  expect(moved).toMatchObject({ rule_version: 2, state: 'inspection' });
  expect(moved.reasons).toContain('not_eligible');
});
