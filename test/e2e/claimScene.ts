// A reconstruction scene for the claims e2e tests, as the damage import and the occupancy records
// leave it: a residential building in Gaza City destroyed on the imagery, with one unit that two
// seeded (synthetic) households lived in, the first as owner from 2012, the second as tenant from 2019.
import type { TestDb } from '../support/db.ts';

export type Household = { id: string; name: string };

export async function destroyedUnit(db: TestDb, unit: { floor: number; unitNumber: string }) {
  const heads = (
    await db.pool.query<{ household_id: string; full_name: string; org_id: string }>(
      `SELECT m.household_id, p.full_name, h.org_id FROM household_member m JOIN person p ON p.id = m.person_id JOIN household h ON h.id = m.household_id
        WHERE m.relationship = 'head' AND m.valid_to IS NULL ORDER BY h.record_id NULLS LAST, h.id LIMIT 2`,
    )
  ).rows;
  const [owner, tenant] = heads.map((h): Household => ({ id: h.household_id, name: h.full_name })) as [Household, Household];
  const orgId = heads[0]!.org_id;
  const b = await db.pool.query<{ id: string }>(
    `INSERT INTO building (org_id, governorate, use, floors, geometry, lon, lat, min_lon, min_lat, max_lon, max_lat, cell, source)
     VALUES ($1, 'PS0260', 'residential', 3, '{"type":"Point","coordinates":[34.4545,31.5069]}', 34.4545, 31.5069, 34.4545, 31.5069, 34.4545, 31.5069, 1, 'field') RETURNING id`,
    [orgId],
  );
  const unitId = (
    await db.pool.query<{ id: string }>('INSERT INTO housing_unit (building_id, floor, unit_number) VALUES ($1, $2, $3) RETURNING id', [
      b.rows[0]!.id,
      unit.floor,
      unit.unitNumber,
    ])
  ).rows[0]!.id;
  await db.pool.query(
    `INSERT INTO occupancy (unit_id, household_id, tenure, valid_from) VALUES ($1, $2, 'owner', '2012-03-01'), ($1, $3, 'tenant', '2019-09-01')`,
    [unitId, owner.id, tenant.id],
  );
  const imp = await db.pool.query<{ id: string }>(
    `INSERT INTO damage_import (org_id, file_name, file_sha256, format, tolerance_m, status) VALUES ($1, 'unosat.csv', md5(random()::text) || md5(random()::text), 'csv', 15, 'done') RETURNING id`,
    [orgId],
  );
  await db.pool.query(
    `INSERT INTO remote_assessment (building_id, import_id, row_number, damage_class, imagery_date, lon, lat, distance_m)
     VALUES ($1, $2, 1, 'destroyed', '2025-08-05', 34.4545, 31.5069, 2)`,
    [b.rows[0]!.id, imp.rows[0]!.id],
  );
  return { unitId, owner, tenant };
}
