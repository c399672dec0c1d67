// One photo's bytes (already stripped of metadata when stored), for a reader of assessments whose
// scope holds the building; the read is logged (who saw which photo).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import type { PhotoType } from '../../shared/fieldAssessment.ts';
import { isUuid } from '../../shared/ids.ts';
import { appendLog } from '../write.ts';
import { getBuilding } from './buildingRow.ts';

export async function readFieldPhoto(db: pg.Pool, actor: Actor, id: string): Promise<{ mediaType: PhotoType; bytes: Buffer }> {
  if (!isUuid(id)) throw errors.notFound('photo');
  const r = await db.query<{ media_type: PhotoType; bytes: Buffer; building_id: string; org_id: string }>(
    `SELECT p.media_type, p.bytes, a.building_id, a.org_id FROM field_photo p JOIN field_assessment a ON a.id = p.assessment_id WHERE p.id = $1`,
    [id],
  );
  const row = r.rows[0];
  if (!row || row.org_id !== actor.orgId) throw errors.notFound('photo');
  await getBuilding(db, actor, row.building_id).catch(() => {
    throw errors.notFound('photo');
  });
  await appendLog(db, actor, { entity: 'field_photo', entityId: id, action: 'read' });
  return { mediaType: row.media_type, bytes: row.bytes };
}
