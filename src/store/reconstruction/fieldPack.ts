// What an engineer takes into the field: the buildings of a governorate of theirs (at most
// FIELD_PACK_MAX_BUILDINGS, those nearest a point first when one is given) with their units, so
// that a building can be picked from a list or by location with no connection. No personal data.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { FIELD_PACK_MAX_BUILDINGS } from '../../shared/fieldAssessment.ts';
import type { BuildingUse } from '../../shared/reconstruction.ts';

export type PackBuilding = {
  id: string;
  governorate: string;
  use: BuildingUse;
  floors: number | null;
  lon: number;
  lat: number;
  units: { id: string; floor: number; unitNumber: string }[];
};

export async function fieldPack(
  db: pg.Pool,
  actor: Actor,
  governorate: string,
  near: { lon: number; lat: number } | null,
): Promise<PackBuilding[]> {
  if (!actor.governorates.includes(governorate)) throw errors.outsideGovernorates('governorate');
  const order = near ? '(b.lon - $3) ^ 2 + ((b.lat - $4) * 1.18) ^ 2, b.id' : 'b.created_at, b.id';
  const r = await db.query<{ id: string; governorate: string; use: BuildingUse; floors: number | null; lon: number; lat: number }>(
    `SELECT b.id, b.governorate, b.use, b.floors, b.lon, b.lat FROM building b
      WHERE b.org_id = $1 AND b.governorate = $2 ORDER BY ${order} LIMIT ${FIELD_PACK_MAX_BUILDINGS}`,
    near ? [actor.orgId, governorate, near.lon, near.lat] : [actor.orgId, governorate],
  );
  const units = await db.query<{ id: string; building_id: string; floor: number; unit_number: string }>(
    'SELECT id, building_id, floor, unit_number FROM housing_unit WHERE building_id = ANY($1::uuid[]) ORDER BY floor, unit_number',
    [r.rows.map((b) => b.id)],
  );
  const unitsOf = new Map<string, PackBuilding['units']>();
  for (const u of units.rows)
    (unitsOf.get(u.building_id) ?? unitsOf.set(u.building_id, []).get(u.building_id)!).push({
      id: u.id,
      floor: u.floor,
      unitNumber: u.unit_number,
    });
  return r.rows.map((b) => ({ ...b, units: unitsOf.get(b.id) ?? [] }));
}
