// Stock movements and the reconciliation per point, cycle and item. Quantities in item units.
// No I/O.
import { errors } from '../errors.ts';

export type MovementKind = 'receipt' | 'dispatch' | 'return' | 'loss' | 'damage';
export type Movement = {
  kind: MovementKind;
  quantity: number;
  warehouseId?: string | undefined;
  pointId?: string | undefined;
  cycleId?: string | undefined;
};

/**
 * Which places a movement names: a receipt a warehouse; a dispatch or a return a warehouse, a point
 * and a cycle; a loss or damage either a warehouse or a point (with its cycle). Refused otherwise.
 */
export function checkMovement(m: Movement): void {
  const need = (field: 'warehouseId' | 'pointId' | 'cycleId', yes: boolean) => {
    if (yes && !m[field]) throw errors.invalidField(field, 'required_for_kind');
    if (!yes && m[field]) throw errors.invalidField(field, 'not_for_kind');
  };
  if (m.kind === 'receipt') {
    need('warehouseId', true);
    need('pointId', false);
  } else if (m.kind === 'dispatch' || m.kind === 'return') {
    need('warehouseId', true);
    need('pointId', true);
    need('cycleId', true);
  } else {
    if (!!m.warehouseId === !!m.pointId) throw errors.invalidField('warehouseId', 'warehouse_or_point');
    if (m.pointId) need('cycleId', true);
  }
}

/** Where the goods come from, whose stock must cover the quantity (none for a receipt). */
export function stockSource(m: Movement): 'warehouse' | 'point' | undefined {
  if (m.kind === 'dispatch' || (m.warehouseId && !m.pointId && m.kind !== 'receipt')) return 'warehouse';
  if (m.kind === 'return' || (m.pointId && (m.kind === 'loss' || m.kind === 'damage'))) return 'point';
  return undefined;
}

/** Stock sufficiency: what is on hand must cover the quantity taken. */
export function assertEnoughStock(where: 'warehouse' | 'point', onHand: number, quantity: number): void {
  if (onHand < quantity) throw errors.notEnoughStock(where);
}

/** The sums of one point (null: entitlements with no point) and item in a cycle. */
export type ReconSums = {
  pointId: string | null;
  item: string;
  unit: string;
  entitled: number;
  entitledHouseholds: number;
  standing: number;
  conflicts: number;
  redeemedHouseholds: number;
  dispatched: number;
  returned: number;
  lost: number;
};
export type ReconRow = ReconSums & {
  distributed: number;
  outstanding: number;
  remaining: number;
  balanced: boolean;
  flags: ReconFlag[];
};
export type ReconFlag = 'unassigned' | 'conflicts' | 'stock_shortfall' | 'undelivered';
export type ReconTotal = Omit<ReconRow, 'pointId' | 'flags' | 'balanced'>;

/**
 * Distributed at the point (standing plus conflicts: the goods went out), remaining = dispatched -
 * returned - lost - distributed, outstanding = entitled - standing. Flags: unassigned (no point),
 * conflicts, stock_shortfall (remaining < 0), undelivered (outstanding with not enough stock left).
 */
export function reconcile(s: ReconSums): ReconRow {
  const distributed = s.standing + s.conflicts;
  const remaining = s.dispatched - s.returned - s.lost - distributed;
  const outstanding = s.entitled - s.standing;
  const flags: ReconFlag[] = [];
  if (s.pointId === null) flags.push('unassigned');
  if (s.conflicts > 0) flags.push('conflicts');
  if (remaining < 0) flags.push('stock_shortfall');
  if (outstanding > 0 && remaining < outstanding) flags.push('undelivered');
  const balanced = Math.abs(s.dispatched - (s.returned + s.lost + distributed + remaining)) < 1e-9 && remaining >= 0;
  return { ...s, distributed, outstanding, remaining, balanced, flags };
}

const SUMMED = [
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
] as const;

/** Totals per item over every point, in the order the items first appear. */
export function totalsByItem(points: ReconRow[]): ReconTotal[] {
  const totals = new Map<string, ReconTotal>();
  for (const p of points) {
    let t = totals.get(p.item);
    if (!t) {
      t = { item: p.item, unit: p.unit, ...Object.fromEntries(SUMMED.map((k) => [k, 0])) } as ReconTotal;
      totals.set(p.item, t);
    }
    for (const k of SUMMED) t[k] += p[k];
  }
  return [...totals.values()];
}
