// Candidate pairs in the actor's scope (both records must be in it, else the pair does not exist
// for the actor): the row, finding a pair, its two records and whether they are one identity.
// The queue (queue.ts), decisions (decide.ts) and their undo (undo.ts) build on it.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import type { Person } from '../../registry/person.ts';
import { PERSON_COLUMNS, parsePersonRow, type PersonRow } from '../registry/personRow.ts';
import { scopeSql } from '../registry/scope.ts';
import { identityOf } from './identity.ts';
import { isUuid } from '../../shared/ids.ts';
import type { Relation } from '../../shared/relations.ts';

export type CandidateStatus = 'pending' | 'same' | 'different' | 'unsure' | 'auto_linked';
export type Decision = 'same' | 'different' | 'unsure';

export type Candidate = {
  id: string;
  personA: string;
  personB: string;
  weight: number;
  probability: number;
  conflict: boolean;
  explanation: { field: string; level: string; weight: number; tf: number }[];
  status: CandidateStatus;
  /** what the names, sexes and years say besides "maybe one person" (relations.ts) */
  relation: Relation;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
};

export type CandidateRow = {
  id: string;
  person_a: string;
  person_b: string;
  weight: number;
  probability: number;
  conflict: boolean;
  explanation: Candidate['explanation'];
  status: CandidateStatus;
  relation: Relation;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
};

export const CANDIDATE_COLUMNS =
  'c.id, c.person_a, c.person_b, c.weight, c.probability, c.conflict, c.explanation, c.status, c.relation, c.decided_by, c.decided_at, c.created_at';

export const parseCandidate = (r: CandidateRow): Candidate => ({
  id: r.id,
  personA: r.person_a,
  personB: r.person_b,
  weight: r.weight,
  probability: r.probability,
  conflict: r.conflict,
  explanation: r.explanation,
  status: r.status,
  relation: r.relation,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

/** Both records of the pair in the actor's scope: the condition on aliases a and b. */
export function pairScope(actor: Actor, from: number): { sql: string; params: unknown[] } {
  const a = scopeSql('a', actor, from),
    b = scopeSql('b', actor, from);
  return { sql: `c.org_id = $${from} AND ${a.sql} AND ${b.sql}`, params: a.params };
}

/** The pair if both its records are in the actor's scope. */
export async function findCandidate(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Candidate | undefined> {
  if (!isUuid(id)) return undefined;
  const s = pairScope(actor, 2);
  const r = await db.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM match_candidate c JOIN person a ON a.id = c.person_a JOIN person b ON b.id = c.person_b
     WHERE c.id = $1 AND ${s.sql}${opts.forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [id, ...s.params],
  );
  return r.rows[0] ? parseCandidate(r.rows[0]) : undefined;
}

export async function getCandidate(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Candidate> {
  const c = await findCandidate(db, actor, id, opts);
  if (!c) throw errors.notFound('duplicate candidate');
  return c;
}

export async function personsOf(db: pg.Pool | pg.PoolClient, c: Candidate): Promise<{ a: Person; b: Person }> {
  const r = await db.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM person WHERE id = ANY($1::uuid[])`, [[c.personA, c.personB]]);
  const by = new Map(r.rows.map((x) => [x.id, parsePersonRow(x)]));
  return { a: by.get(c.personA)!, b: by.get(c.personB)! };
}

/** Whether the two records of the pair are currently one identity (linked, directly or not). */
export async function linked(db: pg.Pool | pg.PoolClient, c: Candidate): Promise<boolean> {
  return (await identityOf(db, c.personA)).includes(c.personB);
}
