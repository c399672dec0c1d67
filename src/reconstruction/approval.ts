// The approval chain, pure: a claims officer checks a joint case (verified, or to inspection); a
// committee member approves or rejects it with a reason. Four eyes: the committee member may be
// neither the officer who checked the case nor an engineer who assessed the unit in the field.
import type { CaseState } from '../shared/claims.ts';

export type CheckStep = 'verified' | 'inspection';
export type DecisionStep = 'approved' | 'rejected';

export type ChainRefusal = 'case_closed' | 'not_checked' | 'own_check' | 'own_assessment';

/** Whether an officer may check a case in this state (an open case; a re-check after inspection is allowed). */
export const mayCheck = (state: CaseState): ChainRefusal | null => (state === 'approved' || state === 'rejected' ? 'case_closed' : null);

/** Whether a committee member may decide: the case verified by an officer, by someone else, not assessed by them. */
export function mayDecide(
  c: { state: CaseState; checkedBy: string | null },
  committeeMember: string,
  assessors: readonly string[],
): ChainRefusal | null {
  if (c.state === 'approved' || c.state === 'rejected') return 'case_closed';
  if (c.state !== 'verified' || c.checkedBy === null) return 'not_checked';
  if (c.checkedBy === committeeMember) return 'own_check';
  if (assessors.includes(committeeMember)) return 'own_assessment';
  return null;
}
