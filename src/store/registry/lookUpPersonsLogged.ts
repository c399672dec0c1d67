// A lookup by national ID or phone and its read log in one statement: the page of persons and the
// change-log entry naming them (as logPersonsShown writes it for a search: via, shown, ids, by) in
// one round trip to the database instead of two, the entry's flush deferred as every read's
// (changeLog.ts readChangeWith). The lookup is one index probe, so the second round trip was a
// large part of its time (issue #14: ID lookup p95 under 5 ms at 5,500,000 persons). Only where
// the search and the log are on one database: with a read replica the search is the replica's.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { PersonRow } from './personRow.ts';
import { COLUMNS, keyWhere, keysPage, type PersonSearchQuery, type PersonSearchResult } from './searchPersons.ts';
import { readChangeWith } from '../changeLog.ts';

export type LookupKey = 'national_id' | 'phone';

export async function lookUpPersonsLogged(
  pool: pg.Pool,
  actor: Actor,
  q: PersonSearchQuery & { name?: undefined },
  by: readonly LookupKey[],
): Promise<PersonSearchResult> {
  const w = keyWhere(actor, q);
  const params = [...w.params, q.limit + 1, q.offset, q.limit, JSON.stringify(by)];
  const [more, offset, shown, keys] = [params.length - 3, params.length - 2, params.length - 1, params.length];
  const log = readChangeWith(
    params,
    actor,
    { entity: 'person_list', action: 'read' },
    `(SELECT jsonb_build_object('via', 'search', 'shown', count(*), 'ids', coalesce(jsonb_agg(s.id ORDER BY s.id), '[]'::jsonb), 'by', $${keys}::jsonb)
      FROM (SELECT id FROM found ORDER BY id LIMIT $${shown}) s)`,
  );
  const r = await pool.query<PersonRow & { total: string }>(
    `WITH found AS MATERIALIZED (
       SELECT ${COLUMNS}, count(*) OVER () AS total FROM person p WHERE ${w.sql.join(' AND ')}
       ORDER BY p.id LIMIT $${more} OFFSET $${offset}
     ), ${log}
     SELECT * FROM found ORDER BY id`,
    params,
  );
  return keysPage(pool, w, q, r.rows);
}
