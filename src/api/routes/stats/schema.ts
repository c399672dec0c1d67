import { z } from 'zod';
import { digits } from '../../schemas.ts';

const Count = z.object({ households: z.number().int(), people: z.number().int() });

/** One governorate's counts for your organisation (people, of them female and male, and households). */
export const GovernorateCount = z.object({
  governorate: z.string().describe('P-code'),
  people: z.number().int(),
  female: z.number().int(),
  male: z.number().int(),
  households: z.number().int(),
});

/** GET /stats/governorates: one row per governorate you work in, by P-code. */
export const GovernorateStats = z.object({ items: z.array(GovernorateCount) });

export const ReachQuery = z.object({ limit: digits(1, 24).default(8) });

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
