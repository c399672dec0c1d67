// The records identity resolution linked to a person ("also registered as ..."): the other records
// of the person's identity (src/store/duplicates/identity.ts), those in the actor's scope only, and
// how each came to be linked (a reviewer's decision or an automatic link).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Person } from '../../registry/person.ts';
import { getPerson } from '../registry/findPerson.ts';
import { PERSON_COLUMNS, parsePersonRow, type PersonRow } from '../registry/personRow.ts';
import { scopeSql } from '../registry/scope.ts';
import { identityOf } from './identity.ts';

export type LinkedRecord = { person: Person; kind: 'decision' | 'auto' | null; linkedAt: string | null };

/** The other records of the person's identity within the actor's scope (404 when the person is not), direct links first. */
export async function linkedRecords(db: pg.Pool, actor: Actor, personId: string): Promise<LinkedRecord[]> {
  const p = await getPerson(db, actor, personId);
  const others = (await identityOf(db, p.id)).filter((id) => id !== p.id);
  if (others.length === 0) return [];
  const scope = scopeSql('p', actor, 2);
  const rows = await db.query<PersonRow>(
    `SELECT ${PERSON_COLUMNS} FROM person p WHERE p.id = ANY($1::uuid[]) AND ${scope.sql} ORDER BY p.created_at, p.id`,
    [others, ...scope.params],
  );
  // The direct link to the person, when there is one (others are linked through a third record).
  const links = await db.query<{ other: string; kind: 'decision' | 'auto'; created_at: Date }>(
    `SELECT CASE WHEN person_a = $1 THEN person_b ELSE person_a END AS other, kind, created_at
       FROM person_link WHERE (person_a = $1 OR person_b = $1) AND undone_at IS NULL`,
    [p.id],
  );
  const direct = new Map(links.rows.map((l) => [l.other, l]));
  // Those linked to the person directly first, then those linked through another record.
  return rows.rows
    .map((r) => {
      const l = direct.get(r.id);
      return { person: parsePersonRow(r), kind: l?.kind ?? null, linkedAt: l?.created_at.toISOString() ?? null };
    })
    .sort((x, y) => Number(x.kind === null) - Number(y.kind === null));
}
