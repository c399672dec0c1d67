// Person search within the actor's scope: by national ID, by phone, or by name in either script.
// Names match through normalised tokens (src/names): every query word must match one of its
// alternatives in person.name_tokens (GIN index); candidates are ranked by trigram similarity.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { nameKey, querySearchTokens } from '../../names/index.ts';
import type { Person } from '../../registry/person.ts';
import { PERSON_COLUMNS, parsePersonRow, type PersonRow } from './personRow.ts';
import { scopeSql } from './scope.ts';

export type PersonSearchQuery = {
  name?: string | undefined;
  nationalId?: string | undefined;
  phone?: string | undefined;
  limit: number;
  offset: number;
};

/** Ranked candidates considered per name search; deeper pages are not offered. */
export const MAX_RANKED = 500;

/**
 * `crowded`: a name search matched more people than are ranked (MAX_RANKED), so the ones ranked are
 * an arbitrary part of them: the caller should ask for more of the name (father's, grandfather's)
 * or another key (national ID, phone).
 */
export async function searchPersons(
  db: pg.Pool,
  actor: Actor,
  q: PersonSearchQuery,
): Promise<{ items: Person[]; more: boolean; crowded: boolean }> {
  const scope = scopeSql('p', actor, 1);
  const params: unknown[] = [...scope.params];
  const where = [scope.sql];
  if (q.nationalId !== undefined) {
    params.push(q.nationalId);
    where.push(`p.national_id = $${params.length}`);
  }
  if (q.phone !== undefined) {
    params.push(q.phone);
    where.push(`p.phone = $${params.length}`);
  }
  let order = 'p.id';
  let limitInner = '';
  if (q.name !== undefined) {
    const groups = querySearchTokens(q.name);
    if (groups.length === 0) return { items: [], more: false, crowded: false };
    for (const g of groups) {
      params.push(g);
      where.push(`p.name_tokens && $${params.length}::text[]`);
    }
    params.push(nameKey({ fullName: q.name }));
    order = `similarity(p.name_key, $${params.length}) DESC, p.id`;
    limitInner = ` LIMIT ${MAX_RANKED + 1}`; // one more than ranked: tells whether the name is crowded
  }
  params.push(q.limit + 1, q.offset);
  const sql = `SELECT *${q.name !== undefined ? ', count(*) OVER () AS candidates' : ''} FROM (SELECT ${PERSON_COLUMNS.split(',')
    .map((c) => `p.${c.trim()}`)
    .join(', ')} FROM person p WHERE ${where.join(' AND ')}${limitInner}) p
    ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`;
  const r = await db.query<PersonRow & { candidates?: string }>(sql, params);
  const crowded = q.name !== undefined && r.rows.length > 0 && Number(r.rows[0]!.candidates) > MAX_RANKED;
  const rows = r.rows.map(parsePersonRow);
  return { items: rows.slice(0, q.limit), more: rows.length > q.limit, crowded };
}
