import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { isUuid } from '../../shared/ids.ts';
import { scopeSql } from '../registry/scope.ts';
import { LIFE_EVENT_COLUMNS, LIFE_EVENT_JOINS, type LifeEvent, type LifeEventRow, parseLifeEvent } from './lifeEventRow.ts';

/** A life event of a person in the actor's scope, or undefined. */
export async function findLifeEvent(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<LifeEvent | undefined> {
  if (!isUuid(id)) return undefined;
  const scope = scopeSql('p', actor, 2);
  const r = await db.query<LifeEventRow>(
    `SELECT ${LIFE_EVENT_COLUMNS} FROM life_event e JOIN person p ON p.id = e.person_id ${LIFE_EVENT_JOINS}
      WHERE e.id = $1 AND ${scope.sql}${forUpdate ? ' FOR UPDATE OF e' : ''}`,
    [id, ...scope.params],
  );
  return r.rows[0] ? parseLifeEvent(r.rows[0]) : undefined;
}

/** The life event, or 404 as if absent. */
export async function getLifeEvent(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<LifeEvent> {
  const e = await findLifeEvent(db, actor, id, forUpdate);
  if (!e) throw errors.notFound('life_event');
  return e;
}
