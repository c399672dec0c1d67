// Property: whatever sequence of claims, checks, decisions and rule changes, a decision once taken
// never changes: its state, rule version, score, grant and stream stay as they were, while open
// cases are re-ranked under each new rule version. Real PostgreSQL, the store operations themselves.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type ClaimRules, DEFAULT_CLAIM_RULES } from '../../src/reconstruction/claimRules.ts';
import { fieldClasses } from '../../src/shared/claims.ts';
import { saveRules } from '../../src/store/reconstruction/claims/claimRules.ts';
import { decideCase } from '../../src/store/reconstruction/claims/decideCase.ts';
import { fileClaim } from '../../src/store/reconstruction/claims/fileClaim.ts';
import { officerCheck } from '../../src/store/reconstruction/claims/officerCheck.ts';
import { useTestApp } from '../support/testApp.ts';
import { occupant, remoteClass, run, unitIn } from './claimsSupport.ts';

const t = useTestApp();

const weight = fc.integer({ min: 0, max: 100 });
const rulesArb: fc.Arbitrary<ClaimRules> = fc.record({
  eligibility: fc.constant(DEFAULT_CLAIM_RULES.eligibility),
  grants: fc.tuple(
    ...fieldClasses.map((c) =>
      fc
        .integer({ min: 0, max: 90000 })
        .map((amount) => ({ class: c, stream: c === 'destroyed' ? ('rebuild' as const) : ('repair' as const), amount })),
    ),
  ),
  priority: fc.record({
    destroyed_home: weight,
    female_headed: weight,
    disability: weight,
    children: weight,
    children_max: fc.integer({ min: 0, max: 10 }),
    still_displaced: weight,
    household_size: weight,
  }),
});

type Cmd =
  | { kind: 'file'; unit: number; household: number; claimed: (typeof fieldClasses)[number] }
  | { kind: 'verify'; pick: number }
  | { kind: 'decide'; pick: number; approve: boolean }
  | { kind: 'rules'; rules: ClaimRules };

const fileArb = fc.record({
  kind: fc.constant('file' as const),
  unit: fc.nat(2),
  household: fc.nat(5),
  claimed: fc.constantFrom(...fieldClasses),
});
const decideArb = fc.record({ kind: fc.constant('decide' as const), pick: fc.nat(20), approve: fc.boolean() });
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fileArb, weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('verify' as const), pick: fc.nat(20) }), weight: 3 },
  { arbitrary: decideArb, weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('rules' as const), rules: rulesArb }), weight: 2 },
);
/** Sequences that open cases first, so that checks and decisions have something to act on. */
const sequenceArb = fc
  .tuple(fc.array(fileArb, { minLength: 2, maxLength: 4 }), fc.array(cmdArb, { minLength: 4, maxLength: 12 }))
  .map(([files, rest]) => [...files, ...rest]);

const DECIDED = `SELECT id, state, decided_rule_version, priority_score, grant_amount, stream, decision_reason, decided_by, decided_at, explanation
  FROM claim_case WHERE org_id = $1 AND state IN ('approved','rejected') ORDER BY id`;

test('changing the rules never changes a decision already taken', async () => {
  let decisionsSeen = 0;
  let rulesAfterDecision = 0;
  await fc.assert(
    fc.asyncProperty(sequenceArb, async (cmds) => {
      const officer = await t.user({ role: 'registration_officer' });
      const claims = await t.user({ role: 'claims_officer', orgId: officer.orgId });
      const committee = await t.user({ role: 'reconstruction_committee', orgId: officer.orgId });
      const admin = await t.user({ role: 'administrator', orgId: officer.orgId });
      const units: { buildingId: string; unitId: string }[] = [];
      for (let i = 0; i < 3; i++) units.push(await unitIn(t, officer, i));
      await remoteClass(t, officer, units[0]!.buildingId, 'destroyed');
      await remoteClass(t, officer, units[1]!.buildingId, 'no_visible_damage');
      const households: { id: string }[] = [];
      for (let i = 0; i < 6; i++)
        households.push(await occupant(t, officer, units[i % 3]!.unitId, i < 3 ? 'owner' : 'tenant', i % 2 ? ['son'] : []));
      const decided = new Map<string, unknown>();
      for (const c of cmds) {
        const cases = (
          await t.db.pool.query<{ id: string; state: string }>(
            'SELECT id, state FROM claim_case WHERE org_id = $1 ORDER BY created_at, id',
            [officer.orgId],
          )
        ).rows;
        const pick = (n: number) => (cases.length ? cases[n % cases.length]! : null);
        const attempt = (p: Promise<unknown>) => p.catch((e: { status?: number }) => expect(e.status).toBeGreaterThanOrEqual(400));
        if (c.kind === 'file')
          await attempt(
            run(t, officer, (ctx) =>
              fileClaim(ctx, {
                unitId: units[c.unit]!.unitId,
                householdId: households[c.household]!.id,
                claimantId: null,
                basis: 'owner',
                claimedClass: c.claimed,
                damageDate: '2024-01-10',
              }),
            ),
          );
        else if (c.kind === 'verify' && pick(c.pick))
          await attempt(run(t, claims, (ctx) => officerCheck(ctx, pick(c.pick)!.id, 'verified', null)));
        else if (c.kind === 'decide' && pick(c.pick))
          await attempt(run(t, committee, (ctx) => decideCase(ctx, pick(c.pick)!.id, c.approve ? 'approved' : 'rejected', 'property')));
        else if (c.kind === 'rules') {
          await run(t, admin, (ctx) => saveRules(ctx, c.rules));
          if (decided.size) rulesAfterDecision++;
        }
        const now = (await t.db.pool.query(DECIDED, [officer.orgId])).rows;
        for (const row of now) {
          if (decided.has(row.id)) expect(row).toEqual(decided.get(row.id));
          else {
            decided.set(row.id, row);
            decisionsSeen++;
          }
        }
        expect(now.length).toBe(decided.size);
      }
      // every open case is ranked under the current version
      const versions = await t.db.pool.query(
        `SELECT DISTINCT k.rule_version FROM claim_case k WHERE k.org_id = $1 AND k.state IN ('filed','verified','inspection')`,
        [officer.orgId],
      );
      const current = await t.db.pool.query('SELECT coalesce(max(version), 1) AS v FROM claim_rule_version WHERE org_id = $1', [
        officer.orgId,
      ]);
      expect(versions.rows.every((r) => r.rule_version === current.rows[0].v)).toBe(true);
    }),
    { numRuns: 12, seed: 16 },
  );
  // the property was exercised: decisions were taken, and rules changed after some of them
  expect(decisionsSeen).toBeGreaterThan(0);
  expect(rulesAfterDecision).toBeGreaterThan(0);
}, 240_000);
