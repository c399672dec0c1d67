// A household's aid: its cards (with any revocation) and its entitlements in every cycle of the
// actor's organisation, with whether each was received, and its reconstruction payments (the tranches
// and months of shelter cash paid to the plans of the cases it claims in; a joint case's payment is
// one payment shared by its households, shown once with how many share it). No personal data.
// Entitlements have no index by household (it would slow generation): each cycle's snapshot row is
// found by its primary key (cycle, household), then its entitlements through the BRIN index on
// (cycle, point).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { cardNumber } from '../../aid/cardNumber.ts';
import type { Stage } from '../../shared/tranches.ts';
import { getHousehold } from '../registry/households/findHousehold.ts';

export type HouseholdAid = {
  cards: { serial: number; number: string; issuedAt: string; revokedAt: string | null; revokedReason: string | null }[];
  entitlements: {
    cycleId: string;
    cycleNumber: number;
    cycleStatus: string;
    cutoffDate: string;
    programme: string;
    item: string;
    unit: string;
    quantity: number;
    receivedAt: string | null;
  }[];
  reconstruction: ReconstructionPayment[];
};

export type ReconstructionPayment = {
  kind: 'tranche' | 'shelter_cash';
  caseId: string;
  code: string;
  stage: Stage | null;
  month: string | null;
  amount: number;
  paidAt: string;
  households: number;
};

type EntitlementRow = {
  cycle_id: string;
  number: number;
  status: string;
  cutoff_date: string;
  programme: string;
  item: string;
  unit: string;
  quantity: string;
  received_at: Date | null;
};

/** The cards and entitlements of a household in the actor's scope (404 otherwise), newest first. */
export async function householdAid(db: pg.Pool, actor: Actor, householdId: string): Promise<HouseholdAid> {
  const h = await getHousehold(db, actor, householdId);
  const cards = await db.query<{ serial: number; issued_at: Date; revoked_at: Date | null; reason: string | null }>(
    `SELECT c.serial, c.issued_at, r.revoked_at, r.reason FROM household_card c LEFT JOIN card_revocation r ON r.serial = c.serial
      WHERE c.household_id = $1 AND c.org_id = $2 ORDER BY c.serial DESC`,
    [h.id, actor.orgId],
  );
  // The cycles the household was in (the snapshot's primary key), then each cycle's entitlements
  // of the household within its point's block (BRIN): never a scan of every entitlement.
  const cycles = await db.query<Omit<EntitlementRow, 'item' | 'unit' | 'quantity' | 'received_at'> & { point_id: string | null }>(
    `SELECT c.id AS cycle_id, c.number, c.status, c.cutoff_date, p.name AS programme, ch.point_id
       FROM programme p JOIN aid_cycle c ON c.programme_id = p.id
       JOIN cycle_household ch ON ch.cycle_id = c.id AND ch.household_id = $1
      WHERE p.org_id = $2 ORDER BY c.cutoff_date DESC, c.number DESC, p.name`,
    [h.id, actor.orgId],
  );
  const ents: EntitlementRow[] = [];
  for (const c of cycles.rows) {
    const r = await db.query<Pick<EntitlementRow, 'item' | 'unit' | 'quantity' | 'received_at'>>(
      `SELECT i.name AS item, i.unit, e.quantity,
              (SELECT min(x.redeemed_at) FROM redemption x WHERE x.entitlement_id = e.id AND x.status = 'standing') AS received_at
         FROM entitlement e JOIN aid_item i ON i.id = e.item_id
        WHERE e.cycle_id = $1 AND ${c.point_id === null ? 'e.point_id IS NULL' : 'e.point_id = $3'} AND e.household_id = $2
        ORDER BY i.name`,
      c.point_id === null ? [c.cycle_id, h.id] : [c.cycle_id, h.id, c.point_id],
    );
    for (const e of r.rows) ents.push({ ...c, ...e });
  }
  const reconstruction = await reconstructionPayments(db, actor, h.id);
  return {
    reconstruction,
    cards: cards.rows.map((c) => ({
      serial: c.serial,
      number: cardNumber(c.serial),
      issuedAt: c.issued_at.toISOString(),
      revokedAt: c.revoked_at?.toISOString() ?? null,
      revokedReason: c.reason,
    })),
    entitlements: ents.map((e) => ({
      cycleId: e.cycle_id,
      cycleNumber: e.number,
      cycleStatus: e.status,
      cutoffDate: e.cutoff_date,
      programme: e.programme,
      item: e.item,
      unit: e.unit,
      quantity: Number(e.quantity),
      receivedAt: e.received_at?.toISOString() ?? null,
    })),
  };
}

/**
 * The tranche and shelter-cash payments of the plans (of the actor's organisation) whose case the
 * household claims in (its claims not rejected or withdrawn), newest first: each payment once,
 * however many claims the household has on the case.
 */
async function reconstructionPayments(db: pg.Pool, actor: Actor, householdId: string): Promise<ReconstructionPayment[]> {
  const r = await db.query<{
    kind: 'tranche' | 'shelter_cash';
    case_id: string;
    code: string;
    stage: Stage | null;
    month: string | null;
    amount: string;
    paid_at: Date;
    households: number;
  }>(
    `WITH plans AS (
       SELECT p.case_id, p.code,
              (SELECT count(DISTINCT c2.household_id)::int FROM claim c2 WHERE c2.case_id = p.case_id AND c2.state NOT IN ('rejected','withdrawn')) AS households
         FROM reconstruction_plan p
        WHERE p.org_id = $2 AND EXISTS (SELECT 1 FROM claim c WHERE c.case_id = p.case_id AND c.household_id = $1 AND c.state NOT IN ('rejected','withdrawn')))
     SELECT 'tranche' AS kind, pl.case_id, pl.code, t.stage, NULL AS month, pay.amount, pay.released_at AS paid_at, pl.households
       FROM plans pl JOIN tranche_payment pay ON pay.case_id = pl.case_id JOIN tranche t ON t.id = pay.tranche_id
     UNION ALL
     SELECT 'shelter_cash', pl.case_id, pl.code, NULL, to_char(s.month, 'YYYY-MM'), s.amount, s.paid_at, pl.households
       FROM plans pl JOIN shelter_cash_payment s ON s.case_id = pl.case_id
     ORDER BY paid_at DESC, kind, month DESC`,
    [householdId, actor.orgId],
  );
  return r.rows.map((x) => ({
    kind: x.kind,
    caseId: x.case_id,
    code: x.code,
    stage: x.stage,
    month: x.month,
    amount: Number(x.amount),
    paidAt: x.paid_at.toISOString(),
    households: x.households,
  }));
}
