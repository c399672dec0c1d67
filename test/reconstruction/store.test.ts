// The reconstruction store on real PostgreSQL: a building placed from its geometry (governorate
// derived, outside Palestine refused naming the field, nothing stored), a housing unit, occupancy
// over time and "who lived in this unit on D" (the read logged).
import { expect, test } from 'vitest';
import { addUnit } from '../../src/store/reconstruction/addUnit.ts';
import { createBuilding, type NewBuilding } from '../../src/store/reconstruction/createBuilding.ts';
import { recordOccupancy } from '../../src/store/reconstruction/recordOccupancy.ts';
import { unitOccupancy } from '../../src/store/reconstruction/unitOccupancy.ts';
import { type WriteContext, write } from '../../src/store/write.ts';
import { household } from '../households/support.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();

/** A point in Gaza City (PS0260), and one in the sea off it. */
const GAZA: [number, number] = [34.4545, 31.5069];
const SEA: [number, number] = [34.3, 31.55];

const run = <T>(u: TestUser, fn: (ctx: WriteContext) => Promise<T>) =>
  write(t.store.pool, u.actor, { route: 'test' }, async (ctx) => ({ status: 201, body: await fn(ctx) })).then((o) => o.body);

const point = (c: [number, number]): NewBuilding => ({
  geometry: { type: 'Point', coordinates: c },
  governorate: null,
  localityId: null,
  use: 'residential',
  floors: 3,
});

test('a building is placed in the governorate its location lies in; outside Palestine or another governorate is refused and nothing stored', async () => {
  const engineer = await t.user({ role: 'engineer' });
  const b = await run(engineer, (ctx) => createBuilding(ctx, point(GAZA)));
  expect(b).toMatchObject({ governorate: 'PS0260', use: 'residential', floors: 3, point: { lon: GAZA[0], lat: GAZA[1] }, source: 'field' });
  const count = async () =>
    (await t.db.pool.query('SELECT count(*)::int AS n FROM building WHERE org_id = $1', [engineer.orgId])).rows[0].n;
  expect(await count()).toBe(1);
  await expect(run(engineer, (ctx) => createBuilding(ctx, point(SEA)))).rejects.toMatchObject({
    errors: [{ field: 'geometry.coordinates', reason: 'outside_palestine' }],
  });
  await expect(run(engineer, (ctx) => createBuilding(ctx, { ...point(GAZA), governorate: 'PS0275' }))).rejects.toMatchObject({
    errors: [{ field: 'governorate', reason: 'governorate_mismatch' }],
  });
  const square = (d: number, n: number) => {
    const ring: [number, number][] = [];
    for (let i = 0; i < n; i++) ring.push([GAZA[0] + d * Math.cos((2 * Math.PI * i) / n), GAZA[1] + d * Math.sin((2 * Math.PI * i) / n)]);
    ring.push(ring[0]!);
    return { type: 'Polygon', coordinates: [ring] };
  };
  await expect(run(engineer, (ctx) => createBuilding(ctx, { ...point(GAZA), geometry: square(0.0001, 600) }))).rejects.toMatchObject({
    errors: [{ field: 'geometry.coordinates', reason: 'too_many_vertices', params: { max: 500 } }],
  });
  const footprint = await run(engineer, (ctx) => createBuilding(ctx, { ...point(GAZA), geometry: square(0.0001, 8) }));
  expect(footprint.governorate).toBe('PS0260');
  expect(Math.abs(footprint.point.lon - GAZA[0])).toBeLessThan(1e-9);
  expect(await count()).toBe(2);
  const westBankOnly = await t.user({ role: 'engineer', orgId: engineer.orgId, governorates: ['PS0115'] });
  await expect(run(westBankOnly, (ctx) => createBuilding(ctx, point(GAZA)))).rejects.toMatchObject({ status: 422 });
});

test('units and occupancy over time: who lived in the unit on a day; overlapping periods of one household refused', async () => {
  const officer = await t.user({ role: 'registration_officer' });
  const owner = await household(t, officer, []);
  const tenant = await household(t, officer, ['spouse']);
  const b = await run(officer, (ctx) => createBuilding(ctx, point(GAZA)));
  const unit = await run(officer, (ctx) => addUnit(ctx, b.id, { floor: 1, unitNumber: '1A', areaM2: 120.5 }));
  expect(unit).toMatchObject({ buildingId: b.id, floor: 1, unitNumber: '1A', areaM2: 120.5 });
  await expect(run(officer, (ctx) => addUnit(ctx, b.id, { floor: 1, unitNumber: '1A', areaM2: null }))).rejects.toMatchObject({
    errors: [{ field: 'unitNumber', reason: 'taken' }],
  });
  await expect(run(officer, (ctx) => addUnit(ctx, b.id, { floor: 3, unitNumber: '3A', areaM2: null }))).rejects.toMatchObject({
    errors: [{ field: 'floor', reason: 'too_big' }],
  });
  await run(officer, (ctx) =>
    recordOccupancy(ctx, unit.id, { householdId: owner.id, tenure: 'owner', validFrom: '2015-01-01', validTo: '2020-12-31' }),
  );
  await run(officer, (ctx) =>
    recordOccupancy(ctx, unit.id, { householdId: tenant.id, tenure: 'tenant', validFrom: '2021-01-01', validTo: null }),
  );
  await expect(
    run(officer, (ctx) =>
      recordOccupancy(ctx, unit.id, { householdId: owner.id, tenure: 'owner', validFrom: '2020-06-01', validTo: null }),
    ),
  ).rejects.toMatchObject({ errors: [{ field: 'validFrom', reason: 'overlapping_period' }] });
  const on2018 = await unitOccupancy(t.store.pool, officer.actor, unit.id, '2018-05-05');
  expect(on2018.map((o) => [o.householdId, o.tenure])).toEqual([[owner.id, 'owner']]);
  expect(on2018[0]!.head?.id).toBe(owner.head);
  const on2023 = await unitOccupancy(t.store.pool, officer.actor, unit.id, '2023-10-07');
  expect(on2023.map((o) => o.householdId)).toEqual([tenant.id]);
  expect((await unitOccupancy(t.store.pool, officer.actor, unit.id, null)).length).toBe(2);
  const log = await t.db.pool.query("SELECT after FROM change_log WHERE entity = 'occupancy_list' AND entity_id = $1 ORDER BY seq", [
    unit.id,
  ]);
  expect(log.rows.map((r) => r.after.households)).toEqual([[owner.id], [tenant.id], [owner.id, tenant.id]]);
  // another organisation's officer sees no such unit, and may not name this household
  const other = await t.user({ role: 'registration_officer' });
  await expect(unitOccupancy(t.store.pool, other.actor, unit.id, null)).rejects.toMatchObject({ status: 404 });
  const theirs = await run(other, (ctx) => createBuilding(ctx, point(GAZA)));
  const theirUnit = await run(other, (ctx) => addUnit(ctx, theirs.id, { floor: 0, unitNumber: 'G', areaM2: null }));
  await expect(
    run(other, (ctx) =>
      recordOccupancy(ctx, theirUnit.id, { householdId: owner.id, tenure: 'owner', validFrom: '2015-01-01', validTo: null }),
    ),
  ).rejects.toMatchObject({ errors: [{ field: 'householdId', reason: 'no_such_record' }] });
});
