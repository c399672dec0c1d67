import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Person } from '../../registry/person.ts';
import { PERSON_COLUMNS, type PersonRow, parsePersonRow } from './personRow.ts';
import { scopeSql } from './scope.ts';

/** Keyset-paginated list of the persons in scope. */
export async function listPersons(
  db: pg.Pool,
  actor: Actor,
  after: string | undefined,
  limit: number,
): Promise<{ items: Person[]; more: boolean }> {
  const scope = scopeSql('p', actor, 1);
  const r = await db.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM person p WHERE ${scope.sql} ${after ? 'AND p.id > $4' : ''} ORDER BY p.id LIMIT $3`,
    [...scope.params, limit + 1, ...(after ? [after] : [])],
  );
  const rows = r.rows.map(parsePersonRow);
  return { items: rows.slice(0, limit), more: rows.length > limit };
}
