// Rows of building, housing_unit, occupancy and remote_assessment parsed into domain types, and the
// one read of a building in the actor's scope (organisation and governorates; others do not exist).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import type { Building, HousingUnit, Occupancy, RemoteAssessment } from '../../reconstruction/building.ts';
import type { BuildingGeometry } from '../../reconstruction/geometry.ts';
import { isUuid } from '../../shared/ids.ts';
import type { BuildingSource, BuildingUse, DamageClass, Tenure } from '../../shared/reconstruction.ts';
import { scopeSql } from '../registry/scope.ts';

export const BUILDING_COLUMNS =
  'b.id, b.org_id, b.governorate, b.locality_id, b.use, b.floors, b.geometry, b.lon, b.lat, b.min_lon, b.min_lat, b.max_lon, b.max_lat, b.source, b.created_at, b.version';

export type BuildingRow = {
  id: string;
  org_id: string;
  governorate: string;
  locality_id: string | null;
  use: BuildingUse;
  floors: number | null;
  geometry: BuildingGeometry;
  lon: number;
  lat: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  source: BuildingSource;
  created_at: Date;
  version: number;
};

export const parseBuilding = (r: BuildingRow): Building => ({
  id: r.id,
  orgId: r.org_id,
  governorate: r.governorate,
  localityId: r.locality_id,
  use: r.use,
  floors: r.floors,
  geometry: r.geometry,
  point: { lon: r.lon, lat: r.lat },
  bbox: { minLon: r.min_lon, minLat: r.min_lat, maxLon: r.max_lon, maxLat: r.max_lat },
  source: r.source,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

export const UNIT_COLUMNS = 'u.id, u.building_id, u.floor, u.unit_number, u.area_m2::float8 AS area_m2, u.created_at';
export type UnitRow = { id: string; building_id: string; floor: number; unit_number: string; area_m2: number | null; created_at: Date };
export const parseUnit = (r: UnitRow): HousingUnit => ({
  id: r.id,
  buildingId: r.building_id,
  floor: r.floor,
  unitNumber: r.unit_number,
  areaM2: r.area_m2,
  createdAt: r.created_at.toISOString(),
});

export const OCCUPANCY_COLUMNS =
  "o.id, o.unit_id, o.household_id, o.tenure, to_char(o.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(o.valid_to, 'YYYY-MM-DD') AS valid_to, o.created_at";
export type OccupancyRow = {
  id: string;
  unit_id: string;
  household_id: string;
  tenure: Tenure;
  valid_from: string;
  valid_to: string | null;
  created_at: Date;
};
export const parseOccupancy = (r: OccupancyRow): Occupancy => ({
  id: r.id,
  unitId: r.unit_id,
  householdId: r.household_id,
  tenure: r.tenure,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  createdAt: r.created_at.toISOString(),
});

export const ASSESSMENT_COLUMNS =
  "a.id, a.building_id, a.import_id, a.damage_class, to_char(a.imagery_date, 'YYYY-MM-DD') AS imagery_date, a.distance_m, a.structure_ref, a.created_at";
export type AssessmentRow = {
  id: string;
  building_id: string;
  import_id: string;
  damage_class: DamageClass;
  imagery_date: string;
  distance_m: number;
  structure_ref: string | null;
  created_at: Date;
};
export const parseAssessment = (r: AssessmentRow): RemoteAssessment => ({
  id: r.id,
  buildingId: r.building_id,
  importId: r.import_id,
  damageClass: r.damage_class,
  imageryDate: r.imagery_date,
  distanceM: Math.round(r.distance_m * 10) / 10,
  structureRef: r.structure_ref,
  createdAt: r.created_at.toISOString(),
});

/** A building of the actor's organisation and governorates (404 otherwise). */
export async function getBuilding(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<Building> {
  if (!isUuid(id)) throw errors.notFound('building');
  const scope = scopeSql('b', actor, 2);
  const r = await db.query<BuildingRow>(
    `SELECT ${BUILDING_COLUMNS} FROM building b WHERE b.id = $1 AND ${scope.sql}${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, ...scope.params],
  );
  if (!r.rows[0]) throw errors.notFound('building');
  return parseBuilding(r.rows[0]);
}

/** A housing unit whose building is in the actor's scope, with that building (404 otherwise). */
export async function getUnit(db: pg.Pool | pg.PoolClient, actor: Actor, id: string): Promise<{ unit: HousingUnit; building: Building }> {
  if (!isUuid(id)) throw errors.notFound('housing unit');
  const r = await db.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM housing_unit u WHERE u.id = $1`, [id]);
  if (!r.rows[0]) throw errors.notFound('housing unit');
  const unit = parseUnit(r.rows[0]);
  try {
    return { unit, building: await getBuilding(db, actor, unit.buildingId) };
  } catch {
    throw errors.notFound('housing unit');
  }
}
