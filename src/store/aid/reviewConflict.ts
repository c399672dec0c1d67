import { type RedemptionStatus, type ReviewDecision, settleConflict } from '../../aid/conflict.ts';
import { errors } from '../../errors.ts';
import { isUuid } from '../../shared/ids.ts';
import type { WriteContext } from '../write.ts';

/** Settles a conflict of the actor's organisation (src/aid/conflict.ts decides which may be settled). */
export async function reviewConflict(
  ctx: WriteContext,
  id: string,
  decision: ReviewDecision,
): Promise<{ id: string; review: ReviewDecision }> {
  if (!isUuid(id)) throw errors.notFound('conflict');
  const r = await ctx.client.query<{ status: RedemptionStatus }>(
    `SELECT r.status FROM redemption r JOIN aid_cycle c ON c.id = r.cycle_id JOIN programme p ON p.id = c.programme_id
     WHERE r.id = $1 AND p.org_id = $2 FOR UPDATE OF r`,
    [id, ctx.actor.orgId],
  );
  const review = settleConflict(r.rows[0], decision);
  await ctx.client.query('UPDATE redemption SET review = $2, reviewed_at = now() WHERE id = $1', [id, review]);
  await ctx.log({ entity: 'redemption', entityId: id, action: 'review', after: { decision: review } });
  return { id, review };
}
