// The review queue: candidate pairs in the actor's scope (both records must be in it, else the
// pair does not exist for the actor), decisions and their undo. Every decision is logged with who
// made it; a 'same person' decision links the two records (both kept) unless the link would put
// a conflicting pair into one identity.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import type { Person } from '../../registry/person.ts';
import { PERSON_COLUMNS, parsePersonRow, type PersonRow } from '../registry/personRow.ts';
import { scopeSql } from '../registry/scope.ts';
import type { WriteContext } from '../write.ts';
import { identityOf, mergeConflict } from './identity.ts';
import { isUuid } from '../../shared/ids.ts';

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
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
};

type CandidateRow = {
  id: string;
  person_a: string;
  person_b: string;
  weight: number;
  probability: number;
  conflict: boolean;
  explanation: Candidate['explanation'];
  status: CandidateStatus;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
};

const COLS =
  'c.id, c.person_a, c.person_b, c.weight, c.probability, c.conflict, c.explanation, c.status, c.decided_by, c.decided_at, c.created_at';

const parse = (r: CandidateRow): Candidate => ({
  id: r.id,
  personA: r.person_a,
  personB: r.person_b,
  weight: r.weight,
  probability: r.probability,
  conflict: r.conflict,
  explanation: r.explanation,
  status: r.status,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

/** Both records of the pair in the actor's scope: the condition on aliases a and b. */
function pairScope(actor: Actor, from: number): { sql: string; params: unknown[] } {
  const a = scopeSql('a', actor, from),
    b = scopeSql('b', actor, from);
  return { sql: `c.org_id = $${from} AND ${a.sql} AND ${b.sql}`, params: a.params };
}

export type QueueCursor = { w: number; i: string };

/** Pending pairs, strongest first (keyset on weight, id). */
export async function listQueue(
  db: pg.Pool,
  actor: Actor,
  opts: { after?: QueueCursor | undefined; limit: number; status?: CandidateStatus },
): Promise<{ items: (Candidate & { a: Person; b: Person })[]; more: boolean }> {
  const s = pairScope(actor, 1);
  const params: unknown[] = [...s.params, opts.status ?? 'pending', opts.limit + 1];
  let after = '';
  if (opts.after) {
    params.push(opts.after.w, opts.after.i);
    after = `AND (c.weight < $5 OR (c.weight = $5 AND c.id > $6))`;
  }
  const pc = PERSON_COLUMNS.split(',').map((c) => c.trim());
  const r = await db.query<CandidateRow & { a: PersonRow; b: PersonRow }>(
    `SELECT ${COLS}, row_to_json(a) AS a, row_to_json(b) AS b FROM match_candidate c
       JOIN LATERAL (SELECT ${pc.map((c) => `x.${c}`).join(', ')} FROM person x WHERE x.id = c.person_a) a ON true
       JOIN LATERAL (SELECT ${pc.map((c) => `x.${c}`).join(', ')} FROM person x WHERE x.id = c.person_b) b ON true
     WHERE ${s.sql} AND c.status = $3 ${after}
     ORDER BY c.weight DESC, c.id LIMIT $4`,
    params,
  );
  const items = r.rows.map((row) => ({ ...parse(row), a: parsePersonRow(fixJson(row.a)), b: parsePersonRow(fixJson(row.b)) }));
  return { items: items.slice(0, opts.limit), more: items.length > opts.limit };
}

/** row_to_json gives timestamps as strings. */
function fixJson(r: PersonRow): PersonRow {
  return { ...r, created_at: new Date(r.created_at as unknown as string), updated_at: new Date(r.updated_at as unknown as string) };
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
    `SELECT ${COLS} FROM match_candidate c JOIN person a ON a.id = c.person_a JOIN person b ON b.id = c.person_b
     WHERE c.id = $1 AND ${s.sql}${opts.forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [id, ...s.params],
  );
  return r.rows[0] ? parse(r.rows[0]) : undefined;
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

/** Records a decision on a pair; 'same' links the two records. */
export async function decide(ctx: WriteContext, id: string, decision: Decision): Promise<Candidate> {
  const { client, actor } = ctx;
  // links of one organisation change one at a time: the conflict check sees every committed link
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`person_link:${actor.orgId}`]);
  const c = await getCandidate(client, actor, id, { forUpdate: true });
  if (c.status !== 'pending' && c.status !== 'unsure') {
    throw errors.pairAlreadyDecided(c.status);
  }
  if (decision === 'same') {
    const why = await mergeConflict(client, c.personA, c.personB);
    if (why && why !== 'already_same') throw errors.mergeRefused(why);
    await client.query(
      `INSERT INTO person_link (org_id, person_a, person_b, candidate_id, kind, created_by) VALUES ($1,$2,$3,$4,'decision',$5)`,
      [actor.orgId, c.personA, c.personB, c.id, actor.userId],
    );
  } else if (decision === 'different' && (await linked(client, c))) {
    throw errors.pairLinkedThroughOthers();
  }
  const r = await client.query<{ decided_at: Date }>(
    `UPDATE match_candidate SET status = $2, decided_by = $3, decided_at = now(), updated_at = now() WHERE id = $1 RETURNING decided_at`,
    [c.id, decision, actor.userId],
  );
  await ctx.log({
    entity: 'match_candidate',
    entityId: c.id,
    action: 'decide',
    before: { status: c.status, decidedBy: c.decidedBy },
    after: { status: decision, decidedBy: actor.userId, personA: c.personA, personB: c.personB },
  });
  return { ...c, status: decision, decidedBy: actor.userId, decidedAt: r.rows[0]!.decided_at.toISOString() };
}

/** Undoes the decision on a pair (and its link): the pair goes back to the queue. */
export async function undo(ctx: WriteContext, id: string): Promise<Candidate> {
  const { client, actor } = ctx;
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`person_link:${actor.orgId}`]);
  const c = await getCandidate(client, actor, id, { forUpdate: true });
  if (c.status === 'pending') throw errors.pairNotDecided();
  const l = await client.query<{ id: string }>(
    'UPDATE person_link SET undone_at = now(), undone_by = $2 WHERE candidate_id = $1 AND undone_at IS NULL RETURNING id',
    [c.id, actor.userId],
  );
  await client.query(
    `UPDATE match_candidate SET status = 'pending', decided_by = NULL, decided_at = NULL, updated_at = now() WHERE id = $1`,
    [c.id],
  );
  await ctx.log({
    entity: 'match_candidate',
    entityId: c.id,
    action: 'undo',
    before: { status: c.status, decidedBy: c.decidedBy },
    after: { status: 'pending', undoneBy: actor.userId, unlinked: l.rows.length > 0 },
  });
  return { ...c, status: 'pending', decidedBy: null, decidedAt: null };
}
