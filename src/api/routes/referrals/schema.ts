import { z } from 'zod';
import { caseTypes } from '../../../shared/cases.ts';
import { textLimits as L } from '../../../shared/limits.ts';
import { ageBands, referralFields, referralStatuses, serviceTypes, urgencies } from '../../../shared/referrals.ts';
import type { FieldReason } from '../../../shared/reasons.ts';
import { Day, PlainName, Uuid } from '../../schemas.ts';

const Text = z.string().trim().min(1).max(4000);
const Short = z.string().trim().min(1).max(200);
const Governorate = z.string().regex(/^PS\d{4}$/, 'not_a_governorate' satisfies FieldReason);

export const ServiceInput = z
  .object({
    type: z.enum(serviceTypes),
    name: PlainName,
    governorates: z.array(Governorate).min(1).max(16).describe('the governorates (P-codes) the service covers'),
    capacityPerMonth: z.number().int().min(0).max(1_000_000).nullable().default(null).describe('people a month; null: not stated'),
    contactOffice: Short.describe('an office or desk to contact, never a private person'),
    contactPhone: z
      .string()
      .regex(/^\+?[0-9 -]{6,20}$/, 'phone_characters' satisfies FieldReason)
      .nullable()
      .default(null)
      .describe("the office's line"),
    active: z.boolean().default(true),
  })
  .strict();
export const ServiceUpdate = ServiceInput.extend({ version: z.number().int().min(1) }).strict();

export const ServiceView = z.object({
  id: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  type: z.enum(serviceTypes),
  name: z.string(),
  governorates: z.array(z.string()),
  capacityPerMonth: z.number().nullable(),
  contactOffice: z.string(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export const ServiceList = z.object({ items: z.array(ServiceView) });
export const ServiceQuery = z
  .object({
    type: z.enum(serviceTypes).optional(),
    governorate: Governorate.optional(),
    inactive: z.enum(['true', 'false']).optional().describe('include inactive services'),
  })
  .strict();

export const ReferralInput = z
  .object({
    serviceId: Uuid,
    urgency: z.enum(urgencies),
    need: Text.optional().describe('what the person needs; shown to the receiving side only if the consent lists "need"'),
  })
  .strict();
export const AnswerInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }).strict(),
  z.object({ decision: z.literal('decline'), reason: z.string().trim().min(1).max(L.reason) }).strict(),
]);
export const ReportInput = z.object({ outcome: Text, date: Day.describe('the day the service was given') }).strict();

export const ReferralView = z.object({
  id: z.string(),
  side: z.enum(['out', 'in']),
  status: z.enum(referralStatuses),
  urgency: z.enum(urgencies),
  service: z.object({ id: z.string(), name: z.string(), type: z.enum(serviceTypes) }),
  from: z.object({ id: z.string(), name: z.string() }),
  to: z.object({ id: z.string(), name: z.string() }),
  caseId: z.string().nullable().describe('the sending side only'),
  caseType: z.enum(caseTypes).nullable().describe('the sending side and the receiving case supervisors only'),
  fields: z.array(z.enum(referralFields)).describe('the fields shown: for the receiving side, those the consent still allows'),
  consentLapsed: z.boolean().describe('the consent was withdrawn, expired or no longer covers the organisation'),
  person: z.object({
    fullName: z.string().nullable(),
    fullNameEn: z.string().nullable(),
    ageBand: z.enum(ageBands).nullable(),
    sex: z.enum(['female', 'male']).nullable(),
  }),
  need: z.string().nullable(),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeDate: z.string().nullable(),
  sentAt: z.string(),
  answeredAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  version: z.number(),
});
export const ReferralList = z.object({ items: z.array(ReferralView) });
