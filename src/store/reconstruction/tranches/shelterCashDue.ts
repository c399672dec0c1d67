// What a month's transitional shelter cash comes to in the reader's organisation and governorates:
// the plans due and not yet paid (count, total) and those already paid that month. Counts and
// sums only, no names; the same rule decides as the payment run (src/reconstruction/shelterCash.ts).
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { monthOf, shelterMonthDue } from '../../../reconstruction/shelterCash.ts';
import { scopeSql } from '../../registry/scope.ts';

export type ShelterDue = { month: string; due: { plans: number; total: number }; paid: { plans: number; total: number } };

export async function shelterCashDue(db: pg.Pool, actor: Actor, month: string, today: string): Promise<ShelterDue> {
  const scope = scopeSql('p', actor, 2);
  const r = await db.query<{ monthly: string; from: string; until: string | null; paid: string | null }>(
    `SELECT p.shelter_cash_monthly AS monthly, to_char(p.shelter_from, 'YYYY-MM-DD') AS from, to_char(p.shelter_until, 'YYYY-MM-DD') AS until,
            s.amount AS paid
       FROM reconstruction_plan p LEFT JOIN shelter_cash_payment s ON s.case_id = p.case_id AND s.month = $1::date
      WHERE ${scope.sql} AND (s.case_id IS NOT NULL OR (p.shelter_cash_monthly > 0 AND p.shelter_from < $1::date + interval '1 month'
        AND (p.shelter_until IS NULL OR p.shelter_until >= $1::date)))`,
    [`${month}-01`, ...scope.params],
  );
  const cents = (v: string) => Math.round(Number(v) * 100);
  let dueN = 0;
  let dueC = 0;
  let paidN = 0;
  let paidC = 0;
  for (const x of r.rows) {
    if (x.paid !== null) {
      paidN += 1;
      paidC += cents(x.paid);
    } else if (shelterMonthDue({ monthly: Number(x.monthly), from: x.from, until: x.until }, month, monthOf(today))) {
      dueN += 1;
      dueC += cents(x.monthly);
    }
  }
  return { month, due: { plans: dueN, total: dueC / 100 }, paid: { plans: paidN, total: paidC / 100 } };
}
