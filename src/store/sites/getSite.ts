import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { isUuid } from '../../shared/ids.ts';
import type { Site } from '../../sites/site.ts';
import { scopeSql } from '../registry/scope.ts';
import { SITE_COLUMNS_S, type SiteRow, siteOf } from './siteRow.ts';

/** A site in the actor's organisation and governorates (undefined otherwise). */
export async function findSite(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<Site | undefined> {
  if (!isUuid(id)) return undefined;
  const scope = scopeSql('s', actor, 2);
  const r = await db.query<SiteRow>(
    `SELECT ${SITE_COLUMNS_S} FROM site s WHERE s.id = $1 AND ${scope.sql}${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, ...scope.params],
  );
  return r.rows[0] ? siteOf(r.rows[0]) : undefined;
}

/** As findSite; not found otherwise. */
export async function getSite(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<Site> {
  const s = await findSite(db, actor, id, forUpdate);
  if (!s) throw errors.notFound('site');
  return s;
}
