import { z } from 'zod';
import { textLimits as L } from '../../../shared/limits.ts';
import { caseApprovals, caseEntryKinds, caseStages, caseTypes } from '../../../shared/cases.ts';
import { referralFields } from '../../../shared/referrals.ts';
import { Day, Uuid } from '../../schemas.ts';

const Text = z.string().trim().min(1).max(4000);

export const Consent = z
  .object({
    given: z.boolean().describe('the person (or their caregiver) agreed to the case and to what is shared'),
    shareWith: z
      .array(z.string().trim().min(1).max(100))
      .max(20)
      .optional()
      .describe('what may be shared, with whom (e.g. "health services")'),
    until: Day.optional(),
    organisations: z.array(Uuid).max(20).optional().describe('the organisations a referral may go to (src/referrals/consent.ts)'),
    fields: z.array(z.enum(referralFields)).max(referralFields.length).optional().describe('what a referral may carry'),
  })
  .strict();

export const CaseInput = z
  .object({
    type: z.enum(caseTypes),
    personId: Uuid,
    consent: Consent.default({ given: false }),
    note: Text.optional(),
  })
  .strict();

export const CaseView = z.object({
  id: z.string(),
  orgId: z.string(),
  governorate: z.string(),
  type: z.enum(caseTypes),
  sensitive: z.boolean(),
  person: z.object({ id: z.string(), fullName: z.string(), fullNameEn: z.string().nullable() }),
  householdId: z.string().nullable(),
  stage: z.enum(caseStages),
  awaiting: z.enum(caseApprovals).nullable(),
  assignedTo: z.object({ id: z.string(), username: z.string() }).nullable(),
  consent: z.record(z.string(), z.unknown()),
  dueAt: z.string(),
  overdue: z.boolean(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export const CaseEntryView = z.object({
  id: z.string(),
  kind: z.string(),
  body: z.record(z.string(), z.unknown()),
  author: z.string().nullable(),
  at: z.string(),
});
export const CaseFileView = CaseView.extend({
  access: z.enum(['assigned', 'supervisor', 'shared']),
  entries: z.array(CaseEntryView),
});
export const CaseList = z.object({ items: z.array(CaseView) });
export const PersonCaseList = z.object({ items: z.array(CaseView.extend({ mayOpen: z.boolean() })) });

export const EntryInput = z
  .object({
    kind: z.enum(caseEntryKinds),
    text: Text.optional(),
    nextDate: Day.optional().describe('a follow-up: when the next one is due'),
    personId: Uuid.optional().describe('an interim caregiver: the registry person'),
  })
  .strict();
export const DecisionInput = z.object({ decision: z.enum(['approve', 'send_back']), comment: Text.optional() }).strict();
export const ReopenInput = z.object({ reason: z.string().trim().min(1).max(L.reason) }).strict();
export const AssignInput = z.object({ userId: Uuid }).strict();
export const ShareInput = z.object({ userId: Uuid, until: Day.optional() }).strict();
export const Assignees = z.object({ items: z.array(z.object({ id: z.string(), username: z.string(), role: z.string() })) });

export const CaseReportQuery = z.object({ by: z.enum(['type', 'stage', 'governorate']).default('type') });
const ReportCell = z.number().nullable().describe('null: withheld (fewer than 5)');
export const CaseReport = z.object({
  by: z.enum(['type', 'stage', 'governorate']),
  rows: z.array(
    z.object({
      key: z.string(),
      total: ReportCell,
      open: ReportCell,
      overdue: ReportCell,
      onTime: ReportCell,
      late: ReportCell,
      medianDays: ReportCell,
    }),
  ),
});
