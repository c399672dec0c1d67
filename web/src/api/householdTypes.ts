// API types of the household page, inferred from the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type { HouseholdAidView } from '../../../src/api/routes/aid/schema.ts';
import type { HouseholdHistoryList } from '../../../src/api/routes/households/schema.ts';
import type { LinkedList } from '../../../src/api/routes/persons/schema.ts';

/** GET /api/v1/households/:id/history */
export type HouseholdHistoryT = z.infer<typeof HouseholdHistoryList>;
export type HouseholdHistoryEntryT = HouseholdHistoryT['items'][number];
/** GET /api/v1/households/:id/aid */
export type HouseholdAidT = z.infer<typeof HouseholdAidView>;
/** GET /api/v1/persons/:id/links */
export type LinkedListT = z.infer<typeof LinkedList>;
