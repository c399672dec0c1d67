// Schemas shared by many routes: ids and dates. One of each.
import { z } from 'zod';
import { UUID_PATTERN } from '../shared/ids.ts';
import type { FieldReason } from '../shared/reasons.ts';
import { WHOLE_NUMBER } from '../shared/numbers.ts';
import { textLimits } from '../shared/limits.ts';
import { hasHiddenCharacters } from '../shared/text.ts';

/** A record id. */
export const Uuid = z.string().regex(UUID_PATTERN, 'not_a_uuid' satisfies FieldReason);
/** `/:id` in a route's path. */
export const IdParams = z.object({ id: Uuid });
/** A calendar day, YYYY-MM-DD. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not_a_day' satisfies FieldReason);

/**
 * A whole number written in digits in a path or query string (a page size, a card serial): only
 * 0-9, so `1e3`, `0x10`, ` 5` or `5.0` are refused rather than read as numbers.
 */
export const digits = (min: number, max: number) =>
  z
    .string()
    .regex(WHOLE_NUMBER, 'not_a_whole_number' satisfies FieldReason)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * The name of a place, a site, a programme or an item: visible text only. Invisible and
 * direction-changing characters are refused as in persons' names (src/shared/text.ts), so a name
 * displays and exports as what it holds.
 */
export const PlainName = z
  .string()
  .trim()
  .min(1)
  .max(textLimits.name)
  .refine((s) => !hasHiddenCharacters(s), 'hidden_characters' satisfies FieldReason);
