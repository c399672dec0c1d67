// A claims officer's check of a joint case: verified (the evidence holds) or to inspection, with a
// note. The case is checked again first, so the officer's step rests on the evidence as it stands.
// Recorded in claim_case_decision; the claims follow the case.
import { errors } from '../../../errors.ts';
import { type CheckStep, mayCheck } from '../../../reconstruction/approval.ts';
import type { ClaimCase } from '../../../reconstruction/claims.ts';
import type { WriteContext } from '../../write.ts';
import { checkCases } from './checkCases.ts';
import { getCase } from './claimRow.ts';

export async function officerCheck(ctx: WriteContext, caseId: string, step: CheckStep, note: string | null): Promise<ClaimCase> {
  const before = await getCase(ctx.client, ctx.actor, caseId, true);
  if (mayCheck(before.state)) throw errors.claimCaseClosed();
  await checkCases(ctx.client, ctx.actor.orgId, [before.id]);
  const checked = await getCase(ctx.client, ctx.actor, caseId);
  await ctx.client.query(
    `UPDATE claim_case SET state = $2, checked_by = $3, officer_checked_at = now(), version = version + 1 WHERE id = $1`,
    [before.id, step, ctx.actor.userId],
  );
  await ctx.client.query(
    `UPDATE claim SET state = $2, version = version + 1 WHERE case_id = $1 AND state NOT IN ('withdrawn','rejected')`,
    [before.id, step],
  );
  await ctx.client.query(
    'INSERT INTO claim_case_decision (case_id, step, actor_id, reason, rule_version, priority_score) VALUES ($1,$2,$3,$4,$5,$6)',
    [before.id, step, ctx.actor.userId, note, checked.ruleVersion, checked.priorityScore],
  );
  await ctx.log({ entity: 'claim_case', entityId: before.id, action: step, before: { state: before.state }, after: { state: step } });
  return getCase(ctx.client, ctx.actor, caseId);
}
