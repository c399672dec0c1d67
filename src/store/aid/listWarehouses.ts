// The organisation's warehouses in the actor's governorates.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Place } from './catalogue.ts';

export async function listWarehouses(db: pg.Pool | pg.PoolClient, actor: Actor): Promise<Place[]> {
  return (
    await db.query<Place>(
      'SELECT id, name, governorate, NULL::uuid AS "siteId" FROM warehouse WHERE org_id = $1 AND governorate = ANY($2::text[]) ORDER BY governorate, name',
      [actor.orgId, actor.governorates],
    )
  ).rows;
}
