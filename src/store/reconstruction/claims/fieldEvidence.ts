// The field assessments a claim check and the approval chain read: per unit, the latest field class
// and every engineer who assessed it. The narrow read the claims side needs, kept in one place.
// TODO(#16, field assessments, migration 0041): read the `field_assessment` table once it is merged
// (latest class per unit, and the assessor ids); until then every unit is "not yet assessed" and no
// committee member is anyone's assessor.
import type pg from 'pg';
import type { FieldClass } from '../../../shared/claims.ts';

export type FieldEvidence = { fieldClass: FieldClass | null; assessors: string[] };

export async function fieldEvidence(_db: pg.Pool | pg.PoolClient, unitIds: readonly string[]): Promise<Map<string, FieldEvidence>> {
  return new Map(unitIds.map((id) => [id, { fieldClass: null, assessors: [] }]));
}
