// The receiving side accepts a referral, or declines it with a reason (src/referrals/flow.ts).
import { nextStatus } from '../../referrals/flow.ts';
import type { WriteContext } from '../write.ts';
import { getReferralFor, type Referral, viewReferral } from './referralRow.ts';

export type ReferralAnswer = { decision: 'accept' } | { decision: 'decline'; reason: string };

export async function answerReferral(ctx: WriteContext, id: string, a: ReferralAnswer): Promise<Referral> {
  const { row, side } = await getReferralFor(ctx.client, ctx.actor, id, true);
  const status = nextStatus(row.status, a.decision, side);
  await ctx.client.query(
    `UPDATE referral SET status = $2, decline_reason = $3, answered_by = $4, answered_at = now(), version = version + 1 WHERE id = $1`,
    [id, status, a.decision === 'decline' ? a.reason : null, ctx.actor.userId],
  );
  await ctx.log({ entity: 'referral', entityId: id, action: a.decision, after: { status } });
  const after = await getReferralFor(ctx.client, ctx.actor, id);
  return viewReferral(ctx.actor, after.row, after.side);
}
