// What a vendor may sell: the items of the materials catalogue that a plan's quota takes from a
// bill of quantities (active, not counted in person-days: labour is not sold, as createPlan.ts
// leaves it out of the quota), in the catalogue's order. Whether a case's quota holds the item, and
// how much of it remains, is the sale's own check (recordSale.ts).
import type pg from 'pg';
import type { MaterialUnit } from '../../../shared/fieldAssessment.ts';

export type SaleItem = { code: string; nameAr: string; nameEn: string; unit: MaterialUnit };

export async function listSaleItems(db: pg.Pool | pg.PoolClient): Promise<SaleItem[]> {
  const r = await db.query<{ code: string; name_ar: string; name_en: string; unit: MaterialUnit }>(
    `SELECT code, name_ar, name_en, unit FROM material_item WHERE active AND unit <> 'person_day' ORDER BY position, code`,
  );
  return r.rows.map((m) => ({ code: m.code, nameAr: m.name_ar, nameEn: m.name_en, unit: m.unit }));
}
