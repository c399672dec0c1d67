// Stock: one ledger of movements (receipts into warehouses, dispatches to distribution points for a
// cycle, returns, losses and damage). Quantities are exact (numeric), in item units. Which places a
// movement names and whether the stock covers it are decided in src/aid/stock.ts.
import type pg from 'pg';
import { assertEnoughStock, checkMovement, type Movement, stockSource } from '../../aid/stock.ts';
import { errors } from '../../errors.ts';
import type { WriteContext } from '../write.ts';
import { getCycle, getPlace } from './catalogue.ts';

export type MovementInput = Movement & { itemId: string; date: string; note?: string | undefined };

async function warehouseStock(db: pg.PoolClient, warehouseId: string, itemId: string): Promise<number> {
  const r = await db.query<{ q: string }>(
    `SELECT coalesce(sum(CASE WHEN kind IN ('receipt','return') THEN quantity ELSE -quantity END), 0) AS q
     FROM stock_movement WHERE warehouse_id = $1 AND item_id = $2 AND (kind IN ('receipt','dispatch','return') OR point_id IS NULL)`,
    [warehouseId, itemId],
  );
  return Number(r.rows[0]!.q);
}

async function pointStock(db: pg.PoolClient, pointId: string, cycleId: string, itemId: string): Promise<number> {
  const r = await db.query<{ q: string }>(
    `SELECT (SELECT coalesce(sum(CASE WHEN kind = 'dispatch' THEN quantity ELSE -quantity END), 0) FROM stock_movement WHERE point_id = $1 AND cycle_id = $2 AND item_id = $3)
          - (SELECT coalesce(sum(quantity), 0) FROM redemption WHERE point_id = $1 AND cycle_id = $2 AND item_id = $3) AS q`,
    [pointId, cycleId, itemId],
  );
  return Number(r.rows[0]!.q);
}

export async function recordMovement(ctx: WriteContext, m: MovementInput): Promise<{ id: string }> {
  const { client, actor } = ctx;
  const item = await client.query('SELECT 1 FROM aid_item WHERE id = $1 AND org_id = $2', [m.itemId, actor.orgId]);
  if (!item.rowCount) throw errors.invalidField('itemId', 'not_of_organisation');
  checkMovement(m);
  if (m.warehouseId) {
    await getPlace(client, actor, 'warehouse', m.warehouseId);
    await client.query('SELECT 1 FROM warehouse WHERE id = $1 FOR UPDATE', [m.warehouseId]); // serialises stock checks
  }
  if (m.pointId) {
    await getPlace(client, actor, 'distribution_point', m.pointId);
    await client.query('SELECT 1 FROM distribution_point WHERE id = $1 FOR UPDATE', [m.pointId]);
  }
  if (m.cycleId) await getCycle(client, actor, m.cycleId);
  const source = stockSource(m);
  if (source === 'warehouse') assertEnoughStock(source, await warehouseStock(client, m.warehouseId!, m.itemId), m.quantity);
  if (source === 'point') assertEnoughStock(source, await pointStock(client, m.pointId!, m.cycleId!, m.itemId), m.quantity);
  const r = await client.query<{ id: string }>(
    'INSERT INTO stock_movement (org_id, kind, item_id, quantity, warehouse_id, point_id, cycle_id, occurred_on, note) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id',
    [
      actor.orgId,
      m.kind,
      m.itemId,
      String(m.quantity),
      m.warehouseId ?? null,
      m.pointId ?? null,
      m.cycleId ?? null,
      m.date,
      m.note ?? null,
    ],
  );
  await ctx.log({ entity: 'stock_movement', entityId: r.rows[0]!.id, action: m.kind, after: m });
  return { id: r.rows[0]!.id };
}
