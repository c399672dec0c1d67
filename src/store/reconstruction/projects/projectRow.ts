// Reading reconstruction projects: who sees one (their organisation's projects with a location in
// one of their governorates; 404 otherwise) and the rows of a set of projects parsed into domain
// types, children included, in a fixed number of queries whatever the number of projects.
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { errors } from '../../../errors.ts';
import type { Project, ProjectTransaction } from '../../../reconstruction/projects.ts';

type Db = pg.Pool | pg.PoolClient;

/** SQL: project `p` is visible to the actor ($org, $governorates). */
export const visibleSql = (p: string, org: number, govs: number) =>
  `${p}.org_id = $${org} AND EXISTS (SELECT 1 FROM reconstruction_project_location l WHERE l.project_id = ${p}.id AND l.governorate = ANY($${govs}::text[]))`;

type ProjectRow = {
  id: string;
  org_id: string;
  iati_identifier: string;
  reporting_org_ref: string;
  reporting_org_type: string;
  reporting_org_name: string;
  title_en: string;
  title_ar: string;
  description_en: string;
  description_ar: string;
  activity_status: string;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  default_currency: string;
  housing_units: number | null;
  updated_at: Date;
  version: number;
};
type Org = { ref: string | null; type: string; name: string };
const orgOf = (ref: string | null, type: string | null, name: string | null): Org | null =>
  type === null || name === null ? null : { ref, type, name };

function group<T extends { project_id: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.project_id, [...(m.get(r.project_id) ?? []), r]);
  return m;
}

export function parseTransaction(t: {
  id: string;
  type: string;
  date: string;
  value: string;
  currency: string;
  description: string | null;
  provider_ref: string | null;
  provider_type: string | null;
  provider_name: string | null;
  receiver_ref: string | null;
  receiver_type: string | null;
  receiver_name: string | null;
  created_at: Date;
}): ProjectTransaction {
  return {
    id: t.id,
    type: t.type,
    date: t.date,
    value: Number(t.value),
    currency: t.currency,
    description: t.description,
    provider: orgOf(t.provider_ref, t.provider_type, t.provider_name),
    receiver: orgOf(t.receiver_ref, t.receiver_type, t.receiver_name),
    createdAt: t.created_at.toISOString(),
  };
}

async function children(db: Db, ids: string[]) {
  // one query after the other: a pool client runs one at a time
  const q = <T extends pg.QueryResultRow>(sql: string) => db.query<T & { project_id: string }>(sql, [ids]).then((r) => group(r.rows));
  const orgs = await q<{ role: string; ref: string | null; type: string; name: string }>(
    'SELECT project_id, role, ref, type, name FROM reconstruction_project_org WHERE project_id = ANY($1) ORDER BY project_id, position',
  );
  const sectors = await q<{ code: string; percentage: string }>(
    'SELECT project_id, code, percentage FROM reconstruction_project_sector WHERE project_id = ANY($1) ORDER BY project_id, percentage DESC, code',
  );
  const locations = await q<{ governorate: string; lat: number | null; lon: number | null }>(
    'SELECT project_id, governorate, lat, lon FROM reconstruction_project_location WHERE project_id = ANY($1) ORDER BY project_id, governorate',
  );
  const budgets = await q<{ type: string; status: string; period_start: string; period_end: string; value: string; currency: string }>(
    'SELECT project_id, type, status, period_start, period_end, value, currency FROM reconstruction_project_budget WHERE project_id = ANY($1) ORDER BY project_id, position',
  );
  const transactions = await q<Parameters<typeof parseTransaction>[0]>(
    'SELECT * FROM reconstruction_project_transaction WHERE project_id = ANY($1) ORDER BY project_id, date, created_at, id',
  );
  return { orgs, sectors, locations, budgets, transactions };
}

/** The projects with these ids (no scope check: callers select visible ids), in the order of `rows`. */
export async function projectsOf(db: Db, rows: ProjectRow[]): Promise<Project[]> {
  if (rows.length === 0) return [];
  const c = await children(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    iatiIdentifier: r.iati_identifier,
    reportingOrg: { ref: r.reporting_org_ref, type: r.reporting_org_type, name: r.reporting_org_name },
    title: { en: r.title_en, ar: r.title_ar },
    description: { en: r.description_en, ar: r.description_ar },
    participatingOrgs: (c.orgs.get(r.id) ?? []).map((o) => ({ role: o.role, ref: o.ref, type: o.type, name: o.name })),
    activityStatus: r.activity_status,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    currency: r.default_currency,
    sectors: (c.sectors.get(r.id) ?? []).map((s) => ({ code: s.code, percentage: Number(s.percentage) })),
    locations: (c.locations.get(r.id) ?? []).map((l) => ({
      governorate: l.governorate,
      point: l.lat === null || l.lon === null ? null : { lat: l.lat, lon: l.lon },
    })),
    budgets: (c.budgets.get(r.id) ?? []).map((b) => ({
      type: b.type,
      status: b.status,
      periodStart: b.period_start,
      periodEnd: b.period_end,
      value: Number(b.value),
      currency: b.currency,
    })),
    housingUnits: r.housing_units,
    transactions: (c.transactions.get(r.id) ?? []).map(parseTransaction),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  }));
}

export const PROJECT_SELECT = 'SELECT p.* FROM reconstruction_project p';

/** Projects matching a condition on `p` with its parameters, in identifier order. */
export async function selectProjects(db: Db, where: string, params: unknown[], tail = ''): Promise<Project[]> {
  const r = await db.query<ProjectRow>(`${PROJECT_SELECT} WHERE ${where} ORDER BY p.iati_identifier ${tail}`, params);
  return projectsOf(db, r.rows);
}

/** A project the actor sees, or 404 (`lock`: FOR UPDATE, within a write). */
export async function getProjectFor(db: Db, actor: Actor, id: string, lock = false): Promise<Project> {
  const [p] = await selectProjects(
    db,
    `p.id = $1 AND ${visibleSql('p', 2, 3)}`,
    [id, actor.orgId, actor.governorates],
    lock ? 'FOR UPDATE OF p' : '',
  );
  if (!p) throw errors.notFound('project');
  return p;
}
