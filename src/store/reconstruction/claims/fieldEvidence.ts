// The field assessments a claim check and the approval chain read: per unit, the latest field class
// (an assessment of the unit, or of its whole building) and every engineer who assessed it. The
// narrow read the claims side needs, kept in one place (field_assessment: migration 0041).
import type pg from 'pg';
import { type FieldClass, fieldClasses } from '../../../shared/claims.ts';

export type FieldEvidence = { fieldClass: FieldClass | null; assessors: string[] };

export async function fieldEvidence(db: pg.Pool | pg.PoolClient, unitIds: readonly string[]): Promise<Map<string, FieldEvidence>> {
  if (unitIds.length === 0) return new Map();
  const r = await db.query<{ unit_id: string; field_class: string | null; assessors: string[] }>(
    `SELECT u.id AS unit_id,
            (SELECT f.damage_class FROM field_assessment f
              WHERE f.building_id = u.building_id AND (f.unit_id = u.id OR f.unit_id IS NULL)
              ORDER BY f.assessed_on DESC, f.created_at DESC LIMIT 1) AS field_class,
            ARRAY(SELECT DISTINCT f.assessor_id::text FROM field_assessment f
                   WHERE f.building_id = u.building_id AND (f.unit_id = u.id OR f.unit_id IS NULL)) AS assessors
       FROM housing_unit u WHERE u.id = ANY($1::uuid[])`,
    [unitIds],
  );
  const known = new Set<string>(fieldClasses);
  const out = new Map<string, FieldEvidence>(unitIds.map((id) => [id, { fieldClass: null, assessors: [] }]));
  for (const row of r.rows)
    out.set(row.unit_id, {
      fieldClass: row.field_class !== null && known.has(row.field_class) ? (row.field_class as FieldClass) : null,
      assessors: row.assessors,
    });
  return out;
}
