import { z } from 'zod';
import { HOUSEHOLD_MAX_MEMBERS, textLimits as L } from '../../../shared/limits.ts';
import type { FieldReason } from '../../../shared/reasons.ts';
import { RecordIdInput } from '../../../registry/recordId.ts';
import { displacementReasons, relationships, vulnerabilityKinds } from '../../../registry/vocabulary.ts';
import { Day, IdParams, Uuid } from '../../schemas.ts';
import { HistoryEntry } from '../persons/schema.ts';

/** `/:id/members/:personId` */
export const MemberParams = IdParams.extend({ personId: Uuid });
export const MemberRef = z.object({ personId: Uuid, relationship: z.enum(relationships) });
/** Why a household is changed (e.g. "confirmed at the home visit"): kept in the change log, never in application logs. */
const Reason = z.string().trim().min(1).max(500).optional().describe('why the household is changed; kept in the change log');

export const HouseholdInput = z.object({
  governorate: z.string().describe('P-code of the governorate of registration'),
  recordId: RecordIdInput.optional(),
  date: Day.optional().describe('membership start (default today)'),
  members: z.array(MemberRef).min(1).max(HOUSEHOLD_MAX_MEMBERS),
});

export const HouseholdView = z.object({
  id: z.string(),
  recordId: z.string().nullable(),
  governorate: z.string(),
  on: z.string(),
  members: z.array(
    z.object({
      personId: z.string(),
      relationship: z.string(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      fullName: z.string().nullable(),
      sex: z.string().nullable(),
      dateOfBirth: z.string().nullable(),
    }),
  ),
  currentLocation: z.object({
    governorate: z.string().nullable(),
    locality: z.string().nullable(),
    site: z.string().nullable(),
    since: z.string().nullable(),
  }),
  displacements: z.array(
    z.object({
      id: z.string(),
      fromGovernorate: z.string().nullable(),
      toGovernorate: z.string().nullable(),
      toLocality: z.string().nullable(),
      toSite: z.string().nullable(),
      date: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  vulnerabilities: z.array(
    z.object({ kind: z.string(), personId: z.string().nullable(), since: z.string().nullable(), derived: z.boolean() }),
  ),
});

export const AddMember = MemberRef.extend({
  date: Day.optional(),
  move: z.boolean().default(false).describe('end a current membership elsewhere first'),
  reason: Reason,
});
export const Leave = z.object({ date: Day.optional(), reason: Reason });
export const ChangeHead = z.object({
  personId: Uuid,
  date: Day.optional(),
  previousHead: z.enum(['stays', 'leaves']).default('stays'),
  previousHeadRelationship: z.enum(relationships).default('other_relative'),
  reason: Reason,
});
export const Split = z.object({
  date: Day.optional(),
  governorate: z.string().optional(),
  members: z.array(MemberRef).min(1).max(HOUSEHOLD_MAX_MEMBERS),
  reason: Reason,
});
export const Merge = z.object({
  otherId: Uuid,
  date: Day.optional(),
  relationship: z.enum(relationships).default('other_relative').describe('relationship to the head for the joining members'),
  reason: Reason,
});
export const DisplacementInput = z
  .object({
    date: Day,
    fromGovernorate: z.string().optional(),
    toGovernorate: z.string().optional(),
    toLocality: Uuid.optional(),
    toSite: Uuid.optional(),
    reason: z.enum(displacementReasons),
    note: z.string().max(L.note).optional(),
  })
  .refine((d) => d.toGovernorate || d.toLocality || d.toSite, {
    message: 'destination_required' satisfies FieldReason,
    path: ['toGovernorate'],
  });
export const VulnerabilityInput = z.object({
  kind: z.enum(vulnerabilityKinds),
  personId: Uuid.optional(),
  date: Day.optional(),
  reason: Reason,
});
export const OnQuery = z.object({ on: Day.optional().describe('as of this date (default today)') });
export const VulnerabilityEndInput = z.object({
  kind: z.enum(vulnerabilityKinds),
  personId: Uuid.optional().describe("the member's, as recorded; absent for the household's own"),
  date: Day.optional().describe('from this day it no longer applies (default today)'),
  reason: Reason,
});

/** GET /api/v1/households/:id/history: entries shaped as a person's, each saying what it is about. */
export const HouseholdHistoryList = z.object({
  items: z.array(
    HistoryEntry.extend({
      entity: z
        .string()
        .describe("'household', 'household_card', 'life_event' (a member's) or 'person_status' (a member's older status event)"),
      entityId: z.string().nullable().describe('the household, or for a life or status event the person'),
    }),
  ),
  earlier: z.number().nullable().describe('pass as `before` for the page before this one; null at the beginning'),
});
