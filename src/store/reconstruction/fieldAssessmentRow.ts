// Rows of field_assessment, its lines and its photos (without their bytes) parsed into the domain's
// field assessment; the read of those of some ids, newest first.
import type pg from 'pg';
import type { BoqLine, FieldAssessment, FieldPhoto } from '../../reconstruction/fieldAssessment.ts';
import type { FieldDamageClass, PhotoType } from '../../shared/fieldAssessment.ts';

type AssessmentRow = {
  id: string;
  building_id: string;
  unit_id: string | null;
  damage_class: FieldDamageClass;
  habitable: boolean;
  notes: string | null;
  assessed_on: string;
  assessor_id: string;
  assessor_name: string;
  total_usd: number;
  created_at: Date;
};

/** The assessments of these ids (or of this building), each with its bill and its photos. */
export async function loadFieldAssessments(
  db: pg.Pool | pg.PoolClient,
  where: { ids: string[] } | { buildingId: string },
): Promise<FieldAssessment[]> {
  const [cond, arg] = 'ids' in where ? ['a.id = ANY($1::uuid[])', where.ids] : ['a.building_id = $1', where.buildingId];
  const r = await db.query<AssessmentRow>(
    `SELECT a.id, a.building_id, a.unit_id, a.damage_class, a.habitable, a.notes, to_char(a.assessed_on, 'YYYY-MM-DD') AS assessed_on,
            a.assessor_id, u.username AS assessor_name, a.total_usd::float8 AS total_usd, a.created_at
       FROM field_assessment a JOIN app_user u ON u.id = a.assessor_id
      WHERE ${cond} ORDER BY a.assessed_on DESC, a.created_at DESC`,
    [arg],
  );
  const ids = r.rows.map((a) => a.id);
  const lines = await db.query<{ assessment_id: string; line_no: number; item_code: string; q: number; c: number; t: number }>(
    `SELECT assessment_id, line_no, item_code, quantity::float8 AS q, unit_cost_usd::float8 AS c, line_total_usd::float8 AS t
       FROM field_assessment_line WHERE assessment_id = ANY($1::uuid[]) ORDER BY assessment_id, line_no`,
    [ids],
  );
  const photos = await db.query<{
    id: string;
    assessment_id: string;
    media_type: PhotoType;
    byte_size: number;
    lon: number | null;
    lat: number | null;
    taken_at: Date;
  }>(
    `SELECT id, assessment_id, media_type, byte_size, lon, lat, taken_at
       FROM field_photo WHERE assessment_id = ANY($1::uuid[]) ORDER BY assessment_id, taken_at, id`,
    [ids],
  );
  const linesOf = new Map<string, BoqLine[]>();
  for (const l of lines.rows)
    (linesOf.get(l.assessment_id) ?? linesOf.set(l.assessment_id, []).get(l.assessment_id)!).push({
      lineNo: l.line_no,
      itemCode: l.item_code,
      quantity: l.q,
      unitCostUsd: l.c,
      lineTotalUsd: l.t,
    });
  const photosOf = new Map<string, FieldPhoto[]>();
  for (const p of photos.rows)
    (photosOf.get(p.assessment_id) ?? photosOf.set(p.assessment_id, []).get(p.assessment_id)!).push({
      id: p.id,
      mediaType: p.media_type,
      byteSize: p.byte_size,
      lon: p.lon,
      lat: p.lat,
      takenAt: p.taken_at.toISOString(),
    });
  return r.rows.map((a) => ({
    id: a.id,
    buildingId: a.building_id,
    unitId: a.unit_id,
    damageClass: a.damage_class,
    habitable: a.habitable,
    notes: a.notes,
    assessedOn: a.assessed_on,
    lines: linesOf.get(a.id) ?? [],
    totalUsd: a.total_usd,
    assessor: { id: a.assessor_id, name: a.assessor_name },
    createdAt: a.created_at.toISOString(),
    photos: photosOf.get(a.id) ?? [],
  }));
}
