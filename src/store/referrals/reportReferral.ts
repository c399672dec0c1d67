// The receiving side reports back on a referral it accepted: the outcome and the day of the service.
import { nextStatus } from '../../referrals/flow.ts';
import type { WriteContext } from '../write.ts';
import { getReferralFor, type Referral, viewReferral } from './referralRow.ts';

export async function reportReferral(ctx: WriteContext, id: string, r: { outcome: string; date: string }): Promise<Referral> {
  const { row, side } = await getReferralFor(ctx.client, ctx.actor, id, true);
  const status = nextStatus(row.status, 'report', side);
  await ctx.client.query(
    `UPDATE referral SET status = $2, outcome = $3, outcome_date = $4, reported_by = $5, reported_at = now(), version = version + 1 WHERE id = $1`,
    [id, status, r.outcome, r.date, ctx.actor.userId],
  );
  // the outcome's text stays out of the change log, as a case's notes do
  await ctx.log({ entity: 'referral', entityId: id, action: 'report', after: { status, date: r.date } });
  const after = await getReferralFor(ctx.client, ctx.actor, id);
  return viewReferral(ctx.actor, after.row, after.side);
}
