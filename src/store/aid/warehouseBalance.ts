import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { getPlace } from './catalogue.ts';

/** What a warehouse holds per item: received + returned - dispatched - lost or damaged there. */
export async function warehouseBalance(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  warehouseId: string,
): Promise<{
  warehouseId: string;
  items: { item: string; unit: string; received: number; dispatched: number; returned: number; lost: number; onHand: number }[];
}> {
  await getPlace(db, actor, 'warehouse', warehouseId);
  const r = await db.query<{ item: string; unit: string; received: string; dispatched: string; returned: string; lost: string }>(
    `SELECT i.code AS item, i.unit,
       coalesce(sum(m.quantity) FILTER (WHERE m.kind = 'receipt'), 0) AS received,
       coalesce(sum(m.quantity) FILTER (WHERE m.kind = 'dispatch'), 0) AS dispatched,
       coalesce(sum(m.quantity) FILTER (WHERE m.kind = 'return'), 0) AS returned,
       coalesce(sum(m.quantity) FILTER (WHERE m.kind IN ('loss','damage') AND m.point_id IS NULL), 0) AS lost
     FROM stock_movement m JOIN aid_item i ON i.id = m.item_id
     WHERE m.warehouse_id = $1 GROUP BY i.code, i.unit ORDER BY i.code`,
    [warehouseId],
  );
  return {
    warehouseId,
    items: r.rows.map((x) => {
      const [received, dispatched, returned, lost] = [x.received, x.dispatched, x.returned, x.lost].map(Number) as [
        number,
        number,
        number,
        number,
      ];
      return { item: x.item, unit: x.unit, received, dispatched, returned, lost, onHand: received + returned - dispatched - lost };
    }),
  };
}
