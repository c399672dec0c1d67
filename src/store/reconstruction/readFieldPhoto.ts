// One photo's bytes from the one photo store (already stripped of metadata when stored): an
// assessment's photo for a reader of assessments whose scope holds the building; an inspection's
// for a reader of the case's plan (its role and scope). Others: 404. The read is logged (who saw
// which photo), for both.
import type pg from 'pg';
import { allows } from '../../access/matrix.ts';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import type { PhotoType } from '../../shared/fieldAssessment.ts';
import { isUuid } from '../../shared/ids.ts';
import { appendReadLog } from '../write.ts';
import { getBuilding } from './buildingRow.ts';
import { getPlan } from './tranches/planRow.ts';

type Row = { media_type: PhotoType; bytes: Buffer; org_id: string; building_id: string | null; case_id: string | null };

/** May the actor see what the photo documents? (The row's organisation is checked first.) */
async function mayRead(db: pg.Pool, actor: Actor, row: Row): Promise<boolean> {
  if (row.building_id)
    return getBuilding(db, actor, row.building_id).then(
      () => true,
      () => false,
    );
  if (!row.case_id || !allows('GET /api/v1/reconstruction/cases/:id/plan', actor.role)) return false;
  return getPlan(db, actor, row.case_id).then(
    () => true,
    () => false,
  );
}

export async function readFieldPhoto(db: pg.Pool, actor: Actor, id: string): Promise<{ mediaType: PhotoType; bytes: Buffer }> {
  if (!isUuid(id)) throw errors.notFound('photo');
  const r = await db.query<Row>(
    `SELECT p.media_type, p.bytes, COALESCE(a.org_id, rp.org_id) AS org_id, a.building_id, i.case_id
       FROM field_photo p
       LEFT JOIN field_assessment a ON a.id = p.assessment_id
       LEFT JOIN stage_inspection i ON i.id = p.inspection_id
       LEFT JOIN reconstruction_plan rp ON rp.case_id = i.case_id
      WHERE p.id = $1`,
    [id],
  );
  const row = r.rows[0];
  if (!row || row.org_id !== actor.orgId || !(await mayRead(db, actor, row))) throw errors.notFound('photo');
  await appendReadLog(db, actor, { entity: 'field_photo', entityId: id, action: 'read' });
  return { mediaType: row.media_type, bytes: row.bytes };
}
