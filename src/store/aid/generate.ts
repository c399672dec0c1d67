// A cycle's entitlement list, generated set-based from the registry as it stood on the cut-off
// date: one INSERT ... SELECT snapshots the households (size, sex and age groups, location, site,
// displacement, vulnerabilities, distribution point), a second applies the rules compiled to SQL.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { cycleTransition } from '../../aid/cycle.ts';
import { entitlementSelectSql, Params, RulesSchema } from '../../aid/rules.ts';
import type pg from 'pg';
import type { WriteContext } from '../write.ts';
import { type Cycle, getCycle, getProgramme } from './catalogue.ts';

export const SNAPSHOT = `
WITH m AS (
  SELECT hm.household_id, h.governorate AS home,
    count(*)::int AS size,
    count(*) FILTER (WHERE p.sex = 'female')::int AS female,
    count(*) FILTER (WHERE p.sex = 'male')::int AS male,
    count(*) FILTER (WHERE p.sex = 'female' AND p.date_of_birth > $4)::int AS f_0_17,
    count(*) FILTER (WHERE p.sex = 'male' AND p.date_of_birth > $4)::int AS m_0_17,
    count(*) FILTER (WHERE p.sex = 'female' AND p.date_of_birth <= $4 AND p.date_of_birth > $5)::int AS f_18_59,
    count(*) FILTER (WHERE p.sex = 'male' AND p.date_of_birth <= $4 AND p.date_of_birth > $5)::int AS m_18_59,
    count(*) FILTER (WHERE p.sex = 'female' AND p.date_of_birth <= $5)::int AS f_60_plus,
    count(*) FILTER (WHERE p.sex = 'male' AND p.date_of_birth <= $5)::int AS m_60_plus,
    bool_or(hm.relationship = 'head' AND p.sex = 'female') AS female_headed,
    bool_or(hm.relationship = 'head' AND p.date_of_birth > $4) AS child_headed,
    bool_or(hm.relationship = 'head' AND p.date_of_birth <= $5) AS elderly_headed
  FROM household_member hm
  JOIN household h ON h.id = hm.household_id AND h.org_id = $2
  JOIN person p ON p.id = hm.person_id
  WHERE hm.valid_from <= $3 AND (hm.valid_to IS NULL OR hm.valid_to > $3)
    -- a confirmed death (by the cut-off, or undated) takes the person out of the counts
    AND NOT EXISTS (SELECT 1 FROM life_event_confirmation dc WHERE dc.person_id = hm.person_id AND dc.kind = 'death'
                    AND (dc.effective_date IS NULL OR dc.effective_date <= $3))
  GROUP BY hm.household_id, h.governorate
),
d AS (
  SELECT DISTINCT ON (household_id) household_id, to_governorate, to_site, reason
  FROM displacement_event WHERE event_date <= $3
  ORDER BY household_id, event_date DESC, recorded_at DESC
),
v AS (
  SELECT household_id, array_agg(DISTINCT kind) AS kinds FROM vulnerability
  WHERE valid_from <= $3 AND (valid_to IS NULL OR valid_to > $3) GROUP BY household_id
),
sp AS (SELECT DISTINCT ON (site_id) site_id, id FROM distribution_point WHERE org_id = $2 AND site_id IS NOT NULL ORDER BY site_id, created_at, id),
gp AS (SELECT DISTINCT ON (governorate) governorate, id FROM distribution_point WHERE org_id = $2 AND site_id IS NULL ORDER BY governorate, created_at, id)
SELECT $1::uuid AS cycle_id, m.household_id, g.gov AS governorate, d.to_site AS site_id, s.kind AS site_kind, coalesce(sp.id, gp.id) AS point_id,
  d.household_id IS NOT NULL AND d.reason IS DISTINCT FROM 'return' AS displaced,
  m.size, m.female, m.male, m.f_0_17, m.m_0_17, m.f_18_59, m.m_18_59, m.f_60_plus, m.m_60_plus,
  coalesce(v.kinds, '{}'::text[])
    || CASE WHEN m.female_headed THEN '{female_headed}'::text[] ELSE '{}'::text[] END
    || CASE WHEN m.child_headed THEN '{child_headed}'::text[] ELSE '{}'::text[] END
    || CASE WHEN m.elderly_headed THEN '{elderly_headed}'::text[] ELSE '{}'::text[] END AS vulnerabilities
FROM m
LEFT JOIN d ON d.household_id = m.household_id
LEFT JOIN site s ON s.id = d.to_site
CROSS JOIN LATERAL (SELECT coalesce(d.to_governorate, s.governorate, m.home) AS gov) g
LEFT JOIN v ON v.household_id = m.household_id
LEFT JOIN sp ON sp.site_id = d.to_site
LEFT JOIN gp ON gp.governorate = g.gov`;

export type GenerateResult = { cycleId: string; households: number; entitlements: number; ms: number };

export async function generateCycle(ctx: WriteContext, cycleId: string): Promise<GenerateResult> {
  const t0 = Date.now();
  const c = await getCycle(ctx.client, ctx.actor, cycleId, true);
  const status = cycleTransition(c.status, 'generate');
  const prog = await getProgramme(ctx.client, ctx.actor, c.programmeId);
  const rules = RulesSchema.parse(prog.rules);
  await ctx.client.query("SET LOCAL work_mem = '256MB'");
  const households = await snapshotHouseholds(ctx, c);
  const entitlements = await insertEntitlements(ctx, c, rules);
  await ctx.client.query('UPDATE aid_cycle SET status = $4, rules = $2, generated_at = now(), households = $3 WHERE id = $1', [
    cycleId,
    JSON.stringify(rules),
    households,
    status,
  ]);
  await ctx.log({
    entity: 'aid_cycle',
    entityId: cycleId,
    action: 'generate',
    after: { cutoffDate: c.cutoffDate, households, entitlements },
  });
  return { cycleId, households, entitlements, ms: Date.now() - t0 };
}

/** The registry as it stood on the cut-off date, one row per household (cycle_household). */
async function snapshotHouseholds(ctx: WriteContext, c: Cycle): Promise<number> {
  const client = ctx.client;
  const cut = (
    await client.query<{ c18: string; c60: string }>(
      "SELECT ($1::date - interval '18 years')::date AS c18, ($1::date - interval '60 years')::date AS c60",
      [c.cutoffDate],
    )
  ).rows[0]!;
  // The snapshot is computed by CREATE TABLE AS, which PostgreSQL may run with parallel workers
  // (an INSERT ... SELECT never is), then inserted in one statement. Latest displacements by a
  // sequential scan and one sort, not an index walk over random pages.
  await client.query('SET LOCAL enable_indexscan = off');
  await client.query(`CREATE TEMP TABLE aid_snapshot ON COMMIT DROP AS ${SNAPSHOT}`, [
    c.id,
    ctx.actor.orgId,
    c.cutoffDate,
    cut.c18,
    cut.c60,
  ]);
  await client.query('SET LOCAL enable_indexscan = on');
  const snap = await client.query(
    `INSERT INTO cycle_household (cycle_id, household_id, governorate, site_id, site_kind, point_id, displaced, size, female, male, f_0_17, m_0_17, f_18_59, m_18_59, f_60_plus, m_60_plus, vulnerabilities)
     SELECT cycle_id, household_id, governorate, site_id, site_kind, point_id, displaced, size, female, male, f_0_17, m_0_17, f_18_59, m_18_59, f_60_plus, m_60_plus, vulnerabilities FROM aid_snapshot`,
  );
  // Fresh rows have no statistics yet: without them the planner may rescan the snapshot per rule.
  await client.query('SELECT sanad_analyze_cycle_household()'); // as the owner: the application's role owns no table
  return snap.rowCount ?? 0;
}

/** The programme's rules applied to the snapshot, set-based: the cycle's entitlements. */
async function insertEntitlements(ctx: WriteContext, c: Cycle, rules: ReturnType<typeof RulesSchema.parse>): Promise<number> {
  const client = ctx.client;
  const itemIds = new Map(
    (await client.query<{ code: string; id: string }>('SELECT code, id FROM aid_item WHERE org_id = $1', [ctx.actor.orgId])).rows.map(
      (r) => [r.code, r.id],
    ),
  );
  const p = new Params(3);
  const select = entitlementSelectSql(
    rules,
    c.number,
    p,
    '$1::uuid',
    itemIds,
    (item) =>
      `EXISTS (SELECT 1 FROM entitlement e JOIN aid_cycle c2 ON c2.id = e.cycle_id WHERE c2.programme_id = $2 AND c2.number < $3 AND e.item_id = ${item} AND e.household_id = s.household_id)`,
  );
  if (!select) return 0;
  // Rules applied by CREATE TABLE AS (parallel workers may scan the snapshot), grouped by point
  // (the BRIN index entitlement_point relies on it), then one insert with ids in insertion order (a time prefix, then a counter): the primary key grows at its right edge.
  await client.query(
    `CREATE TEMP TABLE aid_entitled ON COMMIT DROP AS SELECT * FROM (${select}) x WHERE $2::uuid IS NOT NULL AND $3::int >= 1 ORDER BY x.point_id, x.household_id`,
    [c.id, c.programmeId, c.number, ...p.values],
  );
  const prefix = `${Date.now().toString(16).padStart(12, '0')}7${randomBytes(2).toString('hex').slice(0, 3)}`;
  const ins = await client.query(
    `INSERT INTO entitlement (id, cycle_id, household_id, item_id, quantity, point_id, rule_index)
     SELECT ($2::text || '8' || lpad(to_hex(row_number() OVER ()), 15, '0'))::uuid, $1, x.household_id, x.item_id, x.quantity, x.point_id, x.rule_index FROM aid_entitled x`,
    [c.id, prefix],
  );
  // New block ranges are not summarised until VACUUM: summarise them now, or manifests would scan everything.
  await client.query('SELECT sanad_summarize_entitlements()'); // as the owner (migration 0027)
  return ins.rowCount ?? 0;
}

export type TotalRow = { governorate: string | null; item: string; unit: string; households: number; people: number; quantity: number };

/** Totals per item and governorate (and per item over all governorates, governorate null). */
export async function entitlementTotals(db: pg.Pool | pg.PoolClient, actor: Actor, cycleId: string): Promise<TotalRow[]> {
  await getCycle(db, actor, cycleId);
  const r = await db.query<{
    governorate: string | null;
    item: string;
    unit: string;
    households: number;
    people: number;
    quantity: string;
    g: number;
  }>(
    `SELECT s.governorate, i.code AS item, i.unit, count(*)::int AS households, sum(s.size)::int AS people, sum(e.quantity) AS quantity, grouping(s.governorate) AS g
     FROM entitlement e JOIN cycle_household s ON s.cycle_id = e.cycle_id AND s.household_id = e.household_id JOIN aid_item i ON i.id = e.item_id
     WHERE e.cycle_id = $1 GROUP BY GROUPING SETS ((i.code, i.unit, s.governorate), (i.code, i.unit)) ORDER BY i.code, g DESC, s.governorate`,
    [cycleId],
  );
  return r.rows.map((x) => ({
    governorate: x.g ? null : x.governorate,
    item: x.item,
    unit: x.unit,
    households: x.households,
    people: x.people,
    quantity: Number(x.quantity),
  }));
}
