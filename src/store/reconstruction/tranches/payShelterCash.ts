// Pays a month's transitional shelter cash to every plan of the actor's organisation and
// governorates for which that month is due (src/reconstruction/shelterCash.ts) and not yet paid,
// in one statement. A plan's month stands once (the ledger's primary key): running the month twice
// pays nothing more, and two runs at once pay once (the plans are locked in one order while the
// run is weighed, and the insert skips what a concurrent run committed). Each payment is a ledger
// row; the run is one change-log entry naming the month, the total and every plan paid. A month in
// the future is refused.
import { errors } from '../../../errors.ts';
import { monthOf, paysNow } from '../../../reconstruction/shelterCash.ts';
import type { WriteContext } from '../../write.ts';
import { scopeSql } from '../../registry/scope.ts';

export type ShelterRun = { month: string; paid: number; total: number };

type DueRow = { case_id: string; governorate: string; unit_id: string; monthly: string; from: string; until: string | null; paid: boolean };

export async function payShelterCash(ctx: WriteContext, month: string, today: string): Promise<ShelterRun> {
  if (!ctx.actor.userId) throw errors.forbidden();
  if (month > monthOf(today)) throw errors.invalidField('month', 'in_future');
  const scope = scopeSql('p', ctx.actor, 2);
  const r = await ctx.client.query<DueRow>(
    `SELECT p.case_id, p.governorate, p.unit_id, p.shelter_cash_monthly AS monthly,
            to_char(p.shelter_from, 'YYYY-MM-DD') AS from, to_char(p.shelter_until, 'YYYY-MM-DD') AS until,
            EXISTS (SELECT 1 FROM shelter_cash_payment s WHERE s.case_id = p.case_id AND s.month = $1::date) AS paid
       FROM reconstruction_plan p
      WHERE ${scope.sql} AND p.shelter_cash_monthly > 0 AND p.shelter_from < $1::date + interval '1 month'
        AND (p.shelter_until IS NULL OR p.shelter_until >= $1::date)
      ORDER BY p.case_id FOR UPDATE OF p`,
    [`${month}-01`, ...scope.params],
  );
  const due = r.rows.filter((x) =>
    paysNow({ monthly: Number(x.monthly), from: x.from, until: x.until }, month, monthOf(today), new Set(x.paid ? [month] : [])),
  );
  if (due.length === 0) return { month, paid: 0, total: 0 };
  const ins = await ctx.client.query<{ case_id: string; amount: string }>(
    `INSERT INTO shelter_cash_payment (case_id, month, org_id, governorate, unit_id, amount, paid_by)
     SELECT u.case_id, $1::date, $2, u.governorate, u.unit_id, u.amount, $3
       FROM unnest($4::uuid[], $5::text[], $6::uuid[], $7::numeric[]) AS u(case_id, governorate, unit_id, amount)
     ON CONFLICT (case_id, month) DO NOTHING
     RETURNING case_id, amount`,
    [
      `${month}-01`,
      ctx.actor.orgId,
      ctx.actor.userId,
      due.map((x) => x.case_id),
      due.map((x) => x.governorate),
      due.map((x) => x.unit_id),
      due.map((x) => x.monthly),
    ],
  );
  const total = ins.rows.reduce((sum, x) => sum + Math.round(Number(x.amount) * 100), 0) / 100;
  // one entry per run naming every plan paid (ids only), as a cycle's generation is logged: an
  // entry per row would chain thousands of hashes one by one (docs/benchmarks: shelter cash)
  if (ins.rows.length > 0)
    await ctx.log({
      entity: 'shelter_cash_payment',
      entityId: null,
      action: 'pay',
      after: { month, plans: ins.rows.length, total, cases: ins.rows.map((x) => x.case_id) },
    });
  return { month, paid: ins.rows.length, total };
}
