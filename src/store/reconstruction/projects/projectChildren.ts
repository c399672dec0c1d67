// A project's parts (participating organisations, sectors, locations, budgets), written in one
// statement each with arrays (set-based), by createProject and updateProject.
import type pg from 'pg';
import { assertInGovernorates } from '../../../access/scope.ts';
import type { Actor } from '../../../access/actor.ts';
import type { ProjectDraft } from '../../../reconstruction/projects.ts';

/** The governorates of a project's locations must all be the actor's (422 naming the location otherwise). */
export function assertLocationsInScope(actor: Actor, d: ProjectDraft): void {
  d.locations.forEach((l, i) => {
    assertInGovernorates(actor, l.governorate, `locations.${i}.governorate`);
  });
}

export async function writeChildren(client: pg.PoolClient, id: string, d: ProjectDraft): Promise<void> {
  const o = d.participatingOrgs;
  await client.query(
    `INSERT INTO reconstruction_project_org (project_id, position, role, ref, type, name)
     SELECT $1, n, role, ref, type, name FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS x(role, ref, type, name, n)`,
    [id, o.map((x) => x.role), o.map((x) => x.ref ?? null), o.map((x) => x.type), o.map((x) => x.name)],
  );
  await client.query(
    `INSERT INTO reconstruction_project_sector (project_id, code, percentage)
     SELECT $1, code, pct FROM unnest($2::text[], $3::numeric[]) AS x(code, pct)`,
    [id, d.sectors.map((s) => s.code), d.sectors.map((s) => s.percentage)],
  );
  await client.query(
    `INSERT INTO reconstruction_project_location (project_id, governorate, lat, lon)
     SELECT $1, g, lat, lon FROM unnest($2::text[], $3::float8[], $4::float8[]) AS x(g, lat, lon)`,
    [id, d.locations.map((l) => l.governorate), d.locations.map((l) => l.point?.lat ?? null), d.locations.map((l) => l.point?.lon ?? null)],
  );
  const b = d.budgets;
  await client.query(
    `INSERT INTO reconstruction_project_budget (project_id, position, type, status, period_start, period_end, value, currency, value_date)
     SELECT $1, n, type, status, ps, pe, v, c, ps FROM unnest($2::text[], $3::text[], $4::date[], $5::date[], $6::numeric[], $7::text[])
       WITH ORDINALITY AS x(type, status, ps, pe, v, c, n)`,
    [
      id,
      b.map((x) => x.type),
      b.map((x) => x.status),
      b.map((x) => x.periodStart),
      b.map((x) => x.periodEnd),
      b.map((x) => x.value),
      b.map((x) => x.currency ?? d.currency),
    ],
  );
}

export async function deleteChildren(client: pg.PoolClient, id: string): Promise<void> {
  for (const t of [
    'reconstruction_project_org',
    'reconstruction_project_sector',
    'reconstruction_project_location',
    'reconstruction_project_budget',
  ])
    await client.query(`DELETE FROM ${t} WHERE project_id = $1`, [id]);
}

/** The columns of reconstruction_project a draft sets, in the order of PROJECT_COLUMNS. */
export const PROJECT_COLUMNS =
  'iati_identifier, reporting_org_ref, reporting_org_type, reporting_org_name, title_en, title_ar, description_en, description_ar, activity_status, planned_start, planned_end, actual_start, actual_end, default_currency, housing_units';
export const projectValues = (d: ProjectDraft): unknown[] => [
  d.iatiIdentifier,
  d.reportingOrg.ref,
  d.reportingOrg.type,
  d.reportingOrg.name,
  d.title.en,
  d.title.ar,
  d.description.en,
  d.description.ar,
  d.activityStatus,
  d.plannedStart,
  d.plannedEnd,
  d.actualStart ?? null,
  d.actualEnd ?? null,
  d.currency,
  d.housingUnits ?? null,
];

export const isIdentifierTaken = (e: unknown): boolean =>
  (e as { code?: string; constraint?: string }).code === '23505' &&
  (e as { constraint?: string }).constraint === 'reconstruction_project_iati_identifier_key';
