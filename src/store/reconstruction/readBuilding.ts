// A building with its housing units and its remote assessments over time (oldest imagery first);
// no personal data (who lived in a unit is read apart: unitOccupancy.ts, logged).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Building, HousingUnit, RemoteAssessment } from '../../reconstruction/building.ts';
import {
  ASSESSMENT_COLUMNS,
  type AssessmentRow,
  getBuilding,
  parseAssessment,
  parseUnit,
  UNIT_COLUMNS,
  type UnitRow,
} from './buildingRow.ts';

export type BuildingFile = Building & { units: HousingUnit[]; assessments: RemoteAssessment[] };

export async function readBuilding(db: pg.Pool, actor: Actor, id: string): Promise<BuildingFile> {
  const b = await getBuilding(db, actor, id);
  const [units, assessments] = await Promise.all([
    db.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM housing_unit u WHERE u.building_id = $1 ORDER BY u.floor, u.unit_number`, [b.id]),
    db.query<AssessmentRow>(
      `SELECT ${ASSESSMENT_COLUMNS} FROM remote_assessment a WHERE a.building_id = $1 ORDER BY a.imagery_date, a.created_at, a.id`,
      [b.id],
    ),
  ]);
  return { ...b, units: units.rows.map(parseUnit), assessments: assessments.rows.map(parseAssessment) };
}
