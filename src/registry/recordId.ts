// A record id from a source system (a person's or a household's): plain visible text only. Direction
// overrides, zero-width and other invisible characters are refused (as in names), so an exported or
// displayed id is what it holds ("R-1\u202E0" would show reordered).
import { z } from 'zod';
import { textLimits as L } from '../shared/limits.ts';
import type { FieldReason } from '../shared/reasons.ts';
import { hasHiddenCharacters } from '../shared/text.ts';

export const RecordIdInput = z
  .string()
  .trim()
  .min(1)
  .max(L.recordId)
  .refine((s) => !hasHiddenCharacters(s), 'hidden_characters' satisfies FieldReason);
