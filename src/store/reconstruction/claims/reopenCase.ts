// A rejected joint case reopened for review by a committee member, with a reason (a grievance upheld,
// new evidence): back to inspection, its claims with it, the decision's columns cleared so that a
// claims officer checks it again and a member who did not decide it before decides the review
// (decideCase.ts). The chain keeps the rejection and records the reopening as its own step.
import { errors } from '../../../errors.ts';
import { mayReopen } from '../../../reconstruction/approval.ts';
import type { ClaimCase } from '../../../reconstruction/claims.ts';
import type { WriteContext } from '../../write.ts';
import { checkCases } from './checkCases.ts';
import { getCase } from './claimRow.ts';

const refusal = { not_rejected: errors.claimCaseNotRejected, unit_has_open_case: errors.claimUnitHasOpenCase } as const;

export async function reopenCase(ctx: WriteContext, caseId: string, reason: string): Promise<ClaimCase> {
  const k = await getCase(ctx.client, ctx.actor, caseId, true);
  const other = await ctx.client.query(
    "SELECT 1 FROM claim_case WHERE unit_id = $1 AND id <> $2 AND state NOT IN ('approved','rejected')",
    [k.unitId, k.id],
  );
  const refused = mayReopen(k.state, (other.rowCount ?? 0) > 0);
  if (refused) throw refusal[refused]();
  await ctx.client.query(
    `UPDATE claim_case SET state = 'inspection', checked_by = NULL, officer_checked_at = NULL, decided_by = NULL, decided_at = NULL,
       decision_reason = NULL, decided_rule_version = NULL, grant_amount = NULL, stream = NULL, version = version + 1
     WHERE id = $1`,
    [k.id],
  );
  // the claims the rejection closed (not those withdrawn) follow the case
  await ctx.client.query("UPDATE claim SET state = 'inspection', version = version + 1 WHERE case_id = $1 AND state = 'rejected'", [k.id]);
  // checked again and ranked under the current rules, as any open case
  await checkCases(ctx.client, ctx.actor.orgId, [k.id]);
  const after = await getCase(ctx.client, ctx.actor, caseId);
  await ctx.client.query(
    "INSERT INTO claim_case_decision (case_id, step, actor_id, reason, rule_version, priority_score) VALUES ($1,'reopened',$2,$3,$4,$5)",
    [k.id, ctx.actor.userId, reason, after.ruleVersion, after.priorityScore],
  );
  await ctx.log({
    entity: 'claim_case',
    entityId: k.id,
    action: 'reopen',
    before: { state: k.state },
    after: { state: after.state },
    reason,
  });
  return after;
}
