import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';

/** The SQL condition of the localities an organisation may see and name: its own and the shared ones (migration 0028). */
export const localityVisible = (alias: string, orgParam: string) => `(${alias}.org_id IS NULL OR ${alias}.org_id = ${orgParam})`;

/**
 * A locality named in a move or a site must be the actor's organisation's or a shared one: another
 * organisation's answers as if it did not exist (422 naming the field), as an unknown one does.
 */
export async function assertUsableLocality(
  db: pg.Pool | pg.PoolClient,
  actor: Pick<Actor, 'orgId'>,
  id: string | null | undefined,
  field: string,
): Promise<void> {
  if (!id) return;
  const r = await db.query(`SELECT 1 FROM locality l WHERE l.id = $1 AND ${localityVisible('l', '$2')}`, [id, actor.orgId]);
  if (!r.rowCount) throw errors.validation([{ field, reason: 'no_such_record' }]);
}
