// Data corrections: which of a person's registered fields a data-correction ticket may change (those
// the person edit changes), and how the change log's entry of an applied correction names its ticket
// (in the entry's reason: "ticket:<id> <the reason given>"), so the person's history links back to it.
import { isUuid } from './ids.ts';

export const correctionFields = [
  'givenName',
  'fatherName',
  'grandfatherName',
  'familyName',
  'fullName',
  'fullNameEn',
  'sex',
  'dateOfBirth',
  'nationalId',
  'phone',
  'governorate',
] as const;
export type CorrectionField = (typeof correctionFields)[number];

export const changeRequestStates = ['proposed', 'approved', 'rejected'] as const;
export type ChangeRequestState = (typeof changeRequestStates)[number];

/** The longest reason a proposal may give: with the ticket's prefix it fits the change log's 500. */
export const CORRECTION_REASON_MAX = 400;

const PREFIX = 'ticket:';

/** The change log's reason for a correction applied from a ticket. */
export const correctionLogReason = (ticketId: string, reason: string): string => `${PREFIX}${ticketId} ${reason}`;

/** The ticket and the words of a change log reason written by correctionLogReason, or null for any other reason. */
export function parseCorrectionLogReason(reason: string | null): { ticketId: string; text: string } | null {
  if (!reason?.startsWith(PREFIX)) return null;
  const id = reason.slice(PREFIX.length, PREFIX.length + 36);
  if (!isUuid(id)) return null;
  return { ticketId: id, text: reason.slice(PREFIX.length + 37) };
}
