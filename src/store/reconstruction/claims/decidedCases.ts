// A governorate's decided joint cases (approved or rejected), the latest decision first: where the
// committee and the claims officers look up a decision when a household asks about it or a grievance
// comes in. No names, as in the ranked list. Served by the partial index claim_case_decided.
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import type { ClaimCase } from '../../../reconstruction/claims.ts';
import { CASE_COLUMNS, type CaseRow, parseCase } from './claimRow.ts';

export type DecidedCase = ClaimCase & { claims: number; unitNumber: string; floor: number };

export async function decidedCases(
  db: pg.Pool,
  actor: Actor,
  q: { governorate: string; state: 'approved' | 'rejected' | null; limit: number; offset: number },
): Promise<DecidedCase[]> {
  if (!actor.governorates.includes(q.governorate)) return [];
  const r = await db.query<CaseRow & { claims: number; unit_number: string; floor: number }>(
    `SELECT ${CASE_COLUMNS}, u.unit_number, u.floor,
        (SELECT count(*)::int FROM claim cl WHERE cl.case_id = k.id AND cl.state <> 'withdrawn') AS claims
       FROM (SELECT * FROM claim_case c
              WHERE c.org_id = $1 AND c.governorate = $2 AND c.state IN ('approved','rejected') AND ($3::text IS NULL OR c.state = $3)
              ORDER BY c.decided_at DESC, c.id
              LIMIT $4 OFFSET $5) k
       JOIN housing_unit u ON u.id = k.unit_id
      ORDER BY k.decided_at DESC, k.id`,
    [actor.orgId, q.governorate, q.state, q.limit, q.offset],
  );
  return r.rows.map((row) => ({ ...parseCase(row), claims: row.claims, unitNumber: row.unit_number, floor: row.floor }));
}
