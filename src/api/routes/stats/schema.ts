import { z } from 'zod';
import { digits } from '../../schemas.ts';

/** A count; null when withheld from a role that sees only aggregates (1 to 4, or one that would give such a count away). */
const Cell = z.number().int().nullable();
const Count = z.object({ households: Cell, people: Cell });

/**
 * One governorate's counts for your organisation. Registered in (by the registration governorate):
 * people, of them female and male, and households. Living in (where households live now, from the
 * displacement records): households, their current members, and the households displaced.
 */
export const GovernorateCount = z.object({
  governorate: z.string().describe('P-code'),
  people: Cell.describe('people registered in the governorate'),
  female: Cell.describe('of them female'),
  male: Cell.describe('of them male'),
  households: Cell.describe('households registered in the governorate'),
  livingPeople: Cell.describe('current members of the households living in the governorate now'),
  livingHouseholds: Cell.describe('households living in the governorate now (latest displacement, else registration)'),
  displacedHouseholds: Cell.describe('of them, households whose latest move was a displacement (not a return)'),
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
      targeted: Count.describe(
        'households the cycle entitled to something, living in your governorates at its cut-off date, and their members at generation',
      ),
      reached: Count.describe('of those, households that received at least one of their entitlements, and their members at generation'),
    }),
  ),
});
