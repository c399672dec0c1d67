// Linkage settings: which input columns feed which comparison, extra fields, blocking passes,
// thresholds. Settings files are JSON; every key is optional.
import { z } from 'zod';
import { PERSON_COLUMNS } from '../shared/personColumns.ts';

/** The columns `sanad link` reads by default: a person's, and the household they belong to. */
export const STANDARD_COLUMNS = [...PERSON_COLUMNS, 'household_id'] as const;
export type StandardColumn = (typeof STANDARD_COLUMNS)[number];

const FieldSpec = z.object({
  name: z.string().min(1),
  type: z.enum(['string', 'category', 'number', 'tokens', 'date', 'id', 'phone', 'sex']),
  column: z.string().min(1),
  tf: z.boolean().optional(),
  checkDigit: z.enum(['luhn', 'none']).optional(),
  conflict: z.boolean().optional(),
});
export type FieldSpec = z.infer<typeof FieldSpec>;

export const LinkSettingsSchema = z.object({
  /** standard column → input column name (null: ignore the column) */
  columns: z.record(z.string(), z.string().nullable()).optional(),
  /** extra comparison fields */
  fields: z.array(FieldSpec).optional(),
  /** standard fields to leave out (given, father, grandfather, family, dob, national_id, sex, phone, governorate, household) */
  disable: z.array(z.string()).optional(),
  /** blocking passes: each pass is a list of "field" or "field:mode" keys that must all agree */
  blocking: z.array(z.array(z.string()).min(1)).optional(),
  /** dedupe (one input), link_only or link_and_dedupe (two inputs; default link_and_dedupe) */
  linkType: z.enum(['dedupe', 'link_only', 'link_and_dedupe']).optional(),
  /** a cluster holds at most one record per input (implies link_only) */
  oneToOne: z.boolean().optional(),
  /** match probabilities: >= upper linked automatically, >= lower reviewed, below distinct */
  // Strictly between 0 and 1: a probability of 0 or 1 is an infinite match weight (and the registry's
  // linkage_model table refuses it).
  thresholds: z
    .object({ upper: z.number().gt(0).lt(1), lower: z.number().gt(0).lt(1) })
    .refine((t) => t.lower <= t.upper, { message: 'lower must not be above upper', path: ['lower'] })
    .optional(),
  /** a candidate cluster merge needs this mean match probability over all cross pairs */
  clusterMeanProbability: z.number().min(0).max(1).optional(),
  /** blocks larger than this are compared within a sliding window of this size */
  maxBlockSize: z.number().int().min(2).optional(),
  /** records compared with each record of an oversized block: its neighbours in this window */
  blockWindow: z.number().int().min(2).optional(),
  /** national_id check digit (luhn for Palestinian IDs, none otherwise) */
  idCheckDigit: z.enum(['luhn', 'none']).optional(),
  /** treat 01-01 as a placeholder for "year only" */
  placeholder0101: z.boolean().optional(),
  /** age is converted to a year of birth relative to this year */
  referenceYear: z.number().int().optional(),
  /** random pairs sampled to estimate u probabilities */
  uSamples: z.number().int().min(1000).optional(),
  emIterations: z.number().int().min(1).optional(),
  /** pairs sampled from each blocking pass to estimate m probabilities */
  trainingPairs: z.number().int().min(100).optional(),
  /** fields whose weights are fixed, not learned (weak evidence); name → [u per level] not exposed */
  seed: z.number().int().optional(),
  /** never link automatically when given names clearly differ but father's or family name agrees (siblings) */
  siblingGuard: z.boolean().optional(),
});
export type LinkSettingsInput = z.infer<typeof LinkSettingsSchema>;

export interface LinkSettings {
  columns: Record<StandardColumn, string | null>;
  fields: FieldSpec[];
  disable: string[];
  blocking: string[][] | null;
  linkType: 'dedupe' | 'link_only' | 'link_and_dedupe' | null;
  oneToOne: boolean;
  thresholds: { upper: number; lower: number };
  clusterMeanProbability: number;
  maxBlockSize: number;
  /** optional so that settings stored before it existed still load (default 15) */
  blockWindow?: number;
  idCheckDigit: 'luhn' | 'none';
  placeholder0101: boolean;
  referenceYear: number;
  uSamples: number;
  emIterations: number;
  trainingPairs: number;
  seed: number;
  siblingGuard: boolean;
}

export function resolveSettings(input: unknown = {}): LinkSettings {
  const parsed = LinkSettingsSchema.safeParse(input ?? {});
  if (!parsed.success)
    throw new Error(`settings: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  const s = parsed.data;
  const columns = Object.fromEntries(STANDARD_COLUMNS.map((c) => [c, c])) as Record<StandardColumn, string | null>;
  for (const [k, v] of Object.entries(s.columns ?? {})) {
    if (!(STANDARD_COLUMNS as readonly string[]).includes(k)) throw new Error(`settings: unknown standard column "${k}"`);
    columns[k as StandardColumn] = v;
  }
  return {
    columns,
    fields: s.fields ?? [],
    disable: s.disable ?? [],
    blocking: s.blocking ?? null,
    linkType: s.oneToOne ? 'link_only' : (s.linkType ?? null),
    oneToOne: s.oneToOne ?? false,
    thresholds: s.thresholds ?? { upper: 0.9, lower: 0.5 },
    clusterMeanProbability: s.clusterMeanProbability ?? 0.5,
    maxBlockSize: s.maxBlockSize ?? 40,
    blockWindow: s.blockWindow ?? 15,
    idCheckDigit: s.idCheckDigit ?? 'luhn',
    placeholder0101: s.placeholder0101 ?? true,
    referenceYear: s.referenceYear ?? new Date().getUTCFullYear(),
    uSamples: s.uSamples ?? 300_000,
    emIterations: s.emIterations ?? 40,
    trainingPairs: s.trainingPairs ?? 100_000,
    seed: s.seed ?? 42,
    siblingGuard: s.siblingGuard ?? true,
  };
}

/** Default blocking passes over the standard fields (passes naming absent fields are dropped). */
export const DEFAULT_BLOCKING: string[][] = [
  ['national_id'],
  ['phone'],
  ['given:skel', 'family:skel'],
  ['given:skel', 'father:skel', 'dob:year'],
  ['given:skel', 'father:skel', 'grandfather:skel'],
  ['family:skel', 'dob'],
  ['given:skel', 'dob'],
  ['father:skel', 'family:skel', 'dob:year'],
];
