// Funds committed and disbursed per governorate and currency, over the projects the actor sees.
// A project in several governorates counts in each with an equal share of its amounts (IATI
// locations carry no percentages), so the governorates add up to the projects' totals.
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';

export type FundsRow = { governorate: string; currency: string; projects: number; committed: number; disbursed: number };

export async function fundsByGovernorate(db: pg.Pool, actor: Actor): Promise<FundsRow[]> {
  const r = await db.query<{ governorate: string; currency: string; projects: number; committed: string; disbursed: string }>(
    `WITH p AS (
       SELECT p.id, count(l.governorate) OVER (PARTITION BY p.id) AS shares, l.governorate
         FROM reconstruction_project p JOIN reconstruction_project_location l ON l.project_id = p.id
        WHERE p.org_id = $1 AND EXISTS (SELECT 1 FROM reconstruction_project_location v WHERE v.project_id = p.id AND v.governorate = ANY($2::text[]))
     )
     SELECT p.governorate, t.currency, count(DISTINCT p.id)::int AS projects,
            round(coalesce(sum(t.value / p.shares) FILTER (WHERE t.type = '2'), 0), 2) AS committed,
            round(coalesce(sum(t.value / p.shares) FILTER (WHERE t.type = '3'), 0), 2) AS disbursed
       FROM p JOIN reconstruction_project_transaction t ON t.project_id = p.id
      WHERE p.governorate = ANY($2::text[])
      GROUP BY p.governorate, t.currency
      ORDER BY p.governorate, t.currency`,
    [actor.orgId, actor.governorates],
  );
  return r.rows.map((x) => ({ ...x, committed: Number(x.committed), disbursed: Number(x.disbursed) }));
}
