import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import type { Person } from '../../registry/person.ts';
import { PERSON_COLUMNS, parsePersonRow, type PersonRow } from './personRow.ts';
import { scopeSql } from './scope.ts';
import { isUuid } from '../../shared/ids.ts';

/** The person if it exists within the actor's scope; undefined otherwise. */
export async function findPerson(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Person | undefined> {
  if (!isUuid(id)) return undefined;
  const scope = scopeSql('p', actor, 2);
  const r = await db.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM person p WHERE p.id = $1 AND ${scope.sql}${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id, ...scope.params],
  );
  return r.rows[0] ? parsePersonRow(r.rows[0]) : undefined;
}

/** The person within the actor's scope; throws not_found otherwise. */
export async function getPerson(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Person> {
  const p = await findPerson(db, actor, id, opts);
  if (!p) throw errors.notFound('person');
  return p;
}

/** Locks every person named (each must be within the actor's scope: 404 otherwise, as if absent). */
export async function lockPersons(client: pg.PoolClient, actor: Actor, ids: string[]): Promise<void> {
  for (const id of ids) await getPerson(client, actor, id, { forUpdate: true });
}
