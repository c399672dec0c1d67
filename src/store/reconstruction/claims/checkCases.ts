// Checks joint cases set-based: one query gathers the facts of every claim of the cases (registry,
// occupancy on the damage date, the latest remote class at the building, other claims on the unit,
// a claimant recorded as deceased, the household's priority facts), the pure rule turns them into
// evidence, reasons and a score (src/reconstruction/claimCheck.ts), and two updates write them back.
// Only open cases are touched: a decided case keeps what it was decided with. A case with a reason
// goes to inspection; none is ever refused here.
import type pg from 'pg';
import { type ClaimCheck, checkClaim } from '../../../reconstruction/claimCheck.ts';
import { type ClaimRules, worstClass } from '../../../reconstruction/claimRules.ts';
import type { ClaimBasis, FieldClass, InspectionReason } from '../../../shared/claims.ts';
import type { DamageClass } from '../../../shared/reconstruction.ts';
import { currentRules } from './claimRules.ts';
import { fieldEvidence } from './fieldEvidence.ts';

const FACTS = `
WITH c AS (
  SELECT cl.id, cl.case_id, cl.unit_id, cl.household_id, cl.claimant_id, cl.basis, cl.claimed_class, cl.damage_date
  FROM claim cl JOIN claim_case k ON k.id = cl.case_id
  WHERE cl.case_id = ANY($1::uuid[]) AND k.state IN ('filed','verified','inspection') AND cl.state NOT IN ('withdrawn','rejected')
),
m AS (
  SELECT hm.household_id,
    count(*)::int AS size,
    coalesce(bool_or(hm.relationship = 'head' AND p.sex = 'female'), false) AS female_headed,
    count(*) FILTER (WHERE p.date_of_birth > current_date - interval '18 years')::int AS children,
    coalesce(bool_or(lc.person_id IS NOT NULL), false) AS disabled_member
  FROM (SELECT DISTINCT household_id FROM c) h
  JOIN household_member hm ON hm.household_id = h.household_id AND hm.valid_from <= current_date AND (hm.valid_to IS NULL OR hm.valid_to > current_date)
  JOIN person p ON p.id = hm.person_id
  LEFT JOIN life_event_confirmation lc ON lc.person_id = hm.person_id AND lc.kind = 'disability'
  GROUP BY hm.household_id
),
v AS (
  SELECT DISTINCT k.household_id FROM vulnerability k
  WHERE k.household_id IN (SELECT household_id FROM c) AND k.kind = 'disability' AND k.valid_from <= current_date AND (k.valid_to IS NULL OR k.valid_to > current_date)
),
d AS (
  SELECT DISTINCT ON (e.household_id) e.household_id, e.reason
  FROM displacement_event e WHERE e.household_id IN (SELECT household_id FROM c) AND e.event_date <= current_date
  ORDER BY e.household_id, e.event_date DESC, e.recorded_at DESC
),
r AS (
  SELECT DISTINCT ON (a.building_id) a.building_id, a.damage_class
  FROM remote_assessment a WHERE a.building_id IN (SELECT u.building_id FROM c JOIN housing_unit u ON u.id = c.unit_id)
  ORDER BY a.building_id, a.imagery_date DESC, a.created_at DESC
),
o AS (
  SELECT DISTINCT oc.household_id, oc.unit_id FROM occupancy oc JOIN c ON c.unit_id = oc.unit_id AND c.household_id = oc.household_id
  WHERE oc.valid_from <= c.damage_date AND (oc.valid_to IS NULL OR oc.valid_to >= c.damage_date)
),
n AS (SELECT cl.unit_id, count(*)::int AS claims FROM claim cl WHERE cl.unit_id IN (SELECT unit_id FROM c) AND cl.state NOT IN ('withdrawn','rejected') GROUP BY cl.unit_id),
dead AS (
  SELECT lc.person_id FROM life_event_confirmation lc WHERE lc.kind = 'death' AND lc.person_id IN (SELECT claimant_id FROM c)
  UNION SELECT s.person_id FROM person_status_event s WHERE s.kind = 'deceased' AND s.retracted_at IS NULL AND s.person_id IN (SELECT claimant_id FROM c)
),
reg AS (SELECT DISTINCT hm.person_id, hm.household_id FROM household_member hm JOIN c ON c.claimant_id = hm.person_id AND c.household_id = hm.household_id)
SELECT c.id, c.case_id, c.unit_id, c.basis, c.claimed_class,
  reg.person_id IS NOT NULL AS in_registry,
  o.unit_id IS NOT NULL AS occupied,
  r.damage_class AS remote_class,
  coalesce(n.claims, 1) - 1 AS other_claims,
  dead.person_id IS NOT NULL AS deceased,
  coalesce(m.size, 0) AS size, coalesce(m.female_headed, false) AS female_headed, coalesce(m.children, 0) AS children,
  coalesce(m.disabled_member, false) OR v.household_id IS NOT NULL AS disability,
  d.household_id IS NOT NULL AND d.reason IS DISTINCT FROM 'return' AS displaced
FROM c
JOIN housing_unit u ON u.id = c.unit_id
LEFT JOIN reg ON reg.person_id = c.claimant_id AND reg.household_id = c.household_id
LEFT JOIN o ON o.unit_id = c.unit_id AND o.household_id = c.household_id
LEFT JOIN r ON r.building_id = u.building_id
LEFT JOIN n ON n.unit_id = c.unit_id
LEFT JOIN dead ON dead.person_id = c.claimant_id
LEFT JOIN m ON m.household_id = c.household_id
LEFT JOIN v ON v.household_id = c.household_id
LEFT JOIN d ON d.household_id = c.household_id`;

type FactRow = {
  id: string;
  case_id: string;
  unit_id: string;
  basis: ClaimBasis;
  claimed_class: FieldClass;
  in_registry: boolean;
  occupied: boolean;
  remote_class: DamageClass | null;
  other_claims: number;
  deceased: boolean;
  size: number;
  female_headed: boolean;
  children: number;
  disability: boolean;
  displaced: boolean;
};

export type CaseResult = { reasons: InspectionReason[]; damageClass: FieldClass; best: ClaimCheck };

function caseResults(rows: FactRow[], checks: Map<string, ClaimCheck>): Map<string, CaseResult> {
  const byCase = new Map<string, { reasons: Set<InspectionReason>; classes: FieldClass[]; best: ClaimCheck }>();
  for (const row of rows) {
    const ch = checks.get(row.id)!;
    const k = byCase.get(row.case_id);
    if (!k) byCase.set(row.case_id, { reasons: new Set(ch.reasons), classes: [ch.damageClass], best: ch });
    else {
      for (const r of ch.reasons) k.reasons.add(r);
      k.classes.push(ch.damageClass);
      if (ch.score > k.best.score) k.best = ch;
    }
  }
  return new Map(
    [...byCase].map(([id, k]) => [id, { reasons: [...k.reasons], damageClass: worstClass(k.classes), best: k.best }] as const),
  );
}

/** The facts of every claim of the given open cases, and the field evidence of their units (reads only). */
async function claimFacts(db: pg.Pool | pg.PoolClient, caseIds: readonly string[]) {
  const rows = (await db.query<FactRow>(FACTS, [caseIds])).rows;
  const field = await fieldEvidence(db, [...new Set(rows.map((r) => r.unit_id))]);
  return { rows, field };
}

/** Each claim checked under the rules (pure). */
function checksUnder(facts: Awaited<ReturnType<typeof claimFacts>>, rules: ClaimRules): Map<string, ClaimCheck> {
  const checks = new Map<string, ClaimCheck>();
  for (const row of facts.rows) {
    const f = facts.field.get(row.unit_id);
    checks.set(
      row.id,
      checkClaim(
        {
          basis: row.basis,
          claimedClass: row.claimed_class,
          inRegistry: row.in_registry,
          occupied: row.occupied,
          remoteClass: row.remote_class,
          fieldClass: f?.fieldClass ?? null,
          otherClaims: row.other_claims,
          claimantDeceased: row.deceased,
          femaleHeaded: row.female_headed,
          disability: row.disability,
          children: row.children,
          stillDisplaced: row.displaced,
          size: row.size,
        },
        rules,
      ),
    );
  }
  return checks;
}

/**
 * What a check of the given open cases would give under each of several rule sets, on the facts as
 * they stand, without writing anything (the rule editor's preview): one read of the facts, then the
 * pure rule once per rule set.
 */
export async function evaluateCases(
  db: pg.Pool | pg.PoolClient,
  caseIds: readonly string[],
  ruleSets: readonly ClaimRules[],
): Promise<Map<string, CaseResult>[]> {
  if (caseIds.length === 0) return ruleSets.map(() => new Map());
  const facts = await claimFacts(db, caseIds);
  return ruleSets.map((rules) => caseResults(facts.rows, checksUnder(facts, rules)));
}

/** Checks (and ranks) the given cases under the organisation's current rules; returns the claims checked. */
export async function checkCases(
  db: pg.PoolClient,
  orgId: string,
  caseIds: readonly string[],
  given?: { version: number; rules: ClaimRules },
): Promise<number> {
  if (caseIds.length === 0) return 0;
  const { version, rules } = given ?? (await currentRules(db, orgId));
  const facts = await claimFacts(db, caseIds);
  const { rows } = facts;
  const checks = checksUnder(facts, rules);
  const claimRows = rows.map((r) => {
    const ch = checks.get(r.id)!;
    return { id: r.id, evidence: ch.evidence, reasons: ch.reasons, score: ch.score, explanation: ch.explanation };
  });
  await db.query(
    `UPDATE claim cl SET evidence = x.evidence, reasons = ARRAY(SELECT jsonb_array_elements_text(x.reasons)), priority_score = x.score,
       explanation = x.explanation, rule_version = $2,
       state = CASE WHEN cl.state = 'filed' AND jsonb_array_length(x.reasons) > 0 THEN 'inspection' ELSE cl.state END
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, evidence jsonb, reasons jsonb, score numeric, explanation jsonb)
     WHERE cl.id = x.id`,
    [JSON.stringify(claimRows), version],
  );
  const cases = [...caseResults(rows, checks)].map(([id, k]) => ({
    id,
    reasons: k.reasons,
    damage_class: k.damageClass,
    score: k.best.score,
    explanation: k.best.explanation,
  }));
  await db.query(
    `UPDATE claim_case k SET reasons = ARRAY(SELECT jsonb_array_elements_text(x.reasons)), damage_class = x.damage_class,
       priority_score = x.score, explanation = x.explanation, rule_version = $2, checked_at = now(),
       state = CASE WHEN k.state = 'filed' AND jsonb_array_length(x.reasons) > 0 THEN 'inspection' ELSE k.state END
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, reasons jsonb, damage_class text, score numeric, explanation jsonb)
     WHERE k.id = x.id AND k.state IN ('filed','verified','inspection')`,
    [JSON.stringify(cases), version],
  );
  return rows.length;
}

/**
 * Re-checks (and so re-ranks) every open case of the organisation, in batches taken in the order
 * their claims lie on disk (each batch reads and rewrites neighbouring pages); decided cases are
 * untouched.
 */
export async function recheckOpenCases(
  db: pg.PoolClient,
  orgId: string,
  given?: { version: number; rules: ClaimRules },
  batch = 20000,
): Promise<number> {
  const rules = given ?? (await currentRules(db, orgId));
  const ids = (
    await db.query<{ id: string }>(
      `SELECT cl.case_id AS id FROM claim cl JOIN claim_case k ON k.id = cl.case_id
        WHERE k.org_id = $1 AND k.state IN ('filed','verified','inspection') GROUP BY cl.case_id ORDER BY min(cl.ctid)`,
      [orgId],
    )
  ).rows.map((r) => r.id);
  let checked = 0;
  for (let i = 0; i < ids.length; i += batch) checked += await checkCases(db, orgId, ids.slice(i, i + batch), rules);
  return checked;
}
