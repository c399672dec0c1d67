import { z } from 'zod';
import { digits } from '../../schemas.ts';

/** A count; null when withheld from a role that sees only aggregates (1 to 4, or one that would give such a count away). */
const Cell = z.number().int().nullable();
const Count = z.object({ households: Cell, people: Cell });

/** One governorate's counts for your organisation (people, of them female and male, and households). */
export const GovernorateCount = z.object({
  governorate: z.string().describe('P-code'),
  people: Cell,
  female: Cell,
  male: Cell,
  households: Cell,
});

/** GET /stats/governorates: one row per governorate you work in, by P-code, and the totals over them. */
export const GovernorateStats = z.object({
  items: z.array(GovernorateCount),
  totals: GovernorateCount.omit({ governorate: true }).describe('sums over the rows (withheld like any cell)'),
});

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
