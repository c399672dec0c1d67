// Site capacity and gaps against the Sphere Handbook (2018) minimum standards. The standards are
// data (table sphere_standard), passed in; nothing here reads a database. Pure functions.

export { type SiteKind, type SitePhase, type SiteStatus, siteKinds, sitePhases, siteStatuses } from '../shared/siteVocabulary.ts';
import type { SitePhase, SiteStatus } from '../shared/siteVocabulary.ts';

export type SphereStandards = {
  covered_area_per_person: number;
  persons_per_toilet_initial: number;
  persons_per_toilet_later: number;
  water_litres_per_person_day: number;
  kcal_per_person_day: number;
  persons_per_water_point: number;
};
export const sphereKeys = [
  'covered_area_per_person',
  'persons_per_toilet_initial',
  'persons_per_toilet_later',
  'water_litres_per_person_day',
  'kcal_per_person_day',
  'persons_per_water_point',
] as const;

/** Reads the standards from rows of (key, value); a missing key is an error, never a silent default. */
export function standardsFrom(rows: { key: string; value: number | string }[]): SphereStandards {
  const m = new Map(rows.map((r) => [r.key, Number(r.value)]));
  const out = {} as Record<string, number>;
  for (const k of sphereKeys) {
    const v = m.get(k);
    if (v === undefined || !(v > 0)) throw new Error(`Sphere standard '${k}' is missing or not positive.`);
    out[k] = v;
  }
  return out as SphereStandards;
}

export type SiteFacts = {
  coveredAreaM2: number | null;
  toilets: number | null;
  waterPoints: number | null;
  waterLitresPerDay: number | null;
  phase: SitePhase;
  status: SiteStatus;
};

const shortfalls = ['toilet_shortfall', 'water_point_shortfall', 'water_shortfall'] as const;
/** Why a site (or a governorate, when any of its sites is) needs attention. */
export const siteFlags = ['over_capacity', ...shortfalls, 'occupied_but_closed', 'occupied_but_damaged', 'area_unknown'] as const;
export type Flag = (typeof siteFlags)[number];

export type SiteCapacity = {
  people: number;
  households: number;
  /** People the covered area holds at the standard (floor). Null when the area is unknown. */
  capacity: number | null;
  /** people - capacity when positive. */
  overBy: number;
  /** occupancy as a share of capacity (1 = full). */
  occupancyRate: number | null;
  toiletsNeeded: number;
  toiletGap: number;
  waterPointsNeeded: number;
  waterPointGap: number;
  waterNeededLitresPerDay: number;
  waterGapLitresPerDay: number | null;
  kcalNeededPerDay: number;
  flags: Flag[];
};

/** Needs and gaps of one site with `people` living there. */
export function siteCapacity(site: SiteFacts, occupancy: { people: number; households: number }, std: SphereStandards): SiteCapacity {
  const people = occupancy.people;
  const capacity = site.coveredAreaM2 === null ? null : Math.floor(site.coveredAreaM2 / std.covered_area_per_person + 1e-9);
  const perToilet = site.phase === 'initial' ? std.persons_per_toilet_initial : std.persons_per_toilet_later;
  const toiletsNeeded = Math.ceil(people / perToilet);
  const waterPointsNeeded = Math.ceil(people / std.persons_per_water_point);
  const waterNeeded = people * std.water_litres_per_person_day;
  const waterGap = site.waterLitresPerDay === null ? null : Math.max(0, waterNeeded - site.waterLitresPerDay);
  const toiletGap = Math.max(0, toiletsNeeded - (site.toilets ?? 0));
  const waterPointGap = Math.max(0, waterPointsNeeded - (site.waterPoints ?? 0));
  const overBy = capacity === null ? 0 : Math.max(0, people - capacity);
  const flags: Flag[] = [];
  if (capacity === null) flags.push('area_unknown');
  if (overBy > 0) flags.push('over_capacity');
  if (toiletGap > 0) flags.push('toilet_shortfall');
  if (waterPointGap > 0) flags.push('water_point_shortfall');
  if (waterGap !== null && waterGap > 0) flags.push('water_shortfall');
  if (people > 0 && site.status === 'closed') flags.push('occupied_but_closed');
  if (people > 0 && site.status === 'damaged') flags.push('occupied_but_damaged');
  return {
    people,
    households: occupancy.households,
    capacity,
    overBy,
    occupancyRate: capacity ? Math.round((people / capacity) * 1000) / 1000 : null,
    toiletsNeeded,
    toiletGap,
    waterPointsNeeded,
    waterPointGap,
    waterNeededLitresPerDay: waterNeeded,
    waterGapLitresPerDay: waterGap,
    kcalNeededPerDay: people * std.kcal_per_person_day,
    flags,
  };
}

export type GovernorateCapacity = {
  governorate: string;
  sites: number;
  sitesOverCapacity: number;
  people: number;
  capacity: number;
  overBy: number;
  toiletGap: number;
  waterPointGap: number;
  waterGapLitresPerDay: number;
  kcalNeededPerDay: number;
  flags: Flag[];
};

/** Sums per governorate; a governorate is flagged when any of its sites is. */
export function governorateCapacity(rows: { governorate: string; capacity: SiteCapacity }[]): GovernorateCapacity[] {
  const by = new Map<string, GovernorateCapacity>();
  for (const { governorate, capacity: c } of rows) {
    const g = by.get(governorate) ?? {
      governorate,
      sites: 0,
      sitesOverCapacity: 0,
      people: 0,
      capacity: 0,
      overBy: 0,
      toiletGap: 0,
      waterPointGap: 0,
      waterGapLitresPerDay: 0,
      kcalNeededPerDay: 0,
      flags: [],
    };
    g.sites++;
    if (c.overBy > 0) g.sitesOverCapacity++;
    g.people += c.people;
    g.capacity += c.capacity ?? 0;
    g.overBy += c.overBy;
    g.toiletGap += c.toiletGap;
    g.waterPointGap += c.waterPointGap;
    g.waterGapLitresPerDay += c.waterGapLitresPerDay ?? 0;
    g.kcalNeededPerDay += c.kcalNeededPerDay;
    for (const f of c.flags) if (!g.flags.includes(f)) g.flags.push(f);
    by.set(governorate, g);
  }
  return [...by.values()].sort((a, b) => a.governorate.localeCompare(b.governorate));
}
