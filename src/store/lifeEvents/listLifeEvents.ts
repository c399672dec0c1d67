import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { getPerson } from '../registry/findPerson.ts';
import { LIFE_EVENT_COLUMNS, LIFE_EVENT_JOINS, type LifeEvent, type LifeEventRow, parseLifeEvent } from './lifeEventRow.ts';

/** The life events of a person in the actor's scope (404 otherwise), newest first, withdrawn ones included. */
export async function listLifeEvents(db: pg.Pool, actor: Actor, personId: string): Promise<LifeEvent[]> {
  const p = await getPerson(db, actor, personId);
  const r = await db.query<LifeEventRow>(
    `SELECT ${LIFE_EVENT_COLUMNS} FROM life_event e ${LIFE_EVENT_JOINS} WHERE e.person_id = $1 ORDER BY e.recorded_at DESC, e.id`,
    [p.id],
  );
  return r.rows.map(parseLifeEvent);
}
