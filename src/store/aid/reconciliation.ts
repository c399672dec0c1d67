// The reconciliation per point and cycle: entitled vs distributed vs dispatched vs remaining
// (the arithmetic and flags are src/aid/stock.ts).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { type ReconRow, type ReconTotal, reconcile, totalsByItem } from '../../aid/stock.ts';
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
): Promise<{ cycleId: string; points: ReconRow[]; totals: ReconTotal[] }> {
  await getCycle(db, actor, cycleId);
  const r = await db.query<SumsRow>(
    `SELECT x.point_id, i.code AS item, i.unit,
       sum(x.entitled) AS entitled, sum(x.n_ent) AS entitled_households, sum(x.standing) AS standing, sum(x.conflict) AS conflicts, sum(x.n_red) AS redeemed_households,
       sum(x.dispatched) AS dispatched, sum(x.returned) AS returned, sum(x.lost) AS lost
     FROM (
       SELECT point_id, item_id, quantity AS entitled, 1 AS n_ent, 0 AS standing, 0 AS conflict, 0 AS n_red, 0 AS dispatched, 0 AS returned, 0 AS lost FROM entitlement WHERE cycle_id = $1
       UNION ALL
       SELECT point_id, item_id, 0, 0, CASE WHEN status = 'standing' THEN quantity ELSE 0 END, CASE WHEN status = 'conflict' THEN quantity ELSE 0 END, CASE WHEN status = 'standing' THEN 1 ELSE 0 END, 0, 0, 0 FROM redemption WHERE cycle_id = $1
       UNION ALL
       SELECT point_id, item_id, 0, 0, 0, 0, 0, CASE WHEN kind = 'dispatch' THEN quantity ELSE 0 END, CASE WHEN kind = 'return' THEN quantity ELSE 0 END, CASE WHEN kind IN ('loss','damage') THEN quantity ELSE 0 END
       FROM stock_movement WHERE cycle_id = $1 AND point_id IS NOT NULL
     ) x JOIN aid_item i ON i.id = x.item_id
     GROUP BY x.point_id, i.code, i.unit ORDER BY x.point_id NULLS LAST, i.code`,
    [cycleId],
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
  return { cycleId, points, totals: totalsByItem(points) };
}
