// The capacity report as an aggregate-only role may see it (src/shared/disclosure.ts: k = 5,
// secondary suppression). Per site, the people and households living there are counts; every
// figure computed from the number of people (over capacity, occupancy rate, toilets, water points,
// litres and kilocalories needed and missing) would give it away, so it is withheld with it. Per
// governorate, each figure is the sum of its sites': a withheld site figure makes a second one
// withheld in the sum, so that no site figure is a governorate figure minus the published others.
// A site's capacity (from its covered area), its flags and the counts of sites stay published.
// Pure, no I/O.
import { tableBuilder } from '../shared/disclosure.ts';
import type { GovernorateCapacity, SiteCapacity } from './capacity.ts';

/** The figures of a site that the number of people living there gives away (or is). */
const SITE_PEOPLE = [
  'people',
  'overBy',
  'occupancyRate',
  'toiletsNeeded',
  'toiletGap',
  'waterPointsNeeded',
  'waterPointGap',
  'waterNeededLitresPerDay',
  'waterGapLitresPerDay',
  'kcalNeededPerDay',
] as const;
/** The governorate figures that are sums of the sites' figures. */
const SUMS = ['people', 'overBy', 'toiletGap', 'waterPointGap', 'waterGapLitresPerDay', 'kcalNeededPerDay'] as const;

type SiteKey = (typeof SITE_PEOPLE)[number] | 'households';
type SumKey = (typeof SUMS)[number];
export type PublishedSiteCapacity = Omit<SiteCapacity, SiteKey> & { [K in SiteKey]: number | null };
export type PublishedGovernorateCapacity = Omit<GovernorateCapacity, SumKey> & { [K in SumKey]: number | null };

/**
 * Sites (each with its governorate) and governorate sums with small counts withheld: null where
 * withheld. A site's unknown water gap (no supply recorded) stays null and counts as 0 in its sum.
 */
export function suppressCapacity<S extends { governorate: string; capacity: SiteCapacity }>(
  sites: readonly S[],
  govs: readonly GovernorateCapacity[],
): { sites: PublishedSiteCapacity[]; governorates: PublishedGovernorateCapacity[] } {
  const b = tableBuilder();
  const siteCells = sites.map(({ capacity: c }) => {
    const cells = {
      households: b.count(c.households),
      people: b.count(c.people),
      overBy: b.amount(c.overBy),
      occupancyRate: b.amount(c.occupancyRate ?? 0),
      toiletsNeeded: b.amount(c.toiletsNeeded),
      toiletGap: b.amount(c.toiletGap),
      waterPointsNeeded: b.amount(c.waterPointsNeeded),
      waterPointGap: b.amount(c.waterPointGap),
      waterNeededLitresPerDay: b.amount(c.waterNeededLitresPerDay),
      waterGapLitresPerDay: b.amount(c.waterGapLitresPerDay ?? 0),
      kcalNeededPerDay: b.amount(c.kcalNeededPerDay),
    } satisfies Record<SiteKey, number>;
    b.link(SITE_PEOPLE.map((k) => cells[k]));
    return cells;
  });
  const govCells = govs.map((g) => {
    const cells = Object.fromEntries(SUMS.map((k) => [k, k === 'people' ? b.count(g[k]) : b.amount(g[k])])) as Record<SumKey, number>;
    // kilocalories needed are the people times a constant
    b.link([cells.people, cells.kcalNeededPerDay]);
    const mine = siteCells.filter((_, i) => sites[i]!.governorate === g.governorate);
    for (const k of SUMS)
      b.relate(
        cells[k],
        mine.map((c) => c[k]),
      );
    return cells;
  });
  const out = b.publish();
  return {
    sites: sites.map(({ capacity: c }, i) => {
      const cells = siteCells[i]!;
      const pub = { ...c } as PublishedSiteCapacity;
      for (const k of [...SITE_PEOPLE, 'households'] as const) pub[k] = c[k] === null ? null : out[cells[k]]!;
      return pub;
    }),
    governorates: govs.map((g, i) => {
      const pub = { ...g } as PublishedGovernorateCapacity;
      for (const k of SUMS) pub[k] = out[govCells[i]![k]]!;
      return pub;
    }),
  };
}
