// The grant plans in the actor's scope, newest first: code, stream, governorate, grant and paid, and
// the next tranche's stage (null when all are paid). No names: a list to open a plan from.
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import type { GrantStream } from '../../../shared/claims.ts';
import type { Stage } from '../../../shared/tranches.ts';
import { scopeSql } from '../../registry/scope.ts';

export type PlanSummary = {
  caseId: string;
  code: string;
  governorate: string;
  stream: GrantStream;
  grantAmount: number;
  paid: number;
  nextStage: Stage | null;
};

export async function listPlans(db: pg.Pool, actor: Actor, limit: number): Promise<PlanSummary[]> {
  const scope = scopeSql('p', actor, 1);
  const r = await db.query<{
    case_id: string;
    code: string;
    governorate: string;
    stream: GrantStream;
    grant_amount: string;
    paid: string;
    next_stage: Stage | null;
  }>(
    `SELECT p.case_id, p.code, p.governorate, p.stream, p.grant_amount,
            COALESCE((SELECT sum(pay.amount) FROM tranche_payment pay WHERE pay.case_id = p.case_id), 0) AS paid,
            (SELECT t.stage FROM tranche t WHERE t.case_id = p.case_id AND NOT EXISTS (SELECT 1 FROM tranche_payment q WHERE q.tranche_id = t.id)
              ORDER BY t.seq LIMIT 1) AS next_stage
       FROM reconstruction_plan p WHERE ${scope.sql} ORDER BY p.created_at DESC, p.case_id LIMIT $3`,
    [...scope.params, limit],
  );
  return r.rows.map((x) => ({
    caseId: x.case_id,
    code: x.code,
    governorate: x.governorate,
    stream: x.stream,
    grantAmount: Number(x.grant_amount),
    paid: Number(x.paid),
    nextStage: x.next_stage,
  }));
}
