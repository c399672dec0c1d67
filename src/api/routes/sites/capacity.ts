import { z } from 'zod';
import { capacityReport } from '../../../store/sites/capacity.ts';
import { defineRoute } from '../../route.ts';
import { CapacityQuery } from './schema.ts';
import { checkDay } from '../../../registry/day.ts';

const Cap = {
  people: z.number(),
  capacity: z.number().nullable(),
  overBy: z.number(),
  toiletGap: z.number(),
  waterPointGap: z.number(),
  flags: z.array(z.string()),
};
export default defineRoute({
  method: 'GET',
  url: '/api/v1/sites/capacity',
  summary:
    'Occupancy from the registry against Sphere (2018) standards: capacity, over-capacity and shortfalls per site and per governorate',
  tags: ['sites'],
  query: CapacityQuery,
  response: z.object({
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
        ...Cap,
      }),
    ),
    governorates: z.array(
      z.object({
        governorate: z.string(),
        sites: z.number(),
        sitesOverCapacity: z.number(),
        waterGapLitresPerDay: z.number(),
        kcalNeededPerDay: z.number(),
        ...Cap,
      }),
    ),
  }),
  handler: async ({ query, actor, store }) =>
    capacityReport(store.pool, actor, { governorate: query.governorate, on: checkDay(query.on, 'on', { future: true }) }),
});
