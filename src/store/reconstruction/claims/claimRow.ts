// Rows of claim and claim_case parsed into domain types, and the read of a case in the actor's scope
// (organisation and governorates; others do not exist).
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { errors } from '../../../errors.ts';
import type { Claim, ClaimCase } from '../../../reconstruction/claims.ts';
import type {
  CaseState,
  ClaimBasis,
  ClaimState,
  EvidenceEntry,
  FieldClass,
  GrantStream,
  InspectionReason,
  ScoreLine,
} from '../../../shared/claims.ts';
import { isUuid } from '../../../shared/ids.ts';
import { scopeSql } from '../../registry/scope.ts';

const num = (v: string | null) => (v === null ? null : Number(v));

export const CLAIM_COLUMNS = `cl.id, cl.case_id, cl.unit_id, cl.household_id, cl.claimant_id, cl.basis, cl.claimed_class,
  to_char(cl.damage_date, 'YYYY-MM-DD') AS damage_date, cl.state, cl.evidence, cl.reasons, cl.priority_score, cl.explanation,
  cl.rule_version, cl.created_at, cl.version`;
export type ClaimRow = {
  id: string;
  case_id: string;
  unit_id: string;
  household_id: string;
  claimant_id: string;
  basis: ClaimBasis;
  claimed_class: FieldClass;
  damage_date: string;
  state: ClaimState;
  evidence: EvidenceEntry[] | null;
  reasons: InspectionReason[];
  priority_score: string | null;
  explanation: ScoreLine[] | null;
  rule_version: number | null;
  created_at: Date;
  version: number;
};
export const parseClaim = (r: ClaimRow): Claim => ({
  id: r.id,
  caseId: r.case_id,
  unitId: r.unit_id,
  householdId: r.household_id,
  claimantId: r.claimant_id,
  basis: r.basis,
  claimedClass: r.claimed_class,
  damageDate: r.damage_date,
  state: r.state,
  evidence: r.evidence,
  reasons: r.reasons,
  priorityScore: num(r.priority_score),
  explanation: r.explanation,
  ruleVersion: r.rule_version,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

export const CASE_COLUMNS = `k.id, k.governorate, k.unit_id, k.state, k.reasons, k.damage_class, k.rule_version, k.priority_score, k.explanation,
  k.checked_by, k.decided_by, k.decided_at, k.decision_reason, k.decided_rule_version, k.grant_amount, k.stream, k.created_at, k.version`;
export type CaseRow = {
  id: string;
  governorate: string;
  unit_id: string;
  state: CaseState;
  reasons: InspectionReason[];
  damage_class: FieldClass | null;
  rule_version: number | null;
  priority_score: string | null;
  explanation: ScoreLine[] | null;
  checked_by: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  decided_rule_version: number | null;
  grant_amount: string | null;
  stream: GrantStream | null;
  created_at: Date;
  version: number;
};
export const parseCase = (r: CaseRow): ClaimCase => ({
  id: r.id,
  governorate: r.governorate,
  unitId: r.unit_id,
  state: r.state,
  reasons: r.reasons,
  damageClass: r.damage_class,
  ruleVersion: r.rule_version,
  priorityScore: num(r.priority_score),
  explanation: r.explanation,
  checkedBy: r.checked_by,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at?.toISOString() ?? null,
  decisionReason: r.decision_reason,
  decidedRuleVersion: r.decided_rule_version,
  grantAmount: num(r.grant_amount),
  stream: r.stream,
  createdAt: r.created_at.toISOString(),
  version: r.version,
});

/** A joint case of the actor's organisation and governorates (404 otherwise). */
export async function getCase(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<ClaimCase> {
  if (!isUuid(id)) throw errors.notFound('case');
  const scope = scopeSql('k', actor, 2);
  const r = await db.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM claim_case k WHERE k.id = $1 AND ${scope.sql}${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, ...scope.params],
  );
  if (!r.rows[0]) throw errors.notFound('case');
  return parseCase(r.rows[0]);
}
