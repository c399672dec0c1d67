// API types of the service directory and referrals, inferred from the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type { ReferralList, ReferralView, ServiceInput, ServiceList, ServiceView } from '../../../src/api/routes/referrals/schema.ts';

export type ServiceViewT = z.infer<typeof ServiceView>;
export type ServiceListT = z.infer<typeof ServiceList>;
export type ServiceInputT = z.input<typeof ServiceInput>;
export type ReferralViewT = z.infer<typeof ReferralView>;
export type ReferralListT = z.infer<typeof ReferralList>;
