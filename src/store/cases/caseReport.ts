import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { ReportRow } from '../../tickets/report.ts';

export type CaseReportBy = 'type' | 'stage' | 'governorate';

/**
 * Counts of the cases of the actor's organisation and governorates grouped by one dimension: total,
 * open, overdue (open past their due date), closed by or after their due date, and the median days
 * from opening to closing. Sensitive types are counted too: counts only, no case is read.
 */
export async function caseReport(db: pg.Pool, actor: Actor, by: CaseReportBy): Promise<ReportRow[]> {
  const column = { type: 'c.type', stage: 'c.stage', governorate: 'c.governorate' }[by];
  const r = await db.query<ReportRow & { median_days: number | null }>(
    `SELECT ${column} AS key, count(*)::int AS total,
            count(*) FILTER (WHERE c.stage <> 'closed')::int AS open,
            count(*) FILTER (WHERE c.stage <> 'closed' AND c.due_at < now())::int AS overdue,
            count(*) FILTER (WHERE c.stage = 'closed' AND c.closed_at <= c.due_at)::int AS "onTime",
            count(*) FILTER (WHERE c.stage = 'closed' AND c.closed_at > c.due_at)::int AS late,
            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.closed_at - c.opened_at) / 86400)
                   FILTER (WHERE c.stage = 'closed'))::numeric, 1)::float AS median_days
       FROM case_file c WHERE c.org_id = $1 AND c.governorate = ANY($2::text[])
      GROUP BY 1 ORDER BY 1`,
    [actor.orgId, actor.governorates],
  );
  return r.rows.map(({ median_days, ...x }) => ({ ...x, medianDays: median_days }));
}
