// English words of data corrections from a ticket, typed against the Arabic ones.
import type { correctionsAr, correctionsProblemsAr } from './corrections.ar.ts';

export const correctionsProblemsEn: Record<keyof typeof correctionsProblemsAr, string> = {
  'problem.not_a_data_correction':
    'A correction is proposed on an open data-correction ticket about a person, by a feedback focal point or the one it is assigned to.',
  'problem.change_request_pending': 'Another correction of this ticket waits for a decision: it is approved or rejected first.',
  'problem.change_request_decided': 'This correction was already decided; it is applied once only.',
  'problem.own_change_request': 'You cannot approve a correction you proposed: another person who may edit the record decides it.',
  'problem.change_request_stale':
    'The record changed since this correction was proposed: reject it, then propose it again on the record as it is now.',
};

export const correctionsEn: Record<keyof typeof correctionsAr, string> = {
  'corr.title': 'Data correction',
  'corr.propose': 'Propose a correction',
  'corr.pick': 'Fields to correct',
  'corr.current': 'Current value',
  'corr.proposed': 'Proposed value',
  'corr.field': 'Field',
  'corr.empty': '(empty)',
  'corr.reason': 'Reason for the correction',
  'corr.reasonHint': 'E.g. the name as on the ID card. Kept in the change log when approved.',
  'corr.send': 'Send for approval',
  'corr.cancel': 'Cancel',
  'corr.pickOne': 'Choose at least one field and enter its new value.',
  'corr.none': 'No correction was proposed on this ticket yet.',
  'corr.status.proposed': 'Waiting for approval',
  'corr.status.approved': 'Approved and applied to the record',
  'corr.status.rejected': 'Rejected',
  'corr.proposedBy': 'Proposed by {who} on {when}',
  'corr.decidedBy': 'Decided by {who} on {when}',
  'corr.decisionReason': 'Reason for the decision: {reason}',
  'corr.stale': 'The record changed since it was proposed: it cannot be approved; reject it and propose it again.',
  'corr.waitsOther': 'Another person who may edit the record (a registration officer or an administrator) approves it.',
  'corr.queue': 'Corrections to approve',
  'corr.queueNone': 'No correction waits for your approval.',
  'corr.approve': 'Approve and apply',
  'corr.reject': 'Reject',
  'corr.decisionReasonLabel': 'Reason for the decision',
  'corr.decisionReasonHint': 'Required to reject.',
  'corr.done.approved': 'The correction was approved and applied to the record.',
  'corr.done.rejected': 'The correction was rejected.',
  'corr.fromTicket': 'Correction from a ticket',
  'tickets.event.correction_proposed': 'Data correction proposed',
  'tickets.event.correction_approved': 'Correction approved and applied',
  'tickets.event.correction_rejected': 'Correction rejected',
  'history.action.correction': 'Correction from a ticket',
};
