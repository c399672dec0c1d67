// Stock: one ledger of movements (receipts into warehouses, dispatches to distribution points for a
// cycle, returns, losses and damage), and the reconciliation per point and cycle:
// entitled vs distributed vs dispatched vs remaining. Quantities are exact (numeric), in item units.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import type { WriteContext } from '../write.ts';
import { getCycle, getPlace } from './catalogue.ts';

export type MovementInput = {
  kind: 'receipt' | 'dispatch' | 'return' | 'loss' | 'damage';
  itemId: string;
  quantity: number;
  warehouseId?: string | undefined;
  pointId?: string | undefined;
  cycleId?: string | undefined;
  date: string;
  note?: string | undefined;
};

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
  if (!item.rowCount) throw errors.validation([{ field: 'itemId', reason: 'is not an item of your organisation' }]);
  const need = (field: 'warehouseId' | 'pointId' | 'cycleId', yes: boolean) => {
    if (yes && !m[field]) throw errors.validation([{ field, reason: `is required for a ${m.kind}` }]);
    if (!yes && m[field]) throw errors.validation([{ field, reason: `must not be given for a ${m.kind}` }]);
  };
  if (m.kind === 'receipt') {
    need('warehouseId', true);
    need('pointId', false);
  } else if (m.kind === 'dispatch' || m.kind === 'return') {
    need('warehouseId', true);
    need('pointId', true);
    need('cycleId', true);
  } else {
    if (!!m.warehouseId === !!m.pointId)
      throw errors.validation([{ field: 'warehouseId', reason: 'give either warehouseId or pointId (where the loss happened)' }]);
    if (m.pointId) need('cycleId', true);
  }
  if (m.warehouseId) {
    await getPlace(client, actor, 'warehouse', m.warehouseId);
    await client.query('SELECT 1 FROM warehouse WHERE id = $1 FOR UPDATE', [m.warehouseId]); // serialises stock checks
  }
  if (m.pointId) {
    await getPlace(client, actor, 'distribution_point', m.pointId);
    await client.query('SELECT 1 FROM distribution_point WHERE id = $1 FOR UPDATE', [m.pointId]);
  }
  if (m.cycleId) await getCycle(client, actor, m.cycleId);
  if (m.kind === 'dispatch' || (m.warehouseId && !m.pointId && m.kind !== 'receipt')) {
    if ((await warehouseStock(client, m.warehouseId!, m.itemId)) < m.quantity) throw errors.notEnoughStock('warehouse');
  }
  if (m.kind === 'return' || (m.pointId && (m.kind === 'loss' || m.kind === 'damage'))) {
    if ((await pointStock(client, m.pointId!, m.cycleId!, m.itemId)) < m.quantity) throw errors.notEnoughStock('point');
  }
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

export type ReconRow = {
  pointId: string | null;
  item: string;
  unit: string;
  entitled: number;
  entitledHouseholds: number;
  distributed: number;
  standing: number;
  conflicts: number;
  redeemedHouseholds: number;
  outstanding: number;
  dispatched: number;
  returned: number;
  lost: number;
  remaining: number;
  balanced: boolean;
  flags: string[];
};

/**
 * Per point and item: entitled (assigned to the point), distributed at the point (standing plus
 * conflicts: the goods went out), dispatched to it, returned, lost or damaged, and remaining =
 * dispatched - returned - lost - distributed. Flags: conflicts, stock_shortfall (remaining < 0),
 * undelivered (outstanding entitlements with no stock left), unassigned (no point).
 */
export async function reconciliation(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  cycleId: string,
): Promise<{ cycleId: string; points: ReconRow[]; totals: Omit<ReconRow, 'pointId' | 'flags' | 'balanced'>[] }> {
  await getCycle(db, actor, cycleId);
  const r = await db.query<Record<string, string | null>>(
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
  const n = (v: string | null | undefined) => Number(v ?? 0);
  const points: ReconRow[] = r.rows.map((x) => {
    const standing = n(x.standing),
      conflicts = n(x.conflicts),
      dispatched = n(x.dispatched),
      returned = n(x.returned),
      lost = n(x.lost),
      entitled = n(x.entitled);
    const distributed = standing + conflicts;
    const remaining = dispatched - returned - lost - distributed;
    const outstanding = entitled - standing;
    const flags: string[] = [];
    if (x.point_id === null) flags.push('unassigned');
    if (conflicts > 0) flags.push('conflicts');
    if (remaining < 0) flags.push('stock_shortfall');
    if (outstanding > 0 && remaining < outstanding) flags.push('undelivered');
    return {
      pointId: x.point_id ?? null,
      item: x.item!,
      unit: x.unit!,
      entitled,
      entitledHouseholds: n(x.entitled_households),
      distributed,
      standing,
      conflicts,
      redeemedHouseholds: n(x.redeemed_households),
      outstanding,
      dispatched,
      returned,
      lost,
      remaining,
      balanced: Math.abs(dispatched - (returned + lost + distributed + remaining)) < 1e-9 && remaining >= 0,
      flags,
    };
  });
  const totals = new Map<string, Omit<ReconRow, 'pointId' | 'flags' | 'balanced'>>();
  for (const p of points) {
    const t = totals.get(p.item) ?? {
      item: p.item,
      unit: p.unit,
      entitled: 0,
      entitledHouseholds: 0,
      distributed: 0,
      standing: 0,
      conflicts: 0,
      redeemedHouseholds: 0,
      outstanding: 0,
      dispatched: 0,
      returned: 0,
      lost: 0,
      remaining: 0,
    };
    for (const k of [
      'entitled',
      'entitledHouseholds',
      'distributed',
      'standing',
      'conflicts',
      'redeemedHouseholds',
      'outstanding',
      'dispatched',
      'returned',
      'lost',
      'remaining',
    ] as const)
      t[k] += p[k];
    totals.set(p.item, t);
  }
  return { cycleId, points, totals: [...totals.values()] };
}

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
