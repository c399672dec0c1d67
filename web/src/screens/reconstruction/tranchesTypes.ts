// Types of the tranche and materials screens, inferred from the server's schemas (type-only).
import type { z } from 'zod';
import type { CashReportView } from '../../../../src/api/routes/aid/schema.ts';
import type {
  PlanList,
  PlanView,
  Reconciliation,
  SaleItems,
  SaleView,
  ShelterDue,
  ShelterRun,
} from '../../../../src/api/routes/reconstruction/tranches/schema.ts';

export type PlanT = z.infer<typeof PlanView>;
export type SaleT = z.infer<typeof SaleView>;
export type ReconciliationT = z.infer<typeof Reconciliation>;
export type PlanListT = z.infer<typeof PlanList>;
export type ShelterDueT = z.infer<typeof ShelterDue>;
export type ShelterRunT = z.infer<typeof ShelterRun>;
export type CashReportT = z.infer<typeof CashReportView>;
export type SaleItemT = z.infer<typeof SaleItems>['items'][number];
