import { z } from 'zod';

/** A governorate with its OCHA P-code, territory and names in both languages. */
export const Governorate = z.object({ pcode: z.string(), territory: z.string(), nameEn: z.string(), nameAr: z.string() });
export const GovernorateList = z.object({ items: z.array(Governorate) });
