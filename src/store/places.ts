// Loads the territories and governorates into the store (idempotent).
import type pg from 'pg';
import { governorates, territories } from '../places/governorates.ts';

export async function loadPlaces(pool: pg.Pool): Promise<void> {
  const have = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM governorate');
  if ((have.rows[0]?.n ?? 0) === governorates.length) return;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const t of territories) {
      await client.query(
        'INSERT INTO territory (pcode, name_en, name_ar) VALUES ($1,$2,$3) ON CONFLICT (pcode) DO UPDATE SET name_en = EXCLUDED.name_en, name_ar = EXCLUDED.name_ar',
        [t.pcode, t.nameEn, t.nameAr],
      );
    }
    for (const g of governorates) {
      await client.query(
        'INSERT INTO governorate (pcode, territory, name_en, name_ar) VALUES ($1,$2,$3,$4) ON CONFLICT (pcode) DO UPDATE SET name_en = EXCLUDED.name_en, name_ar = EXCLUDED.name_ar',
        [g.pcode, g.territory, g.nameEn, g.nameAr],
      );
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
