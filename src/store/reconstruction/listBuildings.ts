// The buildings of one governorate (optionally one locality) in the actor's scope, each with its
// latest remote damage class, for the list and the map; and the counts of buildings by latest
// class per locality (the summary an analyst may see, small counts withheld by the route).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import type { DamageClass } from '../../shared/reconstruction.ts';

export type BuildingListItem = {
  id: string;
  governorate: string;
  localityId: string | null;
  use: string;
  floors: number | null;
  lon: number;
  lat: number;
  units: number;
  damageClass: DamageClass | null;
  imageryDate: string | null;
  assessments: number;
};

const LATEST = `LEFT JOIN LATERAL (
    SELECT a.damage_class, to_char(a.imagery_date, 'YYYY-MM-DD') AS imagery_date, count(*) OVER () AS n
      FROM remote_assessment a WHERE a.building_id = b.id ORDER BY a.imagery_date DESC, a.created_at DESC LIMIT 1) la ON true`;

export type BuildingFilter = {
  governorate: string;
  localityId: string | null;
  damageClass: DamageClass | null;
  limit: number;
  offset: number;
};

export async function listBuildings(db: pg.Pool, actor: Actor, f: BuildingFilter): Promise<{ items: BuildingListItem[]; total: number }> {
  if (!actor.governorates.includes(f.governorate)) throw errors.outsideGovernorates();
  const where = `b.org_id = $1 AND b.governorate = $2 AND ($3::uuid IS NULL OR b.locality_id = $3) AND ($4::text IS NULL OR la.damage_class = $4)`;
  const params = [actor.orgId, f.governorate, f.localityId, f.damageClass];
  const [rows, total] = await Promise.all([
    db.query<Omit<BuildingListItem, 'units' | 'assessments'> & { units: number; assessments: string | null }>(
      `SELECT b.id, b.governorate, b.locality_id AS "localityId", b.use, b.floors, b.lon, b.lat,
              (SELECT count(*)::int FROM housing_unit u WHERE u.building_id = b.id) AS units,
              la.damage_class AS "damageClass", la.imagery_date AS "imageryDate", la.n AS assessments
         FROM building b ${LATEST}
        WHERE ${where}
        ORDER BY b.created_at, b.id LIMIT $5 OFFSET $6`,
      [...params, f.limit, f.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM building b ${LATEST} WHERE ${where}`, params),
  ]);
  return { items: rows.rows.map((r) => ({ ...r, assessments: Number(r.assessments ?? 0) })), total: total.rows[0]!.n };
}

export type ClassCount = { governorate: string; localityId: string | null; damageClass: DamageClass | 'not_assessed'; buildings: number };

/** Buildings by latest class, per governorate and locality, in the actor's governorates. */
export async function buildingSummary(db: pg.Pool, actor: Actor, governorate: string | null): Promise<ClassCount[]> {
  const r = await db.query<ClassCount>(
    `SELECT b.governorate, b.locality_id AS "localityId", coalesce(la.damage_class, 'not_assessed') AS "damageClass", count(*)::int AS buildings
       FROM building b ${LATEST}
      WHERE b.org_id = $1 AND b.governorate = ANY($2::text[]) AND ($3::text IS NULL OR b.governorate = $3)
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [actor.orgId, actor.governorates, governorate],
  );
  return r.rows;
}
