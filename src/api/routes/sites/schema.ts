import { z } from 'zod';
import type { FieldReason } from '../../../shared/reasons.ts';
import { siteFlags, siteKinds, sitePhases, siteStatuses } from '../../../sites/capacity.ts';
import { Day, Uuid, PlainName } from '../../schemas.ts';

export const IdParam = z.object({ id: z.string() });

export const SiteInput = z.object({
  kind: z.enum(siteKinds),
  name: PlainName,
  governorate: z.string().regex(/^PS0[12][0-9]{2}$/, 'not_a_governorate' satisfies FieldReason),
  locality: Uuid.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  managingOrganisation: PlainName.optional(),
  coveredAreaM2: z.number().min(0).max(1e8).optional().describe('covered floor area in square metres'),
  toilets: z.number().int().min(0).max(1e6).optional(),
  waterPoints: z.number().int().min(0).max(1e6).optional(),
  waterLitresPerDay: z.number().min(0).max(1e10).optional().describe('water supplied per day, when known'),
  phase: z.enum(sitePhases).optional().describe('Sphere toilet ratio: initial 1:50, later 1:20'),
  status: z.enum(siteStatuses).optional(),
});
export const SiteUpdate = SiteInput.extend({ version: z.number().int().min(1) });

export const SiteView = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  governorate: z.string(),
  locality: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  managingOrganisation: z.string().nullable(),
  coveredAreaM2: z.number().nullable(),
  toilets: z.number().nullable(),
  waterPoints: z.number().nullable(),
  waterLitresPerDay: z.number().nullable(),
  phase: z.string(),
  status: z.string(),
  version: z.number(),
});

export const SiteList = z.object({
  governorate: z.string().optional(),
  kind: z.enum(siteKinds).optional(),
  status: z.enum(siteStatuses).optional(),
});
export const CapacityQuery = z.object({
  governorate: z.string().optional(),
  on: Day.optional().describe('as of this date (default today)'),
});

export const SiteFlag = z.enum(siteFlags);
export const SphereStandardsView = z
  .object({
    covered_area_per_person: z.number(),
    persons_per_toilet_initial: z.number(),
    persons_per_toilet_later: z.number(),
    water_litres_per_person_day: z.number(),
    kcal_per_person_day: z.number(),
    persons_per_water_point: z.number(),
  })
  .describe('the Sphere (2018) minimum standards in force (table sphere_standard)');
/** A figure computed from the people living in a site; null when withheld from a role that sees only aggregates (src/sites/capacityDisclosure.ts). */
const Withheld = z.number().nullable();
const capacityFields = {
  people: Withheld,
  capacity: z.number().nullable(),
  overBy: Withheld,
  toiletGap: Withheld,
  waterPointGap: Withheld,
  flags: z.array(SiteFlag),
};
export const SiteCapacityRow = z.object({
  site: z.object({ id: z.string(), name: z.string(), kind: z.enum(siteKinds), governorate: z.string(), status: z.enum(siteStatuses) }),
  households: Withheld,
  occupancyRate: z.number().nullable(),
  toiletsNeeded: Withheld,
  waterPointsNeeded: Withheld,
  waterNeededLitresPerDay: Withheld,
  waterGapLitresPerDay: z.number().nullable(),
  kcalNeededPerDay: Withheld,
  ...capacityFields,
});
export const GovernorateCapacityRow = z.object({
  governorate: z.string(),
  sites: z.number(),
  sitesOverCapacity: z.number(),
  waterGapLitresPerDay: Withheld,
  kcalNeededPerDay: Withheld,
  ...capacityFields,
  capacity: z.number(),
});
/** GET /api/v1/sites/capacity */
export const SiteCapacityReport = z.object({
  on: z.string(),
  standards: SphereStandardsView,
  sites: z.array(SiteCapacityRow),
  governorates: z.array(GovernorateCapacityRow),
});

export const SiteListView = z.object({ sites: z.array(SiteView) });

export const ResidentsQuery = z.object({ on: Day.optional().describe('as of this date (default today)') });
/** GET /api/v1/sites/:id/residents */
export const SiteResidentsView = z.object({
  site: z.string(),
  on: z.string(),
  households: z.array(
    z.object({
      id: z.string(),
      recordId: z.string().nullable(),
      governorate: z.string().nullable(),
      since: z.string().describe('date of the move to the site'),
      size: z.number().describe('members on the date'),
      vulnerabilities: z.array(z.string()).describe('recorded, and derived from the head (female-, child-, elderly-headed)'),
    }),
  ),
  notShown: z.number().describe('households living there outside your organisation or governorates: counted, not listed'),
});
