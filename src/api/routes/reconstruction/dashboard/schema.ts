// Request and response schemas of the reconstruction dashboard (#16): per governorate and locality,
// buildings and housing units by latest remote and field class, claims by state, cases with a plan
// and grants paid in tranches; per governorate funds (per currency) and materials. A count withheld
// from a role that sees only aggregates is null (docs/decisions/0022-small-cell-suppression.md).
import { z } from 'zod';
import { claimStates, fieldClasses } from '../../../../shared/claims.ts';
import { damageClasses } from '../../../../shared/reconstruction.ts';

export const DashboardQuery = z
  .object({ governorate: z.string().max(10).optional().describe('one of your governorates (P-code); all of yours when absent') })
  .strict();

const Count = z.number().int().min(0);
const Cell = Count.nullable();
const byKeys = <K extends string, T extends z.ZodType>(keys: readonly K[], v: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, v])) as Record<K, T>);
const remoteKeys = [...damageClasses, 'not_assessed'] as const;
const fieldKeys = [...fieldClasses, 'not_assessed'] as const;

const figures = {
  buildings: z
    .object({ total: Count, damaged: Count, remote: byKeys(remoteKeys, Count), field: byKeys(fieldKeys, Count) })
    .describe(
      'structures by latest remote class (imagery) and latest field class (engineers); damaged: destroyed to possibly damaged by imagery',
    ),
  units: z
    .object({ total: Cell, damaged: Cell, remote: byKeys(remoteKeys, Cell), field: byKeys(fieldKeys, Cell) })
    .describe("housing units by their building's latest remote class and their latest field class"),
  claims: z.object({ total: Cell, byState: byKeys(claimStates, Cell) }),
  grants: z
    .object({ plans: Cell, paidCases: Cell, paid: z.number().min(0).nullable() })
    .describe('approved cases with a grant plan, cases paid at least one tranche, the amount paid in tranches'),
};
const Funds = z.object({ currency: z.string(), projects: Count, committed: z.number(), disbursed: z.number() });
const Materials = z.object({
  item: z.string(),
  quota: z.number().nullable(),
  sold: z.number().nullable(),
  installed: z.number().nullable(),
  leftVendors: z.number(),
});

export const DashboardView = z.object({
  aggregateOnly: z.boolean().describe('true when small cells are withheld (null) for your role'),
  governorates: z.array(
    z.object({
      governorate: z.string(),
      ...figures,
      localities: z.array(
        z.object({ localityId: z.string().nullable(), nameAr: z.string().nullable(), nameEn: z.string().nullable(), ...figures }),
      ),
      funds: z.array(Funds),
      materials: z.array(Materials),
    }),
  ),
  totals: z.object({ ...figures, funds: z.array(Funds), materials: z.array(Materials) }),
});
export type DashboardView = z.infer<typeof DashboardView>;
