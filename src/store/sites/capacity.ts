// Occupancy from the registry (households whose latest displacement on date D went to the site,
// with their members on D), and the Sphere capacity and gaps per site and per governorate.
// Occupancy counts every household living there, of any organisation: only counts leave here, and
// for the roles that see only aggregates with small counts withheld (src/sites/capacityDisclosure.ts).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { seesOnlyAggregates } from '../../shared/disclosure.ts';
import { governorateCapacity, type SiteCapacity, siteCapacity, type SphereStandards, standardsFrom } from '../../sites/capacity.ts';
import { type PublishedSiteCapacity, suppressCapacity } from '../../sites/capacityDisclosure.ts';
import type { Site } from '../../sites/site.ts';
import { listSites } from './listSites.ts';

export async function sphereStandards(db: pg.Pool | pg.PoolClient): Promise<SphereStandards> {
  return standardsFrom((await db.query<{ key: string; value: string }>('SELECT key, value FROM sphere_standard')).rows);
}

/** People and households living in each site on `on`. */
export async function occupancy(
  db: pg.Pool | pg.PoolClient,
  siteIds: string[],
  on: string,
): Promise<Map<string, { people: number; households: number }>> {
  const out = new Map<string, { people: number; households: number }>();
  if (!siteIds.length) return out;
  const r = await db.query<{ site_id: string; households: number; people: number }>(
    `WITH candidates AS (SELECT DISTINCT household_id FROM displacement_event WHERE to_site = ANY($1::uuid[])),
     latest AS (
       SELECT DISTINCT ON (d.household_id) d.household_id, d.to_site
       FROM displacement_event d JOIN candidates c ON c.household_id = d.household_id
       WHERE d.event_date <= $2
       ORDER BY d.household_id, d.event_date DESC, d.recorded_at DESC)
     SELECT l.to_site AS site_id, count(DISTINCT l.household_id)::int AS households, count(m.person_id)::int AS people
     FROM latest l JOIN household_member m ON m.household_id = l.household_id AND m.valid_from <= $2 AND (m.valid_to IS NULL OR m.valid_to > $2)
     WHERE l.to_site = ANY($1::uuid[])
     GROUP BY l.to_site`,
    [siteIds, on],
  );
  for (const row of r.rows) out.set(row.site_id, { people: row.people, households: row.households });
  return out;
}

export type SiteCapacityRow = { site: Pick<Site, 'id' | 'name' | 'kind' | 'governorate' | 'status'> } & SiteCapacity;
export type PublishedSiteCapacityRow = { site: SiteCapacityRow['site'] } & PublishedSiteCapacity;

export async function capacityReport(db: pg.Pool, actor: Actor, f: { governorate?: string | undefined; on: string }) {
  const standards = await sphereStandards(db);
  const sites = await listSites(db, actor, { governorate: f.governorate });
  const occ = await occupancy(
    db,
    sites.map((s) => s.id),
    f.on,
  );
  const rows: SiteCapacityRow[] = sites.map((s) => ({
    site: { id: s.id, name: s.name, kind: s.kind, governorate: s.governorate, status: s.status },
    ...siteCapacity(s, occ.get(s.id) ?? { people: 0, households: 0 }, standards),
  }));
  const byGov = rows.map((r) => ({ governorate: r.site.governorate, capacity: r }));
  const governorates = governorateCapacity(byGov);
  if (!seesOnlyAggregates(actor.role)) return { on: f.on, standards, sites: rows as PublishedSiteCapacityRow[], governorates };
  const pub = suppressCapacity(byGov, governorates);
  return { on: f.on, standards, sites: rows.map((r, i) => ({ ...pub.sites[i]!, site: r.site })), governorates: pub.governorates };
}
