// A reconstruction scene for the claims e2e tests, as the damage import and the occupancy records
// leave it: a residential building in Gaza City destroyed on the imagery, with one unit that two
// seeded (synthetic) households lived in, the first as owner from 2012, the second as tenant from 2019.
import type { Actor } from '../../src/access/actor.ts';
import { addUnit } from '../../src/store/reconstruction/addUnit.ts';
import { createBuilding } from '../../src/store/reconstruction/createBuilding.ts';
import { recordOccupancy } from '../../src/store/reconstruction/recordOccupancy.ts';
import { write } from '../../src/store/write.ts';
import type { TestDb } from '../support/db.ts';
import { apiCaller, apiSignIn, PASSWORD } from './support.ts';

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

/** A seeded user as the store's operations take it, working in every governorate. */
export async function actorOf(db: TestDb, username: string): Promise<Actor> {
  const r = await db.pool.query<{ id: string; org_id: string; role: Actor['role'] }>(
    'SELECT id, org_id, role FROM app_user WHERE username = $1',
    [username],
  );
  const g = await db.pool.query<{ pcode: string }>('SELECT pcode FROM governorate');
  const u = r.rows[0]!;
  return { userId: u.id, orgId: u.org_id, role: u.role, governorates: g.rows.map((x) => x.pcode) };
}

/** A building with one unit near Gaza City (offset so that buildings differ), made by `registrar`. */
export async function unitAt(db: TestDb, registrar: string, offset: number): Promise<{ buildingId: string; unitId: string }> {
  const actor = await actorOf(db, registrar);
  const step = <T>(fn: Parameters<typeof write<T>>[3]) => write(db.pool, actor, { route: 'e2e' }, fn).then((o) => o.body);
  const b = await step(async (ctx) => ({
    status: 201,
    body: await createBuilding(ctx, {
      geometry: { type: 'Point', coordinates: [34.4545 + offset * 0.0005, 31.5069] },
      governorate: null,
      localityId: null,
      use: 'residential',
      floors: 3,
    }),
  }));
  const unit = await step(async (ctx) => ({ status: 201, body: await addUnit(ctx, b.id, { floor: 1, unitNumber: '1A', areaM2: 95 }) }));
  return { buildingId: b.id, unitId: unit.id };
}

/**
 * A destroyed unit the first seeded household owned, its claim checked by `officer`, approved by
 * `committee`, and its grant plan opened: the start of the tranche and shelter-cash tests.
 */
export async function approvedCaseWithPlan(
  db: TestDb,
  url: string,
  users: { registrar: string; officer: string; committee: string },
): Promise<{ caseId: string; code: string; householdId: string; unitId: string }> {
  const registrar = await actorOf(db, users.registrar);
  const { buildingId, unitId } = await unitAt(db, users.registrar, 0);
  const householdId = (await db.pool.query<{ id: string }>('SELECT id FROM household ORDER BY id LIMIT 1')).rows[0]!.id;
  await write(db.pool, registrar, { route: 'e2e' }, async (ctx) => ({
    status: 201,
    body: await recordOccupancy(ctx, unitId, { householdId, tenure: 'owner', validFrom: '2015-01-01', validTo: null }),
  }));
  const imp = await db.pool.query<{ id: string }>(
    `INSERT INTO damage_import (org_id, actor_id, file_name, file_sha256, format, tolerance_m, status)
     VALUES ($1,$2,'unosat.csv', md5(random()::text) || md5(random()::text), 'csv', 15, 'done') RETURNING id`,
    [registrar.orgId, registrar.userId],
  );
  await db.pool.query(
    `INSERT INTO remote_assessment (building_id, import_id, row_number, damage_class, imagery_date, lon, lat, distance_m)
     SELECT $1, $2, 1, 'destroyed', '2025-08-05', b.lon, b.lat, 0 FROM building b WHERE b.id = $1`,
    [buildingId, imp.rows[0]!.id],
  );
  const as = async (u: string) => apiCaller(url, await apiSignIn(url, u, PASSWORD));
  const claim = await (await as(users.registrar))('POST', '/api/v1/reconstruction/claims', {
    unitId,
    householdId,
    basis: 'owner',
    claimedClass: 'destroyed',
    damageDate: '2024-01-10',
  });
  const caseId = claim.caseId as string;
  const officer = await as(users.officer);
  await officer('POST', `/api/v1/reconstruction/cases/${caseId}/check`, { step: 'verified' });
  await (await as(users.committee))('POST', `/api/v1/reconstruction/cases/${caseId}/decision`, {
    decision: 'approved',
    reason: 'Evidence agrees',
  });
  const code = (await officer('POST', `/api/v1/reconstruction/cases/${caseId}/plan`)).code as string;
  return { caseId, code, householdId, unitId };
}
