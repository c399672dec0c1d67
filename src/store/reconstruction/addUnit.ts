// Adds a housing unit to a building in the actor's scope; a unit number is unique per floor.
import { errors } from '../../errors.ts';
import type { HousingUnit } from '../../reconstruction/building.ts';
import type { WriteContext } from '../write.ts';
import { getBuilding, parseUnit, UNIT_COLUMNS, type UnitRow } from './buildingRow.ts';

export type NewUnit = { floor: number; unitNumber: string; areaM2: number | null };

export async function addUnit(ctx: WriteContext, buildingId: string, n: NewUnit): Promise<HousingUnit> {
  const b = await getBuilding(ctx.client, ctx.actor, buildingId, true);
  if (b.floors !== null && n.floor >= b.floors) throw errors.invalidField('floor', 'too_big', { max: b.floors - 1 });
  const r = await ctx.client.query<UnitRow>(
    `INSERT INTO housing_unit AS u (building_id, floor, unit_number, area_m2, created_by) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (building_id, floor, unit_number) DO NOTHING RETURNING ${UNIT_COLUMNS}`,
    [b.id, n.floor, n.unitNumber, n.areaM2, ctx.actor.userId],
  );
  if (!r.rows[0]) throw errors.invalidField('unitNumber', 'taken');
  const unit = parseUnit(r.rows[0]);
  await ctx.log({ entity: 'housing_unit', entityId: unit.id, action: 'create', after: { buildingId: b.id, floor: unit.floor } });
  return unit;
}
