// A reviewer's decision on a conflict of the actor's organisation, at a point (or, with no point,
// of a household) in the actor's governorates, with the reason (required): it does not stand
// (duplicate_confirmed, accepted) or it stands instead of the one that stood (src/aid/conflict.ts
// decides what changes). One change-log entry with the reason.
import {
  type Competing,
  type ConflictReview,
  type RedemptionStatus,
  type ReviewChoice,
  settleConflict,
  standsInstead,
} from '../../aid/conflict.ts';
import type { Held } from '../../aid/redemptionTime.ts';
import { errors } from '../../errors.ts';
import { isUuid } from '../../shared/ids.ts';
import type { WriteContext } from '../write.ts';

type Row = {
  id: string;
  entitlement_id: string;
  status: RedemptionStatus;
  review: ConflictReview | null;
  held: Held | null;
  conflict_of: string | null;
};
const competing = (r: Row): Competing => ({ id: r.id, status: r.status, review: r.review, held: r.held, conflictOf: r.conflict_of });

export async function reviewConflict(
  ctx: WriteContext,
  id: string,
  choice: ReviewChoice,
  reason: string,
): Promise<{ id: string; review: ReviewChoice; standingId: string | null }> {
  if (!isUuid(id)) throw errors.notFound('conflict');
  const { client, actor } = ctx;
  const r = await client.query<Row>(
    `SELECT r.id, r.entitlement_id, r.status, r.review, r.held, r.conflict_of FROM redemption r
       JOIN aid_cycle c ON c.id = r.cycle_id JOIN programme p ON p.id = c.programme_id
       LEFT JOIN distribution_point dp ON dp.id = r.point_id
       LEFT JOIN cycle_household ch ON ch.cycle_id = r.cycle_id AND ch.household_id = r.household_id
     WHERE r.id = $1 AND p.org_id = $2 AND coalesce(dp.governorate, ch.governorate) = ANY($3::text[]) FOR UPDATE OF r`,
    [id, actor.orgId, actor.governorates],
  );
  const row = r.rows[0];
  settleConflict(row, choice);
  const before = { status: row!.status, review: row!.review, held: row!.held };
  const who = [ctx.actor.userId, reason] as const;
  let standingId: string | null = row!.conflict_of;
  if (choice === 'stands') {
    const all = await client.query<Row>(
      'SELECT id, entitlement_id, status, review, held, conflict_of FROM redemption WHERE entitlement_id = $1 ORDER BY id FOR UPDATE',
      [row!.entitlement_id],
    );
    const was = new Map(all.rows.map((x) => [x.id, x]));
    for (const n of standsInstead(all.rows.map(competing), id)) {
      const old = was.get(n.id)!;
      const decided = n.id === id || old.status === 'standing';
      await client.query(
        `UPDATE redemption SET status = $2, review = $3, held = $4, conflict_of = $5${decided ? ', reviewed_at = now(), reviewed_by = $6, review_reason = $7' : ''} WHERE id = $1`,
        [n.id, n.status, n.review, n.held, n.conflictOf, ...(decided ? who : [])],
      );
    }
    standingId = id;
  } else {
    await client.query('UPDATE redemption SET review = $2, reviewed_at = now(), reviewed_by = $3, review_reason = $4 WHERE id = $1', [
      id,
      choice,
      ...who,
    ]);
  }
  await ctx.log({ entity: 'redemption', entityId: id, action: 'review', before, after: { decision: choice, standingId }, reason });
  return { id, review: choice, standingId };
}
