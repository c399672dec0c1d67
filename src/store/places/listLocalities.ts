import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { localityVisible } from './usableLocality.ts';
import { LOCALITY_COLUMNS, type Locality, type LocalityRow, parseLocalityRow } from './locality.ts';

/** The localities of a governorate the actor's organisation may see (its own and the shared ones), by Arabic name (at most 2000). */
export async function listLocalities(db: pg.Pool | pg.PoolClient, actor: Pick<Actor, 'orgId'>, governorate: string): Promise<Locality[]> {
  const r = await db.query<LocalityRow>(
    `SELECT ${LOCALITY_COLUMNS} FROM locality l WHERE l.governorate = $1 AND ${localityVisible('l', '$2')} ORDER BY l.name_ar LIMIT 2000`,
    [governorate, actor.orgId],
  );
  return r.rows.map(parseLocalityRow);
}
