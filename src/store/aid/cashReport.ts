// Cash reaching households, per governorate, over a period: cash aid handed over (standing
// redemptions of items of the cash sector, by their unit), reconstruction tranches released, and
// transitional shelter cash paid (by the month paid), each its own line, and the households reached
// by any of them counted once per governorate. A payment to a joint case is counted once (its
// amount) and reaches each household of the case once, however many claims a household has on it.
// Reconstruction cash is placed in the governorate of the unit, cash aid in that of the household's
// snapshot in the cycle. Counts and sums only, of the actor's organisation and governorates.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { appendLog } from '../write.ts';

export type CashSource = 'aid_cash' | 'tranche' | 'shelter_cash';
export type CashLine = {
  governorate: string;
  source: CashSource;
  item: string | null;
  unit: string;
  households: number;
  payments: number;
  amount: number;
};
export type CashReport = { from: string; to: string; lines: CashLine[]; governorates: { governorate: string; households: number }[] };

/** The currency of reconstruction grants and shelter cash (field assessments are priced in USD). */
export const RECONSTRUCTION_UNIT = 'USD';

// One row per payment (or handover) and household reached: amounts are summed over distinct
// payments, households counted distinct.
const PAID = `
  WITH claimants AS (SELECT DISTINCT case_id, household_id FROM claim WHERE state NOT IN ('rejected','withdrawn')),
  paid AS (
    SELECT ch.governorate, 'aid_cash' AS source, i.code AS item, i.unit, r.id::text AS payment, r.quantity AS amount, r.household_id
      FROM redemption r JOIN aid_cycle c ON c.id = r.cycle_id JOIN programme pr ON pr.id = c.programme_id
      JOIN aid_item i ON i.id = r.item_id AND i.sector = 'cash'
      JOIN cycle_household ch ON ch.cycle_id = r.cycle_id AND ch.household_id = r.household_id
     WHERE pr.org_id = $1 AND r.status = 'standing' AND r.redeemed_at >= $3::date AND r.redeemed_at < $4::date + 1
    UNION ALL
    SELECT p.governorate, 'tranche', NULL, '${RECONSTRUCTION_UNIT}', pay.id::text, pay.amount, cl.household_id
      FROM tranche_payment pay JOIN reconstruction_plan p ON p.case_id = pay.case_id
      LEFT JOIN claimants cl ON cl.case_id = pay.case_id
     WHERE p.org_id = $1 AND pay.released_at >= $3::date AND pay.released_at < $4::date + 1
    UNION ALL
    SELECT s.governorate, 'shelter_cash', NULL, '${RECONSTRUCTION_UNIT}', s.case_id::text || s.month::text, s.amount, cl.household_id
      FROM shelter_cash_payment s LEFT JOIN claimants cl ON cl.case_id = s.case_id
     WHERE s.org_id = $1 AND s.month >= date_trunc('month', $3::date) AND s.month <= $4::date
  )`;

export async function cashReport(db: pg.Pool, actor: Actor, from: string, to: string): Promise<CashReport> {
  const params = [actor.orgId, actor.governorates, from, to];
  // each payment's amount once (its first row), its households each once
  const lines = await db.query<{
    governorate: string;
    source: CashSource;
    item: string | null;
    unit: string;
    households: number;
    payments: number;
    amount: string;
  }>(
    `${PAID}, once AS (SELECT *, row_number() OVER (PARTITION BY source, payment ORDER BY household_id) = 1 AS first FROM paid)
     SELECT governorate, source, item, unit, count(DISTINCT household_id)::int AS households,
            count(*) FILTER (WHERE first)::int AS payments, coalesce(sum(amount) FILTER (WHERE first), 0) AS amount
       FROM once WHERE governorate = ANY($2::text[])
      GROUP BY governorate, source, item, unit ORDER BY governorate, source, item NULLS FIRST, unit`,
    params,
  );
  const govs = await db.query<{ governorate: string; households: number }>(
    `${PAID}
     SELECT governorate, count(DISTINCT household_id)::int AS households FROM paid WHERE governorate = ANY($2::text[])
      GROUP BY governorate ORDER BY governorate`,
    params,
  );
  await appendLog(db, actor, { entity: 'report', entityId: null, action: 'cash_report', after: { from, to, lines: lines.rows.length } });
  return {
    from,
    to,
    lines: lines.rows.map((x) => ({ ...x, amount: Number(x.amount) })),
    governorates: govs.rows,
  };
}
