// The conflicts of a cycle for review, each with every redemption of its entitlement side by side
// (where, who recorded it, the device's time and the server's, why it was held): only redemptions
// at points (or, with no point, of households) in the actor's governorates. No personal data.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { ConflictReview, RedemptionStatus } from '../../aid/conflict.ts';
import type { Held } from '../../aid/redemptionTime.ts';
import type { Presented } from './redeem.ts';
import { getCycle } from './catalogue.ts';

type Row = {
  id: string;
  entitlement_id: string;
  household_id: string;
  status: RedemptionStatus;
  review: ConflictReview | null;
  held: Held | null;
  presented: Presented;
  point_id: string | null;
  point_name: string | null;
  officer: string | null;
  device_id: string | null;
  redeemed_at: Date;
  received_at: Date;
  reviewed_at: Date | null;
  reviewer: string | null;
  review_reason: string | null;
  quantity: string;
  item: string;
  item_name: string;
  unit: string;
};

export type ReviewGroup = {
  entitlementId: string;
  householdId: string;
  item: string;
  itemName: string;
  unit: string;
  quantity: number;
  open: boolean;
  redemptions: {
    id: string;
    status: RedemptionStatus;
    review: ConflictReview | null;
    held: Held | null;
    presented: Presented;
    pointId: string | null;
    pointName: string | null;
    officer: string | null;
    deviceId: string | null;
    redeemedAt: string;
    receivedAt: string;
    reviewedAt: string | null;
    reviewer: string | null;
    reviewReason: string | null;
  }[];
};

/** Groups with an open conflict (state 'open') or any conflict ('all'), oldest received first. */
export async function listReviews(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  cycleId: string,
  opts: { state: 'open' | 'all'; withReasons: boolean },
): Promise<ReviewGroup[]> {
  await getCycle(db, actor, cycleId);
  const r = await db.query<Row>(
    `WITH ents AS (
       SELECT DISTINCT entitlement_id FROM redemption WHERE cycle_id = $1 AND status = 'conflict' AND ($3 = 'all' OR review = 'open')
     )
     SELECT r.id, r.entitlement_id, r.household_id, r.status, r.review, r.held, r.presented, r.point_id, dp.name AS point_name,
            u.username AS officer, r.device_id, r.redeemed_at, r.received_at, r.reviewed_at, rv.username AS reviewer, r.review_reason,
            r.quantity, i.code AS item, i.name AS item_name, i.unit
       FROM redemption r JOIN ents ON ents.entitlement_id = r.entitlement_id
       JOIN aid_item i ON i.id = r.item_id
       LEFT JOIN distribution_point dp ON dp.id = r.point_id
       LEFT JOIN cycle_household ch ON ch.cycle_id = r.cycle_id AND ch.household_id = r.household_id
       LEFT JOIN app_user u ON u.id = r.recorded_by
       LEFT JOIN app_user rv ON rv.id = r.reviewed_by
      WHERE r.cycle_id = $1 AND coalesce(dp.governorate, ch.governorate) = ANY($2::text[])
      ORDER BY r.received_at, r.id LIMIT 10000`,
    [cycleId, actor.governorates, opts.state],
  );
  const groups = new Map<string, ReviewGroup>();
  for (const x of r.rows) {
    let g = groups.get(x.entitlement_id);
    if (!g) {
      g = {
        entitlementId: x.entitlement_id,
        householdId: x.household_id,
        item: x.item,
        itemName: x.item_name,
        unit: x.unit,
        quantity: Number(x.quantity),
        open: false,
        redemptions: [],
      };
      groups.set(x.entitlement_id, g);
    }
    if (x.review === 'open') g.open = true;
    g.redemptions.push({
      id: x.id,
      status: x.status,
      review: x.review,
      held: x.held,
      presented: x.presented,
      pointId: x.point_id,
      pointName: x.point_name,
      officer: x.officer,
      deviceId: x.device_id,
      redeemedAt: x.redeemed_at.toISOString(),
      receivedAt: x.received_at.toISOString(),
      reviewedAt: x.reviewed_at?.toISOString() ?? null,
      reviewer: x.reviewer,
      reviewReason: opts.withReasons ? x.review_reason : null,
    });
  }
  return [...groups.values()].filter((g) => opts.state === 'all' || g.open);
}
