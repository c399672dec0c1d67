import { z } from 'zod';
import { PlainName } from '../../schemas.ts';
import type { FieldReason } from '../../../shared/reasons.ts';

export const Locality = z.object({
  id: z.string(),
  governorate: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

export const LocalitiesQuery = z.object({ governorate: z.string() });

export const LocalityInput = z
  .object({
    governorate: z.string(),
    nameAr: PlainName,
    nameEn: PlainName.optional(),
    lat: z.number().min(29).max(34).optional().describe('latitude; Palestine lies between 31.2 and 32.6'),
    lon: z.number().min(33).max(37).optional(),
  })
  .superRefine((l, ctx) => {
    if ((l.lat === undefined) !== (l.lon === undefined))
      ctx.addIssue({ code: 'custom', path: [l.lat === undefined ? 'lat' : 'lon'], message: 'both_coordinates' satisfies FieldReason });
  });

/** A governorate with its OCHA P-code, territory and names in both languages. */
export const Governorate = z.object({ pcode: z.string(), territory: z.string(), nameEn: z.string(), nameAr: z.string() });
export const GovernorateList = z.object({ items: z.array(Governorate) });
