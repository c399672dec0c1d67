// Records that a household lived in a unit, how (owner, tenant, family of the owner, other) and from
// when to when. The household must be in the actor's scope (404 otherwise, as the registry does);
// its periods in one unit may not overlap. The log names the unit and household ids, nothing else.
// When the unit is habitable, the shelter cash of the household's plans elsewhere ends on the first
// day there (tranches/endShelterOnMove.ts), in the same transaction.
import { errors } from '../../errors.ts';
import type { Occupancy } from '../../reconstruction/building.ts';
import { periodsOverlap } from '../../reconstruction/occupancy.ts';
import type { Tenure } from '../../shared/reconstruction.ts';
import { findHousehold } from '../registry/households/findHousehold.ts';
import type { WriteContext } from '../write.ts';
import { endShelterOnMove } from './tranches/endShelterOnMove.ts';
import { getUnit, OCCUPANCY_COLUMNS, type OccupancyRow, parseOccupancy } from './buildingRow.ts';

export type NewOccupancy = { householdId: string; tenure: Tenure; validFrom: string; validTo: string | null };

export async function recordOccupancy(ctx: WriteContext, unitId: string, n: NewOccupancy): Promise<Occupancy> {
  const { unit } = await getUnit(ctx.client, ctx.actor, unitId);
  if (n.validTo !== null && n.validTo < n.validFrom) throw errors.invalidField('validTo', 'too_small');
  const h = await findHousehold(ctx.client, ctx.actor, n.householdId);
  if (!h) throw errors.invalidField('householdId', 'no_such_record');
  // one writer at a time per unit, so two overlapping periods cannot both pass the check
  await ctx.client.query('SELECT 1 FROM housing_unit WHERE id = $1 FOR UPDATE', [unit.id]);
  const same = await ctx.client.query<OccupancyRow>(
    `SELECT ${OCCUPANCY_COLUMNS} FROM occupancy o WHERE o.unit_id = $1 AND o.household_id = $2`,
    [unit.id, h.id],
  );
  if (same.rows.map(parseOccupancy).some((o) => periodsOverlap(o, n))) throw errors.invalidField('validFrom', 'overlapping_period');
  const r = await ctx.client.query<OccupancyRow>(
    `INSERT INTO occupancy AS o (unit_id, household_id, tenure, valid_from, valid_to, created_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING ${OCCUPANCY_COLUMNS}`,
    [unit.id, h.id, n.tenure, n.validFrom, n.validTo, ctx.actor.userId],
  );
  const o = parseOccupancy(r.rows[0]!);
  await ctx.log({ entity: 'occupancy', entityId: o.id, action: 'create', after: { unitId: unit.id, householdId: h.id, tenure: o.tenure } });
  // moving into a habitable unit ends the shelter cash of the household's plans elsewhere
  await endShelterOnMove(ctx, h.id, unit.id, o.validFrom);
  return o;
}
