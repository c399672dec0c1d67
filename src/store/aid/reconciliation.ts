// The reconciliation per point and cycle: entitled vs distributed vs dispatched vs remaining
// (the arithmetic and flags are src/aid/stock.ts), of the points in the actor's governorates
// (entitlements with no point by their household's governorate in the cycle's snapshot); for the
// roles that see only aggregates, small cells withheld (src/aid/reportDisclosure.ts).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import {
  type PublishedReconDay,
  type PublishedReconRow,
  type PublishedReconTotal,
  type ReconDay,
  suppressReconciliation,
} from '../../aid/reportDisclosure.ts';
import { reconcile, totalsByItem } from '../../aid/stock.ts';
import { seesOnlyAggregates } from '../../shared/disclosure.ts';
import { getCycle } from './catalogue.ts';

type SumsRow = {
  point_id: string | null;
  item: string;
  unit: string;
  entitled: string | null;
  entitled_households: string | null;
  standing: string | null;
  conflicts: string | null;
  redeemed_households: string | null;
  dispatched: string | null;
  returned: string | null;
  lost: string | null;
};

/** Per point and item of a cycle of the actor's organisation (not found otherwise), with totals per item. */
export async function reconciliation(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  cycleId: string,
): Promise<{ cycleId: string; points: PublishedReconRow[]; totals: PublishedReconTotal[]; days: PublishedReconDay[] }> {
  await getCycle(db, actor, cycleId);
  const r = await db.query<SumsRow>(
    `SELECT x.point_id, i.code AS item, i.unit,
       sum(x.entitled) AS entitled, sum(x.n_ent) AS entitled_households, sum(x.standing) AS standing, sum(x.conflict) AS conflicts, sum(x.n_red) AS redeemed_households,
       sum(x.dispatched) AS dispatched, sum(x.returned) AS returned, sum(x.lost) AS lost
     FROM (
       SELECT e.point_id, e.item_id, e.quantity AS entitled, 1 AS n_ent, 0 AS standing, 0 AS conflict, 0 AS n_red, 0 AS dispatched, 0 AS returned, 0 AS lost,
              coalesce(dp.governorate, ch.governorate) AS governorate
         FROM entitlement e LEFT JOIN distribution_point dp ON dp.id = e.point_id
         LEFT JOIN cycle_household ch ON ch.cycle_id = e.cycle_id AND ch.household_id = e.household_id
        WHERE e.cycle_id = $1
       UNION ALL
       SELECT r.point_id, r.item_id, 0, 0, CASE WHEN r.status = 'standing' THEN r.quantity ELSE 0 END, CASE WHEN r.status = 'conflict' THEN r.quantity ELSE 0 END, CASE WHEN r.status = 'standing' THEN 1 ELSE 0 END, 0, 0, 0,
              coalesce(dp.governorate, ch.governorate)
         FROM redemption r LEFT JOIN distribution_point dp ON dp.id = r.point_id
         LEFT JOIN cycle_household ch ON ch.cycle_id = r.cycle_id AND ch.household_id = r.household_id
        WHERE r.cycle_id = $1
       UNION ALL
       SELECT m.point_id, m.item_id, 0, 0, 0, 0, 0, CASE WHEN m.kind = 'dispatch' THEN m.quantity ELSE 0 END, CASE WHEN m.kind = 'return' THEN m.quantity ELSE 0 END, CASE WHEN m.kind IN ('loss','damage') THEN m.quantity ELSE 0 END,
              dp.governorate
         FROM stock_movement m JOIN distribution_point dp ON dp.id = m.point_id WHERE m.cycle_id = $1
     ) x JOIN aid_item i ON i.id = x.item_id
     WHERE x.governorate = ANY($2::text[])
     GROUP BY x.point_id, i.code, i.unit ORDER BY x.point_id NULLS LAST, i.code`,
    [cycleId, actor.governorates],
  );
  const n = (v: string | null) => Number(v ?? 0);
  const points = r.rows.map((x) =>
    reconcile({
      pointId: x.point_id,
      item: x.item,
      unit: x.unit,
      entitled: n(x.entitled),
      entitledHouseholds: n(x.entitled_households),
      standing: n(x.standing),
      conflicts: n(x.conflicts),
      redeemedHouseholds: n(x.redeemed_households),
      dispatched: n(x.dispatched),
      returned: n(x.returned),
      lost: n(x.lost),
    }),
  );
  const totals = totalsByItem(points);
  const days = await reconciliationDays(db, actor, cycleId);
  if (seesOnlyAggregates(actor.role)) return { cycleId, ...suppressReconciliation(points, totals, days) };
  return { cycleId, points, totals, days };
}

/**
 * Per day (in Gaza and the West Bank) and item: handed out (standing and conflicts, by the device's
 * time), households whose redemption stands, dispatched to the points (by the movement's date).
 */
async function reconciliationDays(db: pg.Pool | pg.PoolClient, actor: Actor, cycleId: string): Promise<ReconDay[]> {
  const r = await db.query<{ day: string; item: string; unit: string; distributed: string; households: string; dispatched: string }>(
    `SELECT to_char(x.day, 'YYYY-MM-DD') AS day, i.code AS item, i.unit,
       sum(x.distributed) AS distributed, sum(x.households) AS households, sum(x.dispatched) AS dispatched
     FROM (
       SELECT (r.redeemed_at AT TIME ZONE 'Asia/Gaza')::date AS day, r.item_id, r.quantity AS distributed,
              CASE WHEN r.status = 'standing' THEN 1 ELSE 0 END AS households, 0 AS dispatched,
              coalesce(dp.governorate, ch.governorate) AS governorate
         FROM redemption r LEFT JOIN distribution_point dp ON dp.id = r.point_id
         LEFT JOIN cycle_household ch ON ch.cycle_id = r.cycle_id AND ch.household_id = r.household_id
        WHERE r.cycle_id = $1
       UNION ALL
       SELECT m.occurred_on, m.item_id, 0, 0, m.quantity, dp.governorate
         FROM stock_movement m JOIN distribution_point dp ON dp.id = m.point_id WHERE m.cycle_id = $1 AND m.kind = 'dispatch'
     ) x JOIN aid_item i ON i.id = x.item_id
     WHERE x.governorate = ANY($2::text[])
     GROUP BY x.day, i.code, i.unit ORDER BY x.day, i.code`,
    [cycleId, actor.governorates],
  );
  return r.rows.map((x) => ({
    day: x.day,
    item: x.item,
    unit: x.unit,
    distributed: Number(x.distributed),
    households: Number(x.households),
    dispatched: Number(x.dispatched),
  }));
}
