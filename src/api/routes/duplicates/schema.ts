import { z } from 'zod';
import { textLimits as L } from '../../../shared/limits.ts';
import type { FieldReason } from '../../../shared/reasons.ts';
import { sexes } from '../../../registry/vocabulary.ts';
import { PersonSummary, PersonView } from '../persons/schema.ts';
import { digits } from '../../schemas.ts';
import { RELATIONS } from '../../../shared/relations.ts';

const Relation = z
  .enum(RELATIONS)
  .describe(
    'what the names, sexes and years say besides "maybe one person": siblings, twins, parent_child, grandparent_grandchild, cousins, uncle_nephew (probable relatives), generations_apart, different_sex, or none',
  );
const Relative = z.boolean().describe('probable relatives (a family tie), not one person registered twice');

const namePart = z.string().trim().min(1).max(L.givenName);

export const CandidateId = z.object({ id: z.string().describe('duplicate candidate (pair) id') });

export const DraftCheck = z
  .object({
    givenName: namePart.optional(),
    fatherName: namePart.optional(),
    grandfatherName: namePart.optional(),
    familyName: namePart.optional(),
    fullName: z.string().trim().min(1).max(L.fullName).optional(),
    fullNameEn: z.string().trim().min(1).max(L.fullNameEn).optional(),
    sex: z.enum(sexes).optional(),
    dateOfBirth: z.string().max(L.dateOfBirth).optional().describe('YYYY-MM-DD, YYYY-MM or YYYY; ignored until complete'),
    nationalId: z.string().max(L.nationalId).optional().describe('ignored until it has 9 digits'),
    phone: z.string().max(L.phone).optional(),
    governorate: z.string().max(10).optional(),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .refine((d) => d.givenName || d.familyName || d.fullName || d.fullNameEn || d.nationalId || d.phone, {
    message: 'check_terms_required' satisfies FieldReason,
    path: ['givenName'],
  });

export const CheckEvidence = z.object({
  field: z.string(),
  level: z.string().describe('agreement level, e.g. exact, same sound, similar, disagree, missing'),
  weight: z.number().describe('log2 Bayes factor: positive supports the same person'),
  draft: z.string().describe('the draft value as compared (normalised)'),
  existing: z
    .string()
    .describe('the registered value as compared (normalised); ID numbers and phones masked but for their last three digits'),
});

export const CheckResponse = z.object({
  matches: z.array(
    z.object({
      person: PersonSummary,
      weight: z.number().describe('match weight (log2 odds)'),
      probability: z.number(),
      decision: z.enum(['likely_same', 'review']),
      conflict: z.boolean().describe('conflicting evidence (two different valid IDs, siblings): never linked automatically'),
      evidence: z.array(CheckEvidence),
      relation: Relation,
      relative: Relative,
    }),
  ),
  candidates: z.number().describe('records examined'),
  modelId: z.string().nullable().describe('the linkage model fitted on this registry; null when `sanad duplicates` has not been run yet'),
  model: z
    .enum(['registry', 'default'])
    .describe('registry: the model fitted by `sanad duplicates`; default: the model shipped with Sanad (before the first run)'),
});

export const Status = z.enum(['pending', 'same', 'different', 'unsure', 'auto_linked']);

export const StoredEvidence = z.object({ field: z.string(), level: z.string(), weight: z.number(), tf: z.number() });

export const QueueQuery = z.object({
  limit: digits(1, 200).default(50),
  cursor: z.string().max(L.cursor).optional(),
  status: Status.default('pending'),
});

export const QueueItem = z.object({
  id: z.string(),
  status: Status,
  weight: z.number(),
  probability: z.number(),
  conflict: z.boolean(),
  relation: Relation,
  relative: Relative,
  a: PersonSummary,
  b: PersonSummary,
  evidence: z.array(StoredEvidence),
});

export const CandidateView = z.object({
  id: z.string(),
  status: Status,
  weight: z.number(),
  probability: z.number(),
  conflict: z.boolean(),
  relation: Relation,
  relative: Relative,
  linked: z.boolean().describe('the two records are currently one identity'),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  a: PersonView,
  b: PersonView,
  evidence: z.array(StoredEvidence),
});

export const DecisionInput = z.object({ decision: z.enum(['same', 'different', 'unsure']) });
