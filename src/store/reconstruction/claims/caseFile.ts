// A joint case as the claims officer and the committee see it: the unit and its building, every claim
// with its claimant, evidence side by side, priority explained and documents (their kinds and sizes),
// and the steps of the approval chain. Personal data: the read is logged (the case and households).
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import type { Claim, ClaimCase, ClaimDocument } from '../../../reconstruction/claims.ts';
import { appendReadLog } from '../../write.ts';
import { getUnit } from '../buildingRow.ts';
import { CLAIM_COLUMNS, type ClaimRow, getCase, parseClaim } from './claimRow.ts';
import { DOCUMENT_COLUMNS, type DocumentRow, parseDocument } from './documentRow.ts';
import { fieldEvidence } from './fieldEvidence.ts';

export type CaseFile = ClaimCase & {
  unit: { id: string; floor: number; unitNumber: string; buildingId: string; lon: number; lat: number };
  assessors: string[];
  claims: (Claim & { claimantName: string; householdRecordId: string | null; documents: ClaimDocument[] })[];
  steps: { step: string; actor: string | null; reason: string | null; ruleVersion: number | null; at: string }[];
  /** The grant plan opened on the approved case (its code, as vendors enter it), or null. */
  plan: { code: string } | null;
};

export async function caseFile(db: pg.Pool, actor: Actor, id: string): Promise<CaseFile> {
  const k = await getCase(db, actor, id);
  const { unit, building } = await getUnit(db, actor, k.unitId);
  const claims = await db.query<ClaimRow & { claimant_name: string; record_id: string | null }>(
    `SELECT ${CLAIM_COLUMNS}, p.full_name AS claimant_name, h.record_id
       FROM claim cl JOIN person p ON p.id = cl.claimant_id JOIN household h ON h.id = cl.household_id
      WHERE cl.case_id = $1 ORDER BY cl.created_at, cl.id`,
    [k.id],
  );
  const docs = await db.query<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM claim_document d WHERE d.claim_id = ANY($1::uuid[]) ORDER BY d.created_at, d.id`,
    [claims.rows.map((c) => c.id)],
  );
  const steps = await db.query<{
    step: string;
    username: string | null;
    reason: string | null;
    rule_version: number | null;
    created_at: Date;
  }>(
    `SELECT s.step, u.username, s.reason, s.rule_version, s.created_at FROM claim_case_decision s LEFT JOIN app_user u ON u.id = s.actor_id
      WHERE s.case_id = $1 ORDER BY s.created_at, s.id`,
    [k.id],
  );
  const field = (await fieldEvidence(db, [unit.id])).get(unit.id);
  const plan = await db.query<{ code: string }>('SELECT code FROM reconstruction_plan WHERE case_id = $1', [k.id]);
  const shown: CaseFile = {
    ...k,
    unit: {
      id: unit.id,
      floor: unit.floor,
      unitNumber: unit.unitNumber,
      buildingId: building.id,
      lon: building.point.lon,
      lat: building.point.lat,
    },
    assessors: field?.assessors ?? [],
    claims: claims.rows.map((r) => ({
      ...parseClaim(r),
      claimantName: r.claimant_name,
      householdRecordId: r.record_id,
      documents: docs.rows.filter((d) => d.claim_id === r.id).map(parseDocument),
    })),
    steps: steps.rows.map((s) => ({
      step: s.step,
      actor: s.username,
      reason: s.reason,
      ruleVersion: s.rule_version,
      at: s.created_at.toISOString(),
    })),
    plan: plan.rows[0] ? { code: plan.rows[0].code } : null,
  };
  await appendReadLog(db, actor, {
    entity: 'claim_case',
    entityId: k.id,
    action: 'read',
    after: { households: shown.claims.map((c) => c.householdId) },
  });
  return shown;
}
