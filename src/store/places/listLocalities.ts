import type pg from 'pg';
import { LOCALITY_COLUMNS, type Locality, type LocalityRow, parseLocalityRow } from './locality.ts';

/** The localities of a governorate, by Arabic name (at most 2000). */
export async function listLocalities(db: pg.Pool | pg.PoolClient, governorate: string): Promise<Locality[]> {
  const r = await db.query<LocalityRow>(`SELECT ${LOCALITY_COLUMNS} FROM locality WHERE governorate = $1 ORDER BY name_ar LIMIT 2000`, [
    governorate,
  ]);
  return r.rows.map(parseLocalityRow);
}
