// A governorate's open joint cases, highest priority first (ties: the older case first), each with
// its score explained field by field, the rule version it was ranked under and its reasons for
// inspection. No names: the list is of cases and units. The committee's queue is the same list
// restricted to verified cases. Served by the partial index claim_case_ranked (its predicate is written
// as the index's, so that the planner can use it).
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import type { ClaimCase } from '../../../reconstruction/claims.ts';
import type { CaseState } from '../../../shared/claims.ts';
import { CASE_COLUMNS, type CaseRow, parseCase } from './claimRow.ts';

export type RankedCase = ClaimCase & { rank: number; claims: number; unitNumber: string; floor: number };

export async function rankedCases(
  db: pg.Pool,
  actor: Actor,
  q: { governorate: string; state: CaseState | null; limit: number; offset: number },
): Promise<RankedCase[]> {
  if (!actor.governorates.includes(q.governorate)) return [];
  // the page first (on the index), then its claims counted: OFFSET would count the skipped rows too
  const r = await db.query<CaseRow & { claims: number; unit_number: string; floor: number }>(
    `SELECT ${CASE_COLUMNS}, u.unit_number, u.floor,
        (SELECT count(*)::int FROM claim cl WHERE cl.case_id = k.id AND cl.state NOT IN ('withdrawn','rejected')) AS claims
       FROM (SELECT * FROM claim_case c
              WHERE c.org_id = $1 AND c.governorate = $2 AND c.state NOT IN ('approved','rejected') AND ($3::text IS NULL OR c.state = $3)
              ORDER BY c.priority_score DESC NULLS LAST, c.created_at, c.id
              LIMIT $4 OFFSET $5) k
       JOIN housing_unit u ON u.id = k.unit_id
      ORDER BY k.priority_score DESC NULLS LAST, k.created_at, k.id`,
    [actor.orgId, q.governorate, q.state, q.limit, q.offset],
  );
  return r.rows.map((row, i) => ({
    ...parseCase(row),
    rank: q.offset + i + 1,
    claims: row.claims,
    unitNumber: row.unit_number,
    floor: row.floor,
  }));
}
