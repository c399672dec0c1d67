// A cycle's life and its stock through the API, on an empty registry: open, generate, close (each
// step once, in order); receipts, dispatches, returns and losses only from stock on hand; the
// warehouse balance and the reconciliation answer their exact schemas. Another organisation: 404;
// roles outside the matrix: 403.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { Reconciliation, WarehouseStock } from '../../../src/api/routes/aid/schema.ts';
import type { TestUser } from '../../support/factories.ts';
import { useTestApp } from '../../support/testApp.ts';

const t = useTestApp();
let officer: TestUser;
let ids: { item: string; warehouse: string; point: string; programme: string; cycle: string };
const today = new Date().toISOString().slice(0, 10);

const created = async (res: Promise<{ statusCode: number; json: () => any }>) => {
  const r = await res;
  expect(r.statusCode, JSON.stringify(r.json())).toBe(201);
  return r.json().id as string;
};
const move = (body: object, u: TestUser = officer) => t.post(u, '/api/v1/aid/stock', { date: today, itemId: ids.item, ...body });
const problem = (r: { statusCode: number; json: () => any }) => [r.statusCode, r.json().type];

beforeAll(async () => {
  officer = await t.user({ role: 'distribution_officer' });
  const item = await created(t.post(officer, '/api/v1/aid/items', { code: 'tarp', name: 'Tarpaulin', unit: 'sheet', sector: 'shelter' }));
  const warehouse = await created(t.post(officer, '/api/v1/aid/warehouses', { name: 'Main store', governorate: 'PS0270' }));
  const point = await created(t.post(officer, '/api/v1/aid/points', { name: 'East gate', governorate: 'PS0270' }));
  const programme = await created(t.post(officer, '/api/v1/aid/programmes', { name: 'Shelter kits', sector: 'shelter' }));
  const cycle = await created(t.post(officer, `/api/v1/aid/programmes/${programme}/cycles`, { cutoffDate: today }));
  ids = { item, warehouse, point, programme, cycle };
});

test('a cycle closes only once generated, and generates once', async () => {
  const c = `/api/v1/aid/cycles/${ids.cycle}`;
  expect(problem(await t.post(officer, `${c}/close`))).toEqual([409, '/problems/cycle_not_generated']);
  const gen = await t.post(officer, `${c}/generate`);
  expect(gen.statusCode).toBe(200);
  expect(gen.json()).toMatchObject({ cycleId: ids.cycle, households: 0, entitlements: 0 });
  expect(problem(await t.post(officer, `${c}/generate`))).toEqual([409, '/problems/cycle_already_generated']);
  expect((await t.get(officer, c)).json().cycle.status).toBe('generated');
  const close = await t.post(officer, `${c}/close`);
  expect(close.statusCode).toBe(200);
  expect(close.json()).toMatchObject({ id: ids.cycle, status: 'closed' });
  expect(problem(await t.post(officer, `${c}/close`))).toEqual([409, '/problems/cycle_not_generated']);
  expect(problem(await t.post(officer, `${c}/generate`))).toEqual([409, '/problems/cycle_already_generated']);
});

test('stock moves only from what is on hand; the balance and the reconciliation add up', async () => {
  const cycleId = ids.cycle;
  const { warehouse: warehouseId, point: pointId } = ids;
  expect((await move({ kind: 'receipt', quantity: 10, warehouseId })).statusCode).toBe(201);
  expect(problem(await move({ kind: 'dispatch', quantity: 12, warehouseId, pointId, cycleId }))).toEqual([
    409,
    '/problems/not_enough_stock',
  ]);
  expect((await move({ kind: 'dispatch', quantity: 5, warehouseId, pointId, cycleId })).statusCode).toBe(201);
  expect(problem(await move({ kind: 'return', quantity: 6, warehouseId, pointId, cycleId }))).toEqual([409, '/problems/not_enough_stock']);
  expect((await move({ kind: 'return', quantity: 1, warehouseId, pointId, cycleId })).statusCode).toBe(201);
  expect((await move({ kind: 'loss', quantity: 2, pointId, cycleId })).statusCode).toBe(201);
  expect((await move({ kind: 'damage', quantity: 6, warehouseId })).statusCode).toBe(201);
  expect(problem(await move({ kind: 'loss', quantity: 0.5, warehouseId }))).toEqual([409, '/problems/not_enough_stock']);

  const stock = WarehouseStock.parse((await t.get(officer, `/api/v1/aid/warehouses/${warehouseId}/stock`)).json());
  expect(stock.items).toEqual([{ item: 'tarp', unit: 'sheet', received: 10, dispatched: 5, returned: 1, lost: 6, onHand: 0 }]);
  const recon = Reconciliation.parse((await t.get(officer, `/api/v1/aid/cycles/${cycleId}/reconciliation`)).json());
  expect(recon.points).toEqual([
    expect.objectContaining({
      pointId,
      item: 'tarp',
      dispatched: 5,
      returned: 1,
      lost: 2,
      distributed: 0,
      remaining: 2,
      balanced: true,
      flags: [],
    }),
  ]);
  expect(recon.totals).toEqual([expect.objectContaining({ item: 'tarp', dispatched: 5, remaining: 2 })]);
});

test('a movement names the places its kind needs', async () => {
  const res = await move({ kind: 'dispatch', quantity: 1, warehouseId: ids.warehouse, pointId: ids.point });
  expect(res.statusCode).toBe(422);
  expect(res.json().errors).toEqual([{ field: 'cycleId', reason: 'required_for_kind' }]);
  const unknownItem = await t.post(officer, '/api/v1/aid/stock', {
    kind: 'receipt',
    quantity: 1,
    warehouseId: ids.warehouse,
    itemId: randomUUID(),
  });
  expect(unknownItem.statusCode).toBe(422);
  expect(unknownItem.json().errors.map((e: { field: string }) => e.field)).toEqual(['itemId']);
});

test('another organisation: 404 for the cycle steps, the warehouse balance and a movement into its warehouse', async () => {
  const outsider = await t.user({ role: 'distribution_officer' });
  const item = await created(t.post(outsider, '/api/v1/aid/items', { code: 'tarp', name: 'Tarpaulin', unit: 'sheet', sector: 'shelter' }));
  expect((await t.post(outsider, `/api/v1/aid/cycles/${ids.cycle}/close`)).statusCode).toBe(404);
  expect((await t.post(outsider, `/api/v1/aid/cycles/${ids.cycle}/generate`)).statusCode).toBe(404);
  expect((await t.get(outsider, `/api/v1/aid/warehouses/${ids.warehouse}/stock`)).statusCode).toBe(404);
  expect((await t.get(outsider, `/api/v1/aid/cycles/${ids.cycle}/reconciliation`)).statusCode).toBe(404);
  const into = await t.post(outsider, '/api/v1/aid/stock', {
    kind: 'receipt',
    quantity: 1,
    warehouseId: ids.warehouse,
    itemId: item,
    date: today,
  });
  expect(into.statusCode).toBe(404);
});

test('roles the matrix does not allow: 403', async () => {
  const analyst = await t.user({ role: 'analyst', orgId: officer.orgId });
  const siteManager = await t.user({ role: 'site_manager', orgId: officer.orgId });
  expect((await move({ kind: 'receipt', quantity: 1, warehouseId: ids.warehouse }, analyst)).statusCode).toBe(403);
  expect((await t.post(siteManager, `/api/v1/aid/cycles/${ids.cycle}/close`)).statusCode).toBe(403);
  expect((await t.get(siteManager, `/api/v1/aid/warehouses/${ids.warehouse}/stock`)).statusCode).toBe(403);
  // the analyst reads the balance
  expect((await t.get(analyst, `/api/v1/aid/warehouses/${ids.warehouse}/stock`)).statusCode).toBe(200);
});
