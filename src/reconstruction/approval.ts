// The approval chain, pure: a claims officer checks a joint case (verified, or to inspection); a
// committee member approves or rejects it with a reason. Four eyes: the committee member may be
// neither the officer who checked the case nor an engineer who assessed the unit in the field. A
// rejected case may be reopened for review (a grievance upheld, new evidence): back to inspection, and
// the review is decided by a member who did not decide the case before.
import type { CaseState } from '../shared/claims.ts';

export type CheckStep = 'verified' | 'inspection';
export type DecisionStep = 'approved' | 'rejected';

export type ChainRefusal = 'case_closed' | 'not_checked' | 'own_check' | 'own_assessment' | 'earlier_decision';
export type ReopenRefusal = 'not_rejected' | 'unit_has_open_case';

/** Whether an officer may check a case in this state (an open case; a re-check after inspection is allowed). */
export const mayCheck = (state: CaseState): ChainRefusal | null => (state === 'approved' || state === 'rejected' ? 'case_closed' : null);

/** Whether a committee member may decide: the case verified by an officer, by someone else, not assessed by them. */
export function mayDecide(
  c: { state: CaseState; checkedBy: string | null },
  committeeMember: string,
  assessors: readonly string[],
  earlierDeciders: readonly string[] = [],
): ChainRefusal | null {
  if (c.state === 'approved' || c.state === 'rejected') return 'case_closed';
  if (c.state !== 'verified' || c.checkedBy === null) return 'not_checked';
  if (c.checkedBy === committeeMember) return 'own_check';
  if (assessors.includes(committeeMember)) return 'own_assessment';
  if (earlierDeciders.includes(committeeMember)) return 'earlier_decision';
  return null;
}

/**
 * Whether a decided case may be reopened for review: only a rejection (an approval may already have
 * paid tranches: its plan is where it goes on), and only while no other case on the unit is open
 * (a later claim on the unit is settled there).
 */
export function mayReopen(state: CaseState, otherOpenCaseOnUnit: boolean): ReopenRefusal | null {
  if (state !== 'rejected') return 'not_rejected';
  if (otherOpenCaseOnUnit) return 'unit_has_open_case';
  return null;
}
