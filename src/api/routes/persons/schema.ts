import { z } from 'zod';
import { textLimits as L } from '../../../shared/limits.ts';
import type { FieldReason } from '../../../shared/reasons.ts';
import { PersonInput } from '../../../registry/person.ts';
import { statusKinds } from '../../../registry/vocabulary.ts';
import { SEARCH_ADVICE } from '../../../registry/personSearch.ts';
import { Day, digits } from '../../schemas.ts';

export const PersonUpdate = PersonInput.extend({
  version: z.number().int().min(1).optional().describe('the version you read; a newer one answers 409'),
  reason: z
    .string()
    .trim()
    .min(1)
    .max(L.reason)
    .optional()
    .describe('why the record is changed (e.g. "spelling corrected from the ID card"); kept in the change log, never in application logs'),
});

export const PersonView = z.object({
  id: z.string(),
  recordId: z.string().nullable(),
  givenName: z.string().nullable(),
  fatherName: z.string().nullable(),
  grandfatherName: z.string().nullable(),
  familyName: z.string().nullable(),
  fullName: z.string(),
  fullNameEn: z.string().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  dateOfBirth: z.string().nullable(),
  dobPrecision: z.enum(['exact', 'month', 'year', 'estimated']).nullable(),
  nationalId: z.string().nullable(),
  nationalIdVerified: z.boolean().nullable().describe('false: the check digit failed; the ID is kept but unverified'),
  phone: z.string().nullable(),
  governorate: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  warnings: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  household: z
    .object({ id: z.string(), relationship: z.string(), since: z.string() })
    .nullable()
    .optional()
    .describe('the household the person belongs to now (on the full record)'),
});

export const PersonSearch = z
  .object({
    query: z.string().trim().min(1).max(L.query).optional().describe('name in Arabic or Latin script'),
    nationalId: z.string().max(L.nationalId).optional(),
    phone: z.string().max(L.phone).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(L.cursor).optional(),
  })
  .refine((s) => s.query !== undefined || s.nationalId !== undefined || s.phone !== undefined, {
    message: 'search_terms_required' satisfies FieldReason,
    path: ['query'],
  });

export const PersonSummary = z.object({
  id: z.string(),
  fullName: z.string(),
  fullNameEn: z.string().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  dateOfBirth: z.string().nullable(),
  dobPrecision: z.enum(['exact', 'month', 'year', 'estimated']).nullable(),
  governorate: z.string(),
});

export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ListQuery = z.object({
  limit: digits(1, 200).default(50),
  cursor: z.string().max(L.cursor).optional(),
});

export const StatusEventInput = z.object({
  kind: z.enum(statusKinds),
  date: Day.optional(),
  source: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().max(1000).optional(),
});

export const StatusEventView = z.object({
  id: z.string(),
  kind: z.string(),
  date: z.string().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});

export const HistoryEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable().describe("the actor's username, when they belong to your organisation"),
  orgId: z.string().nullable(),
  deviceId: z.string().nullable(),
  action: z.string(),
  fields: z.array(z.string()).describe('the names of the fields the entry set or changed'),
  before: z.unknown().describe("the values before; null for a reader whose role may not read the person's record (an auditor)"),
  after: z.unknown().describe("the values after; null for a reader whose role may not read the person's record (an auditor)"),
  reason: z.string().nullable().describe('the reason given for the change, if any (null, as the values, for an auditor)'),
});

/** POST /api/v1/persons/search: a page of people, and whether a name matched more than are ranked. */
export const PersonSearchPage = Page(PersonSummary).extend({
  crowded: z
    .boolean()
    .describe('a name search matched more people than are ranked (500): ask for more of the name, or the national ID or phone'),
  total: z.number().int().min(0).describe('how many people the search matched (all pages); an estimate when totalExact is false'),
  totalExact: z.boolean().describe("false when the total is PostgreSQL's estimate (more than 2,000 matches)"),
  advice: z
    .array(z.enum(SEARCH_ADVICE))
    .describe(
      'what fits what was searched, most useful first: e.g. nationalIdCheckDigit (the check digit is wrong), queryLooksLikePhone, queryTooShort',
    ),
});

/** GET /api/v1/persons/:id/history */
export const HistoryList = z.object({
  items: z.array(HistoryEntry).describe('the newest entries before `before`, oldest first'),
  earlier: z.number().nullable().describe('pass as `before` for the page before this one; null at the beginning'),
});
export const HistoryQuery = z.object({
  before: digits(1, Number.MAX_SAFE_INTEGER).optional().describe('entries with a smaller seq only'),
  limit: digits(1, 1000).default(200),
  kind: z.enum(['all', 'changes']).default('all').describe('changes: without the reads'),
});

/** GET /api/v1/persons/:id/links: the other records identity resolution linked to this person, in your scope. */
export const LinkedList = z.object({
  items: z.array(
    z.object({
      person: PersonSummary,
      kind: z
        .enum(['decision', 'auto'])
        .nullable()
        .describe("how it was linked to this record: a reviewer's decision, automatically, or null when linked through another record"),
      linkedAt: z.string().nullable(),
    }),
  ),
});
