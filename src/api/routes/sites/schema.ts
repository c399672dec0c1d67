import { z } from 'zod';
import { siteKinds, sitePhases, siteStatuses } from '../../../sites/capacity.ts';
import { Uuid } from '../../../api/schemas.ts';
import { Day } from '../../schemas.ts';

export const IdParam = z.object({ id: z.string() });

export const SiteInput = z.object({
  kind: z.enum(siteKinds),
  name: z.string().trim().min(1).max(200),
  governorate: z.string().regex(/^PS0[12][0-9]{2}$/, 'must be a governorate P-code'),
  locality: Uuid.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  managingOrganisation: z.string().trim().min(1).max(200).optional(),
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

// GET /api/v1/sites/capacity: occupancy against the Sphere standards, per site and per governorate.
const SphereCapacity = {
  people: z.number(),
  capacity: z.number().nullable(),
  overBy: z.number(),
  toiletGap: z.number(),
  waterPointGap: z.number(),
  flags: z.array(z.string()),
};
export const CapacityReport = z.object({
  on: z.string(),
  standards: z.record(z.string(), z.number()),
  sites: z.array(
    z.object({
      site: z.object({ id: z.string(), name: z.string(), kind: z.string(), governorate: z.string(), status: z.string() }),
      households: z.number(),
      occupancyRate: z.number().nullable(),
      toiletsNeeded: z.number(),
      waterPointsNeeded: z.number(),
      waterNeededLitresPerDay: z.number(),
      waterGapLitresPerDay: z.number().nullable(),
      kcalNeededPerDay: z.number(),
      ...SphereCapacity,
    }),
  ),
  governorates: z.array(
    z.object({
      governorate: z.string(),
      sites: z.number(),
      sitesOverCapacity: z.number(),
      waterGapLitresPerDay: z.number(),
      kcalNeededPerDay: z.number(),
      ...SphereCapacity,
    }),
  ),
});

/** GET /api/v1/sites */
export const SitesView = z.object({ sites: z.array(SiteView) });
