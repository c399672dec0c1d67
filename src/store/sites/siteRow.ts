// Site rows: the columns read, parsed into the domain type, and the values written.
import type { Site, SiteInput } from '../../sites/site.ts';

/** A site row: the domain names where they are one word, numerics as text. */
export type SiteRow = Omit<Site, 'managingOrganisation' | 'coveredAreaM2' | 'waterPoints' | 'waterLitresPerDay'> & {
  managing_organisation: string | null;
  covered_area_m2: string | null;
  water_points: number | null;
  water_litres_per_day: string | null;
};
export const SITE_COLUMNS =
  'id, kind, name, governorate, locality, lat, lon, managing_organisation, covered_area_m2, toilets, water_points, water_litres_per_day, phase, status, version';
const num = (v: string | null) => (v === null ? null : Number(v));
export const siteOf = (r: SiteRow): Site => ({
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

/** The columns of a site read through the alias `s`. */
export const SITE_COLUMNS_S = SITE_COLUMNS.split(', ')
  .map((c) => `s.${c}`)
  .join(', ');

export function values(s: SiteInput): unknown[] {
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
