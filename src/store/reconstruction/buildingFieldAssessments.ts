// A building's assessments side by side: every field assessment (with its bill and its photos) and
// every remote one, newest first; neither replaces the other.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { RemoteAssessment } from '../../reconstruction/building.ts';
import type { FieldAssessment } from '../../reconstruction/fieldAssessment.ts';
import { ASSESSMENT_COLUMNS, type AssessmentRow, getBuilding, parseAssessment } from './buildingRow.ts';
import { loadFieldAssessments } from './fieldAssessmentRow.ts';

export async function buildingFieldAssessments(
  db: pg.Pool,
  actor: Actor,
  buildingId: string,
): Promise<{ field: FieldAssessment[]; remote: RemoteAssessment[] }> {
  const b = await getBuilding(db, actor, buildingId);
  const remote = await db.query<AssessmentRow>(
    `SELECT ${ASSESSMENT_COLUMNS} FROM remote_assessment a WHERE a.building_id = $1 ORDER BY a.imagery_date DESC, a.created_at DESC`,
    [b.id],
  );
  return { field: await loadFieldAssessments(db, { buildingId: b.id }), remote: remote.rows.map(parseAssessment) };
}
