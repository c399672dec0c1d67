// Setting up claims tests: a building with a unit in Gaza City, households that lived there, and a
// remote assessment of the building (as an import would leave it: one damage_import and its row).
import { addUnit } from '../../src/store/reconstruction/addUnit.ts';
import { createBuilding } from '../../src/store/reconstruction/createBuilding.ts';
import { recordOccupancy } from '../../src/store/reconstruction/recordOccupancy.ts';
import { type WriteContext, write } from '../../src/store/write.ts';
import type { DamageClass, Tenure } from '../../src/shared/reconstruction.ts';
import { household } from '../households/support.ts';
import type { TestUser } from '../support/factories.ts';
import type { TestApp } from '../support/testApp.ts';

export const GAZA: [number, number] = [34.4545, 31.5069];

export const run = <T>(t: TestApp, u: TestUser, fn: (ctx: WriteContext) => Promise<T>) =>
  write(t.store.pool, u.actor, { route: 'test' }, async (ctx) => ({ status: 201, body: await fn(ctx) })).then((o) => o.body);

/** A building at a point near Gaza City (offset so that buildings differ) with one unit. */
export async function unitIn(t: TestApp, u: TestUser, offset = 0): Promise<{ buildingId: string; unitId: string }> {
  const b = await run(t, u, (ctx) =>
    createBuilding(ctx, {
      geometry: { type: 'Point', coordinates: [GAZA[0] + offset * 0.0005, GAZA[1]] },
      governorate: null,
      localityId: null,
      use: 'residential',
      floors: 4,
    }),
  );
  const unit = await run(t, u, (ctx) => addUnit(ctx, b.id, { floor: 1, unitNumber: '1A', areaM2: 110 }));
  return { buildingId: b.id, unitId: unit.id };
}

/** A household that lived in the unit from 2015 on, with its tenure. */
export async function occupant(t: TestApp, u: TestUser, unitId: string, tenure: Tenure, relationships: string[] = ['spouse', 'son']) {
  const h = await household(t, u, relationships, '2015-01-01');
  await run(t, u, (ctx) => recordOccupancy(ctx, unitId, { householdId: h.id, tenure, validFrom: '2015-01-01', validTo: null }));
  return h;
}

/** A remote assessment of the building, as an import records it. */
export async function remoteClass(t: TestApp, u: TestUser, buildingId: string, damageClass: DamageClass, imageryDate = '2025-08-05') {
  const imp = await t.db.pool.query<{ id: string }>(
    `INSERT INTO damage_import (org_id, actor_id, file_name, file_sha256, format, tolerance_m, status)
     VALUES ($1,$2,'test.csv', md5(random()::text) || md5(random()::text), 'csv', 15, 'done') RETURNING id`,
    [u.orgId, u.id],
  );
  await t.db.pool.query(
    `INSERT INTO remote_assessment (building_id, import_id, row_number, damage_class, imagery_date, lon, lat, distance_m)
     SELECT $1, $2, 1, $3, $4, b.lon, b.lat, 0 FROM building b WHERE b.id = $1`,
    [buildingId, imp.rows[0]!.id, damageClass, imageryDate],
  );
}
