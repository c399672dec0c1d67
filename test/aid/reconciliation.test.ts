// Stock and reconciliation on a generated cycle: receipts, dispatches of the entitled quantities to
// each point, offline redemptions (with a conflict), a loss and a return; per point and item,
// dispatched = distributed + lost + returned + remaining, to the unit.
import { beforeAll, expect, test } from 'vitest';
import { scenario, type Scenario } from '../support/aidScenario.ts';
import { Device, injectTransport } from '../support/device.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let s: Scenario;
beforeAll(async () => {
  s = await scenario(t, { households: 240 });
});

type Row = {
  pointId: string | null;
  item: string;
  entitled: number;
  distributed: number;
  standing: number;
  conflicts: number;
  dispatched: number;
  returned: number;
  lost: number;
  remaining: number;
  outstanding: number;
  balanced: boolean;
  flags: string[];
};

type Entitled = { point_id: string | null; item_id: string; q: string };
const stock = (body: Record<string, unknown>) => s.post(s.officer, '/api/v1/aid/stock', body);
const sumOf = async (sql: string, p: unknown[]) => Number((await t.db.pool.query<{ q: string }>(sql, p)).rows[0]!.q ?? 0);

/** Receipts into the warehouse and dispatches of each point's entitlement (a reserve of 5 at the Gaza point); too much is refused first. */
async function stockThePoints(warehouseId: string): Promise<Entitled[]> {
  // what each point is entitled to, per item
  const ent = (
    await t.db.pool.query<Entitled>('SELECT point_id, item_id, sum(quantity) AS q FROM entitlement WHERE cycle_id = $1 GROUP BY 1, 2', [
      s.cycleId,
    ])
  ).rows;
  const need = new Map<string, number>();
  for (const e of ent) need.set(e.item_id, (need.get(e.item_id) ?? 0) + Number(e.q));
  // not enough stock: refused
  const [firstItem] = [...need.keys()];
  const tooMuch = await stock({
    kind: 'dispatch',
    itemId: firstItem,
    quantity: 1,
    warehouseId,
    pointId: s.points.gaza,
    cycleId: s.cycleId,
  });
  expect(tooMuch.status).toBe(409);
  for (const [item, q] of need) expect((await stock({ kind: 'receipt', itemId: item, quantity: q + 10, warehouseId })).status).toBe(201);
  for (const e of ent) {
    if (!e.point_id) continue;
    const r = await stock({
      kind: 'dispatch',
      itemId: e.item_id,
      quantity: Number(e.q) + (e.point_id === s.points.gaza ? 5 : 0),
      warehouseId,
      pointId: e.point_id,
      cycleId: s.cycleId,
    }); // a reserve of 5 at the Gaza point
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  return ent;
}

/** Two devices at the Gaza point, offline; both serve some of the same households (conflicts). */
async function redeemOnTwoDevices(): Promise<void> {
  const a = new Device('rec-a', s.points.gaza, injectTransport(t.app, s.officer.auth));
  const b = new Device('rec-b', s.points.gaza, injectTransport(t.app, s.officer.auth));
  const m = await a.download(s.cycleId);
  await b.download(s.cycleId);
  const hhs = [...new Set(m.entitlements.map((e) => e.householdId))].filter((h) => s.cards.has(h));
  for (const h of hhs.slice(0, Math.floor(hhs.length / 2))) a.redeemOffline(s.cards.get(h)!.token);
  for (const h of hhs.slice(Math.floor(hhs.length / 2) - 2)) b.redeemOffline(s.cards.get(h)!.token);
  await a.sync(25);
  await b.sync(25);
}

/** A damaged parcel and a return at the Gaza point (when some is left there); a return of more than is there is refused. Returns the food row before the return. */
async function damageAndReturn(warehouseId: string, food: string): Promise<Row> {
  const atGaza = { itemId: food, pointId: s.points.gaza, cycleId: s.cycleId };
  expect((await stock({ kind: 'damage', ...atGaza, quantity: 1, note: 'torn' })).status).toBe(201);
  const recon0 = (await s.get(s.officer, `/api/v1/aid/cycles/${s.cycleId}/reconciliation`)).body;
  const foodRow0 = (recon0.points as Row[]).find((r) => r.pointId === s.points.gaza && r.item === 'food_parcel')!;
  if (foodRow0.remaining > 0) expect((await stock({ kind: 'return', ...atGaza, quantity: 1, warehouseId })).status).toBe(201);
  // a return of more than is there is refused
  expect((await stock({ kind: 'return', ...atGaza, quantity: 1e6, warehouseId })).status).toBe(409);
  return foodRow0;
}

/** Each point's row against the tables, to the unit. */
async function expectRowsMatchTables(rows: Row[]): Promise<void> {
  for (const r of rows.filter((x) => x.pointId)) {
    const item = s.items[r.item]!;
    expect(r.entitled).toBe(
      await sumOf('SELECT coalesce(sum(quantity), 0) AS q FROM entitlement WHERE cycle_id = $1 AND point_id = $2 AND item_id = $3', [
        s.cycleId,
        r.pointId,
        item,
      ]),
    );
    expect(r.standing).toBe(
      await sumOf(
        "SELECT coalesce(sum(e.quantity), 0) AS q FROM redemption r JOIN entitlement e ON e.id = r.entitlement_id WHERE r.cycle_id = $1 AND r.point_id = $2 AND r.item_id = $3 AND r.status = 'standing'",
        [s.cycleId, r.pointId, item],
      ),
    );
    expect(r.dispatched).toBe(r.entitled + (r.pointId === s.points.gaza ? 5 : 0)); // we dispatched the entitlement (plus the reserve)
    expect(r.balanced).toBe(r.remaining >= 0);
  }
}

test('reconciliation balances to the unit on a generated cycle', async () => {
  const wh = await s.post(s.officer, '/api/v1/aid/warehouses', { name: 'Rafah warehouse', governorate: 'PS0275' });
  expect(wh.status).toBe(201);
  const ent = await stockThePoints(wh.body.id);
  await redeemOnTwoDevices();
  const food = s.items.food_parcel!;
  const foodRow0 = await damageAndReturn(wh.body.id, food);

  const res = await s.get(s.officer, `/api/v1/aid/cycles/${s.cycleId}/reconciliation`);
  expect(res.status).toBe(200);
  const rows = res.body.points as Row[];
  for (const r of rows) {
    expect(r.dispatched).toBe(r.distributed + r.lost + r.returned + r.remaining);
    expect(r.distributed).toBe(r.standing + r.conflicts);
    expect(r.outstanding).toBe(r.entitled - r.standing);
  }
  await expectRowsMatchTables(rows);
  const gazaFood = rows.find((r) => r.pointId === s.points.gaza && r.item === 'food_parcel')!;
  expect(gazaFood.conflicts).toBeGreaterThan(0);
  expect(gazaFood.flags).toContain('conflicts');
  expect(gazaFood.lost).toBe(1);
  // totals: the sum of the points
  for (const total of res.body.totals as Row[]) {
    const parts = rows.filter((r) => r.item === total.item);
    for (const k of ['entitled', 'distributed', 'dispatched', 'lost', 'returned', 'remaining'] as const)
      expect(total[k]).toBe(parts.reduce((acc, r) => acc + r[k], 0));
  }
  // warehouse: receipts - dispatches + returns = what is left (10 per item, plus returns)
  const left = await sumOf(
    "SELECT sum(CASE WHEN kind IN ('receipt','return') THEN quantity ELSE -quantity END) AS q FROM stock_movement WHERE warehouse_id = $1 AND item_id = $2",
    [wh.body.id, food],
  );
  const assignedFood = ent.filter((e) => e.item_id === food && !e.point_id).reduce((acc, e) => acc + Number(e.q), 0);
  expect(left).toBe(10 + assignedFood - 5 + (foodRow0.remaining > 0 ? 1 : 0));
  const bal = await s.get(s.officer, `/api/v1/aid/warehouses/${wh.body.id}/stock`);
  expect(bal.status).toBe(200);
  const foodBal = bal.body.items.find((i: { item: string }) => i.item === 'food_parcel');
  expect(foodBal.onHand).toBe(left);
  expect(foodBal.received - foodBal.dispatched + foodBal.returned - foodBal.lost).toBe(foodBal.onHand);
});
