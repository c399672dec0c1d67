import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Site } from '../../sites/site.ts';
import { scopeSql } from '../registry/scope.ts';
import { SITE_COLUMNS_S, type SiteRow, siteOf } from './siteRow.ts';

/** Sites in the actor's organisation and governorates, by governorate, kind or status. */
export async function listSites(
  db: pg.Pool,
  actor: Actor,
  f: { governorate?: string | undefined; kind?: string | undefined; status?: string | undefined },
): Promise<Site[]> {
  const scope = scopeSql('s', actor, 1);
  const params: unknown[] = [...scope.params];
  let where = scope.sql;
  if (f.governorate) where += ` AND s.governorate = $${params.push(f.governorate)}`;
  if (f.kind) where += ` AND s.kind = $${params.push(f.kind)}`;
  if (f.status) where += ` AND s.status = $${params.push(f.status)}`;
  const r = await db.query<SiteRow>(
    `SELECT ${SITE_COLUMNS_S} FROM site s WHERE ${where} ORDER BY s.governorate, s.name, s.id LIMIT 5000`,
    params,
  );
  return r.rows.map(siteOf);
}
