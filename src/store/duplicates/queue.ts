// The review queue: pairs that may be the same person, strongest first.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { Person } from '../../registry/person.ts';
import { PERSON_COLUMNS, parsePersonRow, type PersonRow } from '../registry/personRow.ts';
import { CANDIDATE_COLUMNS, type Candidate, type CandidateRow, type CandidateStatus, pairScope, parseCandidate } from './candidates.ts';

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
    `SELECT ${CANDIDATE_COLUMNS}, row_to_json(a) AS a, row_to_json(b) AS b FROM match_candidate c
       JOIN LATERAL (SELECT ${pc.map((c) => `x.${c}`).join(', ')} FROM person x WHERE x.id = c.person_a) a ON true
       JOIN LATERAL (SELECT ${pc.map((c) => `x.${c}`).join(', ')} FROM person x WHERE x.id = c.person_b) b ON true
     WHERE ${s.sql} AND c.status = $3 ${after}
     ORDER BY c.weight DESC, c.id LIMIT $4`,
    params,
  );
  const items = r.rows.map((row) => ({ ...parseCandidate(row), a: parsePersonRow(fixJson(row.a)), b: parsePersonRow(fixJson(row.b)) }));
  return { items: items.slice(0, opts.limit), more: items.length > opts.limit };
}

/** row_to_json gives timestamps as strings. */
function fixJson(r: PersonRow): PersonRow {
  return { ...r, created_at: new Date(r.created_at as unknown as string), updated_at: new Date(r.updated_at as unknown as string) };
}
