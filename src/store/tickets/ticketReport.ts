import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import type { ReportRow } from '../../tickets/report.ts';

export type ReportBy = 'category' | 'channel' | 'governorate';

/** Counts of the tickets of the actor's organisation and governorates, grouped by one dimension (sensitive ones included: counts only). */
export async function ticketReport(db: pg.Pool, actor: Actor, by: ReportBy): Promise<ReportRow[]> {
  const column = { category: 't.category', channel: 't.channel', governorate: 't.governorate' }[by];
  const r = await db.query<ReportRow & { median_days: number | null }>(
    `SELECT ${column} AS key, count(*)::int AS total,
            count(*) FILTER (WHERE t.status <> 'closed')::int AS open,
            count(*) FILTER (WHERE t.status <> 'closed' AND t.due_at < now())::int AS overdue,
            count(*) FILTER (WHERE t.status = 'closed' AND t.closed_at <= t.due_at)::int AS "onTime",
            count(*) FILTER (WHERE t.status = 'closed' AND t.closed_at > t.due_at)::int AS late,
            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.closed_at - t.created_at) / 86400)
                   FILTER (WHERE t.status = 'closed'))::numeric, 1)::float AS median_days
       FROM ticket t WHERE t.org_id = $1 AND t.governorate = ANY($2::text[])
      GROUP BY 1 ORDER BY 1`,
    [actor.orgId, actor.governorates],
  );
  return r.rows.map(({ median_days, ...x }) => ({ ...x, medianDays: median_days }));
}
