import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { ConflictReview } from '../../aid/conflict.ts';
import type { Held } from '../../aid/redemptionTime.ts';
import type { Presented } from './redeem.ts';
import { getCycle } from './catalogue.ts';

export type Conflict = {
  id: string;
  entitlementId: string;
  householdId: string;
  standingId: string | null;
  pointId: string | null;
  deviceId: string | null;
  redeemedAt: Date;
  review: ConflictReview;
  presented: Presented;
  held: Held | null;
};
type ConflictRow = {
  id: string;
  entitlement_id: string;
  household_id: string;
  conflict_of: string | null;
  point_id: string | null;
  device_id: string | null;
  redeemed_at: Date;
  review: ConflictReview;
  presented: Presented;
  held: Held | null;
};

/** The conflicts of a cycle of the actor's organisation (not found otherwise) at points (or of households) in the actor's governorates, oldest received first. */
export async function listConflicts(db: pg.Pool | pg.PoolClient, actor: Actor, cycleId: string): Promise<Conflict[]> {
  await getCycle(db, actor, cycleId);
  const r = await db.query<ConflictRow>(
    `SELECT r.id, r.entitlement_id, r.household_id, r.conflict_of, r.point_id, r.device_id, r.redeemed_at, r.review, r.presented, r.held
     FROM redemption r LEFT JOIN distribution_point dp ON dp.id = r.point_id
     LEFT JOIN cycle_household ch ON ch.cycle_id = r.cycle_id AND ch.household_id = r.household_id
     WHERE r.cycle_id = $1 AND r.status = 'conflict' AND coalesce(dp.governorate, ch.governorate) = ANY($2::text[])
     ORDER BY r.received_at, r.id LIMIT 10000`,
    [cycleId, actor.governorates],
  );
  return r.rows.map((x) => ({
    id: x.id,
    entitlementId: x.entitlement_id,
    householdId: x.household_id,
    standingId: x.conflict_of,
    pointId: x.point_id,
    deviceId: x.device_id,
    redeemedAt: x.redeemed_at,
    review: x.review,
    presented: x.presented,
    held: x.held,
  }));
}
