import { z } from 'zod';

const Count = z.object({ households: z.number(), people: z.number() });

export const ReachQuery = z.object({ limit: z.coerce.number().int().min(1).max(24).default(8) });

export const ReachSummary = z.object({
  cycles: z.array(
    z.object({
      id: z.string(),
      programme: z.string(),
      sector: z.string(),
      number: z.number(),
      cutoffDate: z.string(),
      status: z.string(),
      targeted: Count.describe("households in the cycle's snapshot, in your governorates"),
      reached: Count.describe('of those, households that received at least one of their entitlements'),
    }),
  ),
});

/** GET /api/v1/stats/governorates: people by sex and households per governorate (counts only). */
export const GovernorateStats = z.object({
  governorate: z.string(),
  people: z.number(),
  female: z.number(),
  male: z.number(),
  households: z.number(),
});
export const GovernorateStatsList = z.object({ items: z.array(GovernorateStats) });
