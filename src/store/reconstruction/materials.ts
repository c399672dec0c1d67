// The materials catalogue: the active items a bill of quantities may list, in the catalogue's order.
import type pg from 'pg';
import type { MaterialItem } from '../../reconstruction/fieldAssessment.ts';
import type { MaterialUnit } from '../../shared/fieldAssessment.ts';

export async function listMaterials(db: pg.Pool | pg.PoolClient): Promise<MaterialItem[]> {
  const r = await db.query<{ code: string; name_ar: string; name_en: string; unit: MaterialUnit; cost: number }>(
    `SELECT code, name_ar, name_en, unit, default_unit_cost_usd::float8 AS cost
       FROM material_item WHERE active ORDER BY position, code`,
  );
  return r.rows.map((m) => ({ code: m.code, nameAr: m.name_ar, nameEn: m.name_en, unit: m.unit, defaultUnitCostUsd: m.cost }));
}
