// People and households reached by aid, per cycle: for the dashboard. Counts only. Targeted: the
// households the cycle entitled to something (its entitlements), with their members as the cycle's
// registry snapshot counted them at generation; not the whole snapshot, which holds every household
// of the registry. Reached: of those, the households that received at least one of their
// entitlements (a standing redemption). By where the households lived at the cut-off date (the
// snapshot's governorate, from displacement records), limited to the actor's organisation and
// governorates; for the roles that see only aggregates, counts of 1 to 4 withheld
// (src/shared/disclosure.ts).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { seesOnlyAggregates, suppress } from '../../shared/disclosure.ts';

export type ReachCount = { households: number | null; people: number | null };
export type CycleReach = {
  id: string;
  programme: string;
  sector: string;
  number: number;
  cutoffDate: string;
  status: string;
  targeted: ReachCount;
  reached: ReachCount;
};

/** The latest `limit` generated or closed cycles of the actor's organisation, newest first. */
export async function reachByCycle(db: pg.Pool, actor: Actor, limit: number): Promise<CycleReach[]> {
  const r = await db.query<{
    id: string;
    programme: string;
    sector: string;
    number: number;
    cutoff_date: string;
    status: string;
    t_hh: number;
    t_people: number;
    r_hh: number;
    r_people: number;
  }>(
    `WITH c AS (
       SELECT c.id, c.number, c.cutoff_date, c.status, c.created_at, p.name AS programme, p.sector
         FROM aid_cycle c JOIN programme p ON p.id = c.programme_id
        WHERE p.org_id = $1 AND c.status <> 'draft'
        ORDER BY c.cutoff_date DESC, c.created_at DESC LIMIT $3
     ), targeted AS (
       SELECT DISTINCT e.cycle_id, e.household_id FROM entitlement e WHERE e.cycle_id IN (SELECT id FROM c)
     ), reached AS (
       SELECT DISTINCT x.cycle_id, x.household_id FROM redemption x WHERE x.cycle_id IN (SELECT id FROM c) AND x.status = 'standing'
     )
     SELECT c.id, c.programme, c.sector, c.number, c.cutoff_date::text AS cutoff_date, c.status,
            count(s.household_id)::int AS t_hh, coalesce(sum(s.size), 0)::int AS t_people,
            count(rd.household_id)::int AS r_hh, coalesce(sum(s.size) FILTER (WHERE rd.household_id IS NOT NULL), 0)::int AS r_people
       FROM c
       LEFT JOIN (targeted tg JOIN cycle_household s ON s.cycle_id = tg.cycle_id AND s.household_id = tg.household_id)
              ON tg.cycle_id = c.id AND s.governorate = ANY($2::text[])
       LEFT JOIN reached rd ON rd.cycle_id = s.cycle_id AND rd.household_id = s.household_id
      GROUP BY c.id, c.programme, c.sector, c.number, c.cutoff_date, c.status, c.created_at
      ORDER BY c.cutoff_date DESC, c.created_at DESC`,
    [actor.orgId, actor.governorates, limit],
  );
  const only = seesOnlyAggregates(actor.role);
  // no sum links these four cells: each is withheld on its own
  const cell = (n: number) => (only ? suppress({ cells: [n], counts: 'all' })[0]! : n);
  return r.rows.map((x) => ({
    id: x.id,
    programme: x.programme,
    sector: x.sector,
    number: x.number,
    cutoffDate: x.cutoff_date,
    status: x.status,
    targeted: { households: cell(x.t_hh), people: cell(x.t_people) },
    reached: { households: cell(x.r_hh), people: cell(x.r_people) },
  }));
}
