// Property: whatever sequence of claims, checks, decisions, plans, inspections (with or without
// photos, by engineers or by the officers who release) and releases (one at a time or two at once),
// no unit's grant is paid twice and no tranche is released without an inspection of its stage with
// photos by someone other than the one who released it. Real PostgreSQL, the store operations themselves.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { stages } from '../../src/shared/tranches.ts';
import { decideCase } from '../../src/store/reconstruction/claims/decideCase.ts';
import { fileClaim } from '../../src/store/reconstruction/claims/fileClaim.ts';
import { officerCheck } from '../../src/store/reconstruction/claims/officerCheck.ts';
import { createPlan } from '../../src/store/reconstruction/tranches/createPlan.ts';
import { recordInspection } from '../../src/store/reconstruction/tranches/recordInspection.ts';
import { releaseTranche } from '../../src/store/reconstruction/tranches/releaseTranche.ts';
import { useTestApp } from '../support/testApp.ts';
import { occupant, remoteClass, run, unitIn } from './claimsSupport.ts';
import { STRIPPED } from './tranchesSupport.ts';

const t = useTestApp();

type Cmd =
  | { kind: 'file'; unit: number; household: number }
  | { kind: 'verify' | 'plan'; pick: number }
  | { kind: 'decide'; pick: number; approve: boolean }
  | { kind: 'inspect'; pick: number; tranche: number | null; stray: (typeof stages)[number] | null; by: number; photo: boolean }
  | { kind: 'release'; pick: number; tranche: number | null; by: number; twice: boolean };

const fileArb = fc.record({ kind: fc.constant('file' as const), unit: fc.nat(1), household: fc.nat(3) });
const pick = fc.nat(10);
/** Null (the next unpaid tranche, its own stage) three times in four; else a given value. */
const mostlyNull = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: a, weight: 1 });
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fileArb, weight: 2 },
  { arbitrary: fc.record({ kind: fc.constantFrom('verify' as const, 'plan' as const), pick }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('decide' as const), pick, approve: fc.boolean() }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('inspect' as const),
      pick,
      tranche: mostlyNull(fc.nat(3)),
      stray: mostlyNull(fc.constantFrom(...stages)),
      by: fc.nat(2),
      photo: fc.boolean(),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('release' as const),
      pick,
      tranche: mostlyNull(fc.nat(3)),
      by: fc.nat(2),
      twice: fc.boolean(),
    }),
    weight: 5,
  },
);
/** Cases filed, mostly checked, decided and planned first, so that inspections and releases have something to act on. */
const openingArb = fc.array(
  fc.tuple(pick, fc.boolean(), fc.boolean()).map(([p, approve, planFirst]): Cmd[] => [
    { kind: 'verify', pick: p },
    { kind: 'decide', pick: p, approve: approve || planFirst },
    { kind: 'plan', pick: p },
  ]),
  { minLength: 1, maxLength: 3 },
);
const sequenceArb = fc
  .tuple(fc.array(fileArb, { minLength: 2, maxLength: 4 }), openingArb, fc.array(cmdArb, { minLength: 8, maxLength: 24 }))
  .map(([files, opening, rest]) => [...files, ...opening.flat(), ...rest]);

/** Payments that break a rule: a unit paid from two cases, more than the grant, a tranche paid twice,
 *  paid before an earlier tranche, or without an inspection of its stage with photos by another person. */
const BROKEN = `
  SELECT 'two cases' AS why FROM tranche_payment p WHERE p.unit_id IN (SELECT unit_id FROM reconstruction_plan WHERE org_id = $1)
    GROUP BY p.unit_id HAVING count(DISTINCT p.case_id) > 1
  UNION ALL SELECT 'over grant' FROM tranche_payment p JOIN claim_case k ON k.id = p.case_id WHERE k.org_id = $1
    GROUP BY k.id, k.grant_amount HAVING sum(p.amount) > k.grant_amount
  UNION ALL SELECT 'twice' FROM tranche_payment p JOIN claim_case k ON k.id = p.case_id WHERE k.org_id = $1 GROUP BY p.tranche_id HAVING count(*) > 1
  UNION ALL SELECT 'order' FROM tranche_payment p JOIN tranche tr ON tr.id = p.tranche_id JOIN claim_case k ON k.id = p.case_id
    WHERE k.org_id = $1 AND EXISTS (SELECT 1 FROM tranche e WHERE e.case_id = tr.case_id AND e.seq < tr.seq
      AND NOT EXISTS (SELECT 1 FROM tranche_payment q WHERE q.tranche_id = e.id AND q.released_at <= p.released_at))
  UNION ALL SELECT 'no inspection' FROM tranche_payment p JOIN tranche tr ON tr.id = p.tranche_id JOIN claim_case k ON k.id = p.case_id
    WHERE k.org_id = $1 AND NOT EXISTS (SELECT 1 FROM stage_inspection i WHERE i.id = p.inspection_id AND i.case_id = p.case_id
      AND i.stage = tr.stage AND i.engineer_id <> p.released_by AND i.created_at <= p.released_at
      AND EXISTS (SELECT 1 FROM field_photo ph WHERE ph.inspection_id = i.id))`;

/** The tranches of a case, the first unpaid first (a null choice in a command takes it). */
const tranchesOf = async (caseId: string) =>
  (
    await t.db.pool.query<{ id: string; stage: (typeof stages)[number] }>(
      `SELECT t.id, t.stage FROM tranche t WHERE t.case_id = $1
        ORDER BY EXISTS (SELECT 1 FROM tranche_payment p WHERE p.tranche_id = t.id), t.seq`,
      [caseId],
    )
  ).rows;

test('no unit is paid twice and no tranche is released without its inspection', async () => {
  let released = 0;
  await fc.assert(
    fc.asyncProperty(sequenceArb, async (cmds) => {
      const officer = await t.user({ role: 'registration_officer' });
      const claims = [
        await t.user({ role: 'claims_officer', orgId: officer.orgId }),
        await t.user({ role: 'claims_officer', orgId: officer.orgId }),
      ];
      const committee = await t.user({ role: 'reconstruction_committee', orgId: officer.orgId });
      const engineer = await t.user({ role: 'engineer', orgId: officer.orgId });
      const inspectors = [engineer, claims[0]!, claims[1]!]; // an officer inspecting: only the other officer may release
      const units = [await unitIn(t, officer, 0), await unitIn(t, officer, 1)];
      for (const u of units) await remoteClass(t, officer, u.buildingId, 'destroyed');
      const households: { id: string }[] = [];
      for (let i = 0; i < 4; i++) households.push(await occupant(t, officer, units[i % 2]!.unitId, i < 2 ? 'owner' : 'tenant', []));
      const attempt = (p: Promise<unknown>) => p.catch((e: { status?: number }) => expect(e.status).toBeGreaterThanOrEqual(400));
      for (const c of cmds) {
        // inspections and releases act on planned cases (an unplanned one only answers 404)
        const planned = c.kind === 'inspect' || c.kind === 'release';
        const cases = (
          await t.db.pool.query<{ id: string }>(
            `SELECT k.id FROM claim_case k WHERE k.org_id = $1 AND (NOT $2 OR EXISTS (SELECT 1 FROM reconstruction_plan p WHERE p.case_id = k.id))
              ORDER BY k.created_at, k.id`,
            [officer.orgId, planned],
          )
        ).rows;
        const k = 'pick' in c && cases.length ? cases[c.pick % cases.length]!.id : null;
        if (c.kind === 'file') {
          const input = {
            unitId: units[c.unit]!.unitId,
            householdId: households[c.household]!.id,
            claimantId: null,
            basis: 'owner' as const,
          };
          await attempt(run(t, officer, (ctx) => fileClaim(ctx, { ...input, claimedClass: 'destroyed', damageDate: '2024-01-10' })));
        } else if (!k) {
        } else if (c.kind === 'verify') await attempt(run(t, claims[0]!, (ctx) => officerCheck(ctx, k, 'verified', null)));
        else if (c.kind === 'decide')
          await attempt(run(t, committee, (ctx) => decideCase(ctx, k, c.approve ? 'approved' : 'rejected', 'p')));
        else if (c.kind === 'plan') await attempt(run(t, claims[0]!, (ctx) => createPlan(ctx, k)));
        else if (c.kind === 'inspect') {
          const planned = (await tranchesOf(k)).map((x) => x.stage);
          const stage = c.stray ?? planned[c.tranche ?? 0] ?? 'signing';
          const input = { stage, inspectedOn: '2026-11-01', photos: c.photo ? [STRIPPED] : [], installed: [] };
          // a photo-less inspection cannot come through the API (the schema asks for one); the store keeps it, and it must not count
          await attempt(run(t, inspectors[c.by]!, (ctx) => recordInspection(ctx, k, input)));
        } else if (c.kind === 'release') {
          const tr = (await tranchesOf(k))[c.tranche ?? 0];
          if (!tr) continue;
          const by = c.by === 2 ? engineer : claims[c.by]!;
          const once = () => attempt(run(t, by, (ctx) => releaseTranche(ctx, k, tr.id)));
          await Promise.all(
            c.twice ? [once(), attempt(run(t, claims[1 - (c.by % 2)]!, (ctx) => releaseTranche(ctx, k, tr.id)))] : [once()],
          );
        }
        expect((await t.db.pool.query(BROKEN, [officer.orgId])).rows).toEqual([]);
      }
      released += (
        await t.db.pool.query(
          'SELECT count(*)::int AS n FROM tranche_payment p JOIN claim_case k ON k.id = p.case_id WHERE k.org_id = $1',
          [officer.orgId],
        )
      ).rows[0].n;
    }),
    { numRuns: 15, seed: 43 },
  );
  // the property was exercised: some tranches were released
  expect(released).toBeGreaterThan(0);
}, 300_000);
