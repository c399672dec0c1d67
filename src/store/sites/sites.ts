// Sites: create, update, find, list, within the actor's organisation and governorates.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import type { SiteKind, SitePhase, SiteStatus } from '../../sites/capacity.ts';
import { scopeSql } from '../registry/scope.ts';
import type { WriteContext } from '../write.ts';
import { isUuid } from '../../shared/ids.ts';

export type SiteInput = {
  kind: SiteKind;
  name: string;
  governorate: string;
  locality?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  managingOrganisation?: string | undefined;
  coveredAreaM2?: number | undefined;
  toilets?: number | undefined;
  waterPoints?: number | undefined;
  waterLitresPerDay?: number | undefined;
  phase?: SitePhase | undefined;
  status?: SiteStatus | undefined;
};

export type Site = {
  id: string;
  kind: SiteKind;
  name: string;
  governorate: string;
  locality: string | null;
  lat: number | null;
  lon: number | null;
  managingOrganisation: string | null;
  coveredAreaM2: number | null;
  toilets: number | null;
  waterPoints: number | null;
  waterLitresPerDay: number | null;
  phase: SitePhase;
  status: SiteStatus;
  version: number;
};

type Row = {
  id: string;
  kind: SiteKind;
  name: string;
  governorate: string;
  locality: string | null;
  lat: number | null;
  lon: number | null;
  managing_organisation: string | null;
  covered_area_m2: string | null;
  toilets: number | null;
  water_points: number | null;
  water_litres_per_day: string | null;
  phase: SitePhase;
  status: SiteStatus;
  version: number;
};
const COLS =
  'id, kind, name, governorate, locality, lat, lon, managing_organisation, covered_area_m2, toilets, water_points, water_litres_per_day, phase, status, version';
const num = (v: string | null) => (v === null ? null : Number(v));
export const siteOf = (r: Row): Site => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  governorate: r.governorate,
  locality: r.locality,
  lat: r.lat,
  lon: r.lon,
  managingOrganisation: r.managing_organisation,
  coveredAreaM2: num(r.covered_area_m2),
  toilets: r.toilets,
  waterPoints: r.water_points,
  waterLitresPerDay: num(r.water_litres_per_day),
  phase: r.phase,
  status: r.status,
  version: r.version,
});

function values(s: SiteInput): unknown[] {
  return [
    s.kind,
    s.name,
    s.governorate,
    s.locality ?? null,
    s.lat ?? null,
    s.lon ?? null,
    s.managingOrganisation ?? null,
    s.coveredAreaM2 ?? null,
    s.toilets ?? null,
    s.waterPoints ?? null,
    s.waterLitresPerDay ?? null,
    s.phase ?? 'initial',
    s.status ?? 'open',
  ];
}

export async function createSite(ctx: WriteContext, s: SiteInput): Promise<Site> {
  const r = await ctx.client.query<Row>(
    `INSERT INTO site (org_id, kind, name, governorate, locality, lat, lon, managing_organisation, covered_area_m2, toilets, water_points, water_litres_per_day, phase, status)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING ${COLS}`,
    [ctx.actor.orgId, ...values(s)],
  );
  const site = siteOf(r.rows[0]!);
  await ctx.log({ entity: 'site', entityId: site.id, action: 'create', after: site });
  return site;
}

export async function findSite(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<Site | undefined> {
  if (!isUuid(id)) return undefined;
  const scope = scopeSql('s', actor, 2);
  const r = await db.query<Row>(
    `SELECT ${COLS.split(', ')
      .map((c) => `s.${c}`)
      .join(', ')} FROM site s WHERE s.id = $1 AND ${scope.sql}${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, ...scope.params],
  );
  return r.rows[0] ? siteOf(r.rows[0]) : undefined;
}

export async function getSite(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<Site> {
  const s = await findSite(db, actor, id, forUpdate);
  if (!s) throw errors.notFound('site');
  return s;
}

export async function updateSite(ctx: WriteContext, id: string, version: number, s: SiteInput): Promise<Site> {
  const before = await getSite(ctx.client, ctx.actor, id, true);
  if (before.version !== version) throw errors.versionConflict();
  const r = await ctx.client.query<Row>(
    `UPDATE site SET kind=$2, name=$3, governorate=$4, locality=$5, lat=$6, lon=$7, managing_organisation=$8, covered_area_m2=$9, toilets=$10, water_points=$11, water_litres_per_day=$12, phase=$13, status=$14,
       version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLS}`,
    [id, ...values(s)],
  );
  const after = siteOf(r.rows[0]!);
  await ctx.log({ entity: 'site', entityId: id, action: 'update', before, after });
  return after;
}

export async function listSites(
  db: pg.Pool,
  actor: Actor,
  f: { governorate?: string | undefined; kind?: string | undefined; status?: string | undefined },
): Promise<Site[]> {
  const scope = scopeSql('s', actor, 1);
  const params: unknown[] = [...scope.params];
  let where = scope.sql;
  if (f.governorate) where += ` AND s.governorate = $${params.push(f.governorate)}`;
  if (f.kind) where += ` AND s.kind = $${params.push(f.kind)}`;
  if (f.status) where += ` AND s.status = $${params.push(f.status)}`;
  const r = await db.query<Row>(
    `SELECT ${COLS.split(', ')
      .map((c) => `s.${c}`)
      .join(', ')} FROM site s WHERE ${where} ORDER BY s.governorate, s.name, s.id LIMIT 5000`,
    params,
  );
  return r.rows.map(siteOf);
}
