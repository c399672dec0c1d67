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

/** The conflicts of a cycle of the actor's organisation (not found otherwise), oldest received first. */
export async function listConflicts(db: pg.Pool | pg.PoolClient, actor: Actor, cycleId: string): Promise<Conflict[]> {
  await getCycle(db, actor, cycleId);
  const r = await db.query<ConflictRow>(
    `SELECT id, entitlement_id, household_id, conflict_of, point_id, device_id, redeemed_at, review, presented, held
     FROM redemption WHERE cycle_id = $1 AND status = 'conflict' ORDER BY received_at, id LIMIT 10000`,
    [cycleId],
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
