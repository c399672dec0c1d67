// The aid decisions as pure functions, without a database: which conflicts a review settles, a
// cycle's transitions, which places a stock movement names, whose stock must cover it, and the
// reconciliation arithmetic.
import { describe, expect, test } from 'vitest';
import { settleConflict } from '../../../src/aid/conflict.ts';
import { cycleTransition } from '../../../src/aid/cycle.ts';
import { assertEnoughStock, checkMovement, type ReconSums, reconcile, stockSource, totalsByItem } from '../../../src/aid/stock.ts';
import { AppError } from '../../../src/errors.ts';

/** The problem id a call throws (undefined when it does not throw). */
function problemOf(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof AppError) return e.id;
    throw e;
  }
}
const fieldsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).errors?.map((x) => x.field);
  }
  return undefined;
};

describe('settleConflict', () => {
  test('a conflict takes the decision, open or reviewed before (a review can be corrected)', () => {
    expect(settleConflict({ status: 'conflict' }, 'duplicate_confirmed')).toBe('duplicate_confirmed');
    expect(settleConflict({ status: 'conflict' }, 'accepted')).toBe('accepted');
  });
  test('the standing redemption, or none, is not found', () => {
    expect(problemOf(() => settleConflict({ status: 'standing' }, 'accepted'))).toBe('not_found');
    expect(problemOf(() => settleConflict(undefined, 'duplicate_confirmed'))).toBe('not_found');
  });
});

describe('cycleTransition', () => {
  test('draft -> generated -> closed', () => {
    expect(cycleTransition('draft', 'generate')).toBe('generated');
    expect(cycleTransition('generated', 'close')).toBe('closed');
  });
  test('generating twice, or after closing, is refused as already generated', () => {
    expect(problemOf(() => cycleTransition('generated', 'generate'))).toBe('cycle_already_generated');
    expect(problemOf(() => cycleTransition('closed', 'generate'))).toBe('cycle_already_generated');
  });
  test('only a generated cycle closes', () => {
    expect(problemOf(() => cycleTransition('draft', 'close'))).toBe('cycle_not_generated');
    expect(problemOf(() => cycleTransition('closed', 'close'))).toBe('cycle_not_generated');
  });
});

describe('checkMovement and stockSource', () => {
  const W = 'w',
    P = 'p',
    C = 'c';
  test('a receipt names a warehouse and no point; it takes from no stock', () => {
    expect(problemOf(() => checkMovement({ kind: 'receipt', quantity: 1, warehouseId: W }))).toBeUndefined();
    expect(fieldsOf(() => checkMovement({ kind: 'receipt', quantity: 1 }))).toEqual(['warehouseId']);
    expect(fieldsOf(() => checkMovement({ kind: 'receipt', quantity: 1, warehouseId: W, pointId: P }))).toEqual(['pointId']);
    expect(stockSource({ kind: 'receipt', quantity: 1, warehouseId: W })).toBeUndefined();
  });
  test('a dispatch and a return name a warehouse, a point and a cycle', () => {
    for (const kind of ['dispatch', 'return'] as const) {
      expect(problemOf(() => checkMovement({ kind, quantity: 1, warehouseId: W, pointId: P, cycleId: C }))).toBeUndefined();
      expect(fieldsOf(() => checkMovement({ kind, quantity: 1, warehouseId: W, pointId: P }))).toEqual(['cycleId']);
      expect(fieldsOf(() => checkMovement({ kind, quantity: 1, pointId: P, cycleId: C }))).toEqual(['warehouseId']);
    }
    expect(stockSource({ kind: 'dispatch', quantity: 1, warehouseId: W, pointId: P, cycleId: C })).toBe('warehouse');
    expect(stockSource({ kind: 'return', quantity: 1, warehouseId: W, pointId: P, cycleId: C })).toBe('point');
  });
  test('a loss or damage happens in a warehouse or at a point (with its cycle), not both nor neither', () => {
    for (const kind of ['loss', 'damage'] as const) {
      expect(stockSource({ kind, quantity: 1, warehouseId: W })).toBe('warehouse');
      expect(stockSource({ kind, quantity: 1, pointId: P, cycleId: C })).toBe('point');
      expect(fieldsOf(() => checkMovement({ kind, quantity: 1, warehouseId: W, pointId: P, cycleId: C }))).toEqual(['warehouseId']);
      expect(fieldsOf(() => checkMovement({ kind, quantity: 1 }))).toEqual(['warehouseId']);
      expect(fieldsOf(() => checkMovement({ kind, quantity: 1, pointId: P }))).toEqual(['cycleId']);
    }
  });
});

test('assertEnoughStock: on hand must cover the quantity taken, naming where it is short', () => {
  expect(problemOf(() => assertEnoughStock('warehouse', 10, 10))).toBeUndefined();
  expect(problemOf(() => assertEnoughStock('point', 9.5, 10))).toBe('not_enough_stock');
  expect(problemOf(() => assertEnoughStock('warehouse', 0, 0.001))).toBe('not_enough_stock');
});

describe('reconcile', () => {
  const sums = (over: Partial<ReconSums> = {}): ReconSums => ({
    pointId: 'p1',
    item: 'food_parcel',
    unit: 'parcel',
    entitled: 10,
    entitledHouseholds: 8,
    standing: 6,
    conflicts: 0,
    redeemedHouseholds: 5,
    dispatched: 10,
    returned: 0,
    lost: 0,
    ...over,
  });
  test('all handed out and accounted for: balanced, no flags', () => {
    const r = reconcile(sums({ standing: 10, dispatched: 12, returned: 1, lost: 1 }));
    expect(r).toMatchObject({ distributed: 10, remaining: 0, outstanding: 0, balanced: true, flags: [] });
  });
  test('conflicts count as distributed (the goods went out) and are flagged', () => {
    const r = reconcile(sums({ standing: 6, conflicts: 2 }));
    expect(r).toMatchObject({ distributed: 8, remaining: 2, outstanding: 4, balanced: true });
    expect(r.flags).toEqual(['conflicts', 'undelivered']);
  });
  test('more handed out than dispatched: a shortfall, not balanced', () => {
    const r = reconcile(sums({ standing: 9, conflicts: 2, dispatched: 10 }));
    expect(r.remaining).toBe(-1);
    expect(r.balanced).toBe(false);
    expect(r.flags).toEqual(['conflicts', 'stock_shortfall', 'undelivered']);
  });
  test('entitlements with no point are flagged unassigned', () => {
    expect(reconcile(sums({ pointId: null, standing: 0, dispatched: 0 })).flags).toEqual(['unassigned', 'undelivered']);
  });
  test('totals add up each item over its points', () => {
    const points = [
      reconcile(sums({ pointId: 'p1' })),
      reconcile(sums({ pointId: 'p2', standing: 2 })),
      reconcile(sums({ item: 'hygiene_kit', unit: 'kit' })),
    ];
    const totals = totalsByItem(points);
    expect(totals.map((t) => t.item)).toEqual(['food_parcel', 'hygiene_kit']);
    expect(totals[0]).toMatchObject({
      unit: 'parcel',
      entitled: 20,
      standing: 8,
      distributed: 8,
      dispatched: 20,
      remaining: 12,
      outstanding: 12,
    });
    expect(totals[0]).not.toHaveProperty('flags');
    expect(totals[1]).toMatchObject({ unit: 'kit', entitled: 10, standing: 6 });
  });
});
