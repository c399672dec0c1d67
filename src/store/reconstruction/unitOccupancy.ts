// Who lived in a unit: every period, or those covering one day ("who lived here on D"), each with
// the household's head. Personal data: the read is logged (the unit and the households shown).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Occupancy } from '../../reconstruction/building.ts';
import { occupantsOn } from '../../reconstruction/occupancy.ts';
import { appendReadLog } from '../write.ts';
import { getUnit, OCCUPANCY_COLUMNS, type OccupancyRow, parseOccupancy } from './buildingRow.ts';

export type OccupancyShown = Occupancy & { head: { id: string; fullName: string } | null; householdRecordId: string | null };

export async function unitOccupancy(db: pg.Pool, actor: Actor, unitId: string, on: string | null): Promise<OccupancyShown[]> {
  const { unit } = await getUnit(db, actor, unitId);
  const r = await db.query<OccupancyRow & { head_id: string | null; head_name: string | null; record_id: string | null }>(
    `SELECT ${OCCUPANCY_COLUMNS}, h.record_id, p.id AS head_id, p.full_name AS head_name
       FROM occupancy o
       JOIN household h ON h.id = o.household_id
       LEFT JOIN household_member m ON m.household_id = h.id AND m.valid_to IS NULL AND m.relationship = 'head'
       LEFT JOIN person p ON p.id = m.person_id
      WHERE o.unit_id = $1
      ORDER BY o.valid_from, o.id`,
    [unit.id],
  );
  const all = r.rows.map((row) => ({
    ...parseOccupancy(row),
    head: row.head_id ? { id: row.head_id, fullName: row.head_name ?? '' } : null,
    householdRecordId: row.record_id,
  }));
  const shown = on ? occupantsOn(all, on) : all;
  await appendReadLog(db, actor, {
    entity: 'occupancy_list',
    entityId: unit.id,
    action: 'read',
    after: { on, households: shown.map((o) => o.householdId) },
  });
  return shown;
}
