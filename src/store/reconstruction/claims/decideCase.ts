// The committee's decision on a joint case: approved or rejected, with a reason, settled for every
// claim of the case together. Four eyes: the member may be neither the officer who verified the
// case nor an engineer who assessed the unit. An approval fixes the grant (stream and amount) from
// the current rules for the case's class, and the decision keeps the rule version, score and grant
// it was taken with: later rules re-rank open cases only (checkCases.ts touches no decided case).
// A reopened case (reopenCase.ts) is decided by a member who did not decide it before.
import { errors } from '../../../errors.ts';
import { type DecisionStep, mayDecide } from '../../../reconstruction/approval.ts';
import { grantFor } from '../../../reconstruction/claimRules.ts';
import type { ClaimCase } from '../../../reconstruction/claims.ts';
import type { WriteContext } from '../../write.ts';
import { currentRules } from './claimRules.ts';
import { getCase } from './claimRow.ts';
import { fieldEvidence } from './fieldEvidence.ts';

const refusal = {
  case_closed: errors.claimCaseClosed,
  not_checked: errors.claimCaseNotVerified,
  own_check: errors.claimOwnCheck,
  own_assessment: errors.claimOwnAssessment,
  earlier_decision: errors.claimEarlierDecision,
} as const;

export async function decideCase(ctx: WriteContext, caseId: string, step: DecisionStep, reason: string): Promise<ClaimCase> {
  const k = await getCase(ctx.client, ctx.actor, caseId, true);
  const field = (await fieldEvidence(ctx.client, [k.unitId])).get(k.unitId);
  const earlier = await ctx.client.query<{ actor_id: string }>(
    "SELECT DISTINCT actor_id::text FROM claim_case_decision WHERE case_id = $1 AND step IN ('approved','rejected')",
    [k.id],
  );
  const refused = mayDecide(
    k,
    ctx.actor.userId ?? '',
    field?.assessors ?? [],
    earlier.rows.map((r) => r.actor_id),
  );
  if (refused) throw refusal[refused]();
  const { version, rules } = await currentRules(ctx.client, ctx.actor.orgId);
  const grant = step === 'approved' && k.damageClass ? grantFor(rules, k.damageClass) : null;
  await ctx.client.query(
    `UPDATE claim_case SET state = $2, decided_by = $3, decided_at = now(), decision_reason = $4, decided_rule_version = $5,
       grant_amount = $6, stream = $7, version = version + 1 WHERE id = $1`,
    [k.id, step, ctx.actor.userId, reason, version, grant?.amount ?? null, grant?.stream ?? null],
  );
  await ctx.client.query(
    `UPDATE claim SET state = $2, version = version + 1 WHERE case_id = $1 AND state NOT IN ('withdrawn','rejected')`,
    [k.id, step],
  );
  await ctx.client.query(
    `INSERT INTO claim_case_decision (case_id, step, actor_id, reason, rule_version, priority_score, grant_amount, stream)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [k.id, step, ctx.actor.userId, reason, version, k.priorityScore, grant?.amount ?? null, grant?.stream ?? null],
  );
  await ctx.log({
    entity: 'claim_case',
    entityId: k.id,
    action: step,
    before: { state: k.state },
    after: { state: step, ruleVersion: version, grantAmount: grant?.amount ?? null },
    reason,
  });
  return getCase(ctx.client, ctx.actor, caseId);
}
