import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { errors } from '../../../errors.ts';
import { scopeSql } from '../scope.ts';
import { isUuid } from '../../../shared/ids.ts';

export type HouseholdRow = { id: string; org_id: string; governorate: string; record_id: string | null; version: number; created_at: Date };

export async function findHousehold(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<HouseholdRow | undefined> {
  if (!isUuid(id)) return undefined;
  const scope = scopeSql('h', actor, 2);
  const r = await db.query<HouseholdRow>(
    `SELECT h.id, h.org_id, h.governorate, h.record_id, h.version, h.created_at FROM household h WHERE h.id = $1 AND ${scope.sql}${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, ...scope.params],
  );
  return r.rows[0];
}

export async function getHousehold(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<HouseholdRow> {
  const h = await findHousehold(db, actor, id, forUpdate);
  if (!h) throw errors.notFound('household');
  return h;
}
