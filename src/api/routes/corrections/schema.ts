import { z } from 'zod';
import { CORRECTION_REASON_MAX, changeRequestStates, correctionFields } from '../../../shared/corrections.ts';
import { textLimits as L } from '../../../shared/limits.ts';

const Reason = (max: number) => z.string().trim().min(1).max(max);
const Value = z.string().max(L.fullName).nullable().describe('the new value; null or empty clears the field');

export const CorrectionInput = z
  .object({
    changes: z
      .partialRecord(z.enum(correctionFields), Value)
      .refine((c) => Object.keys(c).length > 0, { message: 'required' })
      .describe('new values of the fields the person edit changes, checked as it checks them'),
    reason: Reason(CORRECTION_REASON_MAX).describe('why (e.g. "spelling on the ID card"); kept in the change log when applied'),
    version: z.number().int().min(1).optional().describe("the person's version you read; a newer one answers 409"),
  })
  .strict();

export const DecisionInput = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: Reason(L.reason).optional().describe('required to reject'),
  })
  .strict();

export const CorrectionView = z.object({
  id: z.string(),
  ticketId: z.string(),
  person: z.object({ id: z.string(), fullName: z.string() }),
  governorate: z.string(),
  status: z.enum(changeRequestStates),
  fields: z.array(
    z.object({
      field: z.enum(correctionFields),
      current: z.string().nullable().describe('the value when proposed'),
      proposed: z.string().nullable(),
    }),
  ),
  reason: z.string(),
  proposedBy: z.object({ id: z.string(), username: z.string() }),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  baseVersion: z.number().describe("the person's version when proposed"),
  stale: z.boolean().describe('waiting, but the person changed since: it can only be rejected'),
});
export const CorrectionList = z.object({ items: z.array(CorrectionView) });
