// A case's grant plan as the API shows it: the plan (stream, code, grant, transitional shelter cash),
// its tranches with their state (paid; ready: its stage inspected; waiting, and why), the
// inspections with their photos (count and ids) and installed materials, and the materials quota with what
// was sold and installed. Read in the actor's scope (organisation and governorates; others: 404).
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { errors } from '../../../errors.ts';
import { type InspectionFact, type ReleaseRefusal, releaseCheck, shelterMonths } from '../../../reconstruction/tranches.ts';
import type { GrantStream } from '../../../shared/claims.ts';
import { isUuid } from '../../../shared/ids.ts';
import { dueMonths, monthOf, type ShelterEndReason } from '../../../reconstruction/shelterCash.ts';
import type { Stage } from '../../../shared/tranches.ts';
import { scopeSql } from '../../registry/scope.ts';

export type TrancheView = {
  id: string;
  seq: number;
  stage: Stage;
  amount: number;
  state: 'paid' | 'ready' | 'waiting';
  waitingFor: Exclude<ReleaseRefusal, 'paid' | 'own_inspection'> | null;
  releasedBy: string | null;
  releasedAt: string | null;
  inspectionId: string | null;
};
export type InspectionView = {
  id: string;
  stage: Stage;
  engineerId: string;
  inspectedOn: string;
  note: string | null;
  photos: number;
  /** The photos' ids, read at GET /api/v1/reconstruction/photos/:id. */
  photoIds: string[];
  installed: { item: string; quantity: number }[];
};
export type QuotaLine = { item: string; unit: string; quantity: number; sold: number; installed: number; remaining: number };
export type PlanView = {
  caseId: string;
  code: string;
  governorate: string;
  unitId: string;
  stream: GrantStream;
  grantAmount: number;
  ruleVersion: number;
  paid: number;
  shelter: {
    monthly: number;
    from: string;
    until: string | null;
    endReason: ShelterEndReason | null;
    months: number;
    /** The months paid (ledger rows), oldest first, and the months due and not yet paid. */
    paid: { month: string; amount: number; paidAt: string }[];
    unpaid: string[];
  };
  tranches: TrancheView[];
  inspections: InspectionView[];
  quota: QuotaLine[];
  version: number;
};

type PlanRow = {
  case_id: string;
  code: string;
  org_id: string;
  governorate: string;
  unit_id: string;
  stream: GrantStream;
  grant_amount: string;
  rule_version: number;
  shelter_cash_monthly: string;
  shelter_from: string;
  shelter_until: string | null;
  shelter_end_reason: ShelterEndReason | null;
  version: number;
};
export type Plan = PlanRow;

const PLAN_COLUMNS = `p.case_id, p.code, p.org_id, p.governorate, p.unit_id, p.stream, p.grant_amount, p.rule_version, p.shelter_cash_monthly,
  to_char(p.shelter_from, 'YYYY-MM-DD') AS shelter_from, to_char(p.shelter_until, 'YYYY-MM-DD') AS shelter_until, p.shelter_end_reason, p.version`;

/** The plan of a case in the actor's scope (404 otherwise), locked when asked. */
export async function getPlan(db: pg.Pool | pg.PoolClient, actor: Actor, caseId: string, forUpdate = false): Promise<Plan> {
  if (!isUuid(caseId)) throw errors.notFound('plan');
  const scope = scopeSql('p', actor, 2);
  const r = await db.query<PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM reconstruction_plan p WHERE p.case_id = $1 AND ${scope.sql}${forUpdate ? ' FOR UPDATE' : ''}`,
    [caseId, ...scope.params],
  );
  if (!r.rows[0]) throw errors.notFound('plan');
  return r.rows[0];
}

type TrancheRow = {
  id: string;
  seq: number;
  stage: Stage;
  amount: string;
  released_by: string | null;
  released_at: Date | null;
  inspection_id: string | null;
};
export async function tranchesOf(db: pg.Pool | pg.PoolClient, caseId: string): Promise<TrancheRow[]> {
  const r = await db.query<TrancheRow>(
    `SELECT t.id, t.seq, t.stage, t.amount, pay.released_by, pay.released_at, pay.inspection_id
       FROM tranche t LEFT JOIN tranche_payment pay ON pay.tranche_id = t.id WHERE t.case_id = $1 ORDER BY t.seq`,
    [caseId],
  );
  return r.rows;
}

export async function inspectionsOf(db: pg.Pool | pg.PoolClient, caseId: string): Promise<InspectionView[]> {
  const r = await db.query<{
    id: string;
    stage: Stage;
    engineer_id: string;
    inspected_on: string;
    note: string | null;
    photo_ids: string[];
    installed: { item: string; quantity: string }[];
  }>(
    `SELECT i.id, i.stage, i.engineer_id, to_char(i.inspected_on, 'YYYY-MM-DD') AS inspected_on, i.note,
            ARRAY(SELECT ph.id::text FROM field_photo ph WHERE ph.inspection_id = i.id ORDER BY ph.created_at, ph.id) AS photo_ids,
            COALESCE((SELECT json_agg(json_build_object('item', x.item, 'quantity', x.quantity) ORDER BY x.item)
                        FROM inspection_installed x WHERE x.inspection_id = i.id), '[]') AS installed
       FROM stage_inspection i WHERE i.case_id = $1 ORDER BY i.created_at, i.id`,
    [caseId],
  );
  return r.rows.map((i) => ({
    id: i.id,
    stage: i.stage,
    engineerId: i.engineer_id,
    inspectedOn: i.inspected_on,
    note: i.note,
    photos: i.photo_ids.length,
    photoIds: i.photo_ids,
    installed: i.installed.map((x) => ({ item: x.item, quantity: Number(x.quantity) })),
  }));
}

export async function quotaOf(db: pg.Pool | pg.PoolClient, caseId: string): Promise<QuotaLine[]> {
  const r = await db.query<{ item: string; unit: string; quantity: string; sold: string; installed: string }>(
    `SELECT q.item, q.unit, q.quantity,
            COALESCE((SELECT sum(s.quantity) FROM material_sale s WHERE s.case_id = q.case_id AND s.item = q.item), 0) AS sold,
            COALESCE((SELECT sum(x.quantity) FROM inspection_installed x JOIN stage_inspection i ON i.id = x.inspection_id
                       WHERE i.case_id = q.case_id AND x.item = q.item), 0) AS installed
       FROM material_quota q WHERE q.case_id = $1 ORDER BY q.item`,
    [caseId],
  );
  return r.rows.map((q) => {
    const quantity = Number(q.quantity);
    const sold = Number(q.sold);
    return { item: q.item, unit: q.unit, quantity, sold, installed: Number(q.installed), remaining: Math.max(0, quantity - sold) };
  });
}

/** The months of shelter cash paid to a plan, oldest first. */
export async function shelterPaymentsOf(db: pg.Pool | pg.PoolClient, caseId: string): Promise<PlanView['shelter']['paid']> {
  const r = await db.query<{ month: string; amount: string; paid_at: Date }>(
    `SELECT to_char(month, 'YYYY-MM') AS month, amount, paid_at FROM shelter_cash_payment WHERE case_id = $1 ORDER BY month`,
    [caseId],
  );
  return r.rows.map((x) => ({ month: x.month, amount: Number(x.amount), paidAt: x.paid_at.toISOString() }));
}

/** The whole plan as the API shows it. */
export async function planView(db: pg.Pool | pg.PoolClient, actor: Actor, caseId: string, today: string): Promise<PlanView> {
  const p = await getPlan(db, actor, caseId);
  const rows = await tranchesOf(db, caseId);
  const inspections = await inspectionsOf(db, caseId);
  const quota = await quotaOf(db, caseId);
  const facts: InspectionFact[] = inspections.map((i) => ({ id: i.id, stage: i.stage, engineerId: i.engineerId, photos: i.photos }));
  const states = rows.map((t) => ({ id: t.id, seq: t.seq, stage: t.stage, paid: t.released_by !== null }));
  const tranches = rows.map((t, i): TrancheView => {
    // judged for someone who did not inspect: whether the tranche waits for an inspection or an earlier tranche
    const check = releaseCheck(states[i]!, states, facts, '');
    const waitingFor = !check.ok && (check.refusal === 'no_inspection' || check.refusal === 'out_of_order') ? check.refusal : null;
    return {
      id: t.id,
      seq: t.seq,
      stage: t.stage,
      amount: Number(t.amount),
      state: t.released_by ? 'paid' : waitingFor ? 'waiting' : 'ready',
      waitingFor,
      releasedBy: t.released_by,
      releasedAt: t.released_at?.toISOString() ?? null,
      inspectionId: t.inspection_id,
    };
  });
  const monthly = Number(p.shelter_cash_monthly);
  const paidMonths = await shelterPaymentsOf(db, caseId);
  const paidSet = new Set(paidMonths.map((m) => m.month));
  const plan = { monthly, from: p.shelter_from, until: p.shelter_until };
  return {
    caseId: p.case_id,
    code: p.code,
    governorate: p.governorate,
    unitId: p.unit_id,
    stream: p.stream,
    grantAmount: Number(p.grant_amount),
    ruleVersion: p.rule_version,
    paid: tranches.filter((t) => t.state === 'paid').reduce((s, t) => s + t.amount, 0),
    shelter: {
      monthly,
      from: p.shelter_from,
      until: p.shelter_until,
      endReason: p.shelter_end_reason,
      months: monthly > 0 ? shelterMonths(p.shelter_from, p.shelter_until, today) : 0,
      paid: paidMonths,
      unpaid: dueMonths(plan, monthOf(today)).filter((m) => !paidSet.has(m)),
    },
    tranches,
    inspections,
    quota,
    version: p.version,
  };
}
