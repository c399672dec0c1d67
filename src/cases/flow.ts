// Who may do what with a case, and how it moves between its stages. Pure: no I/O.
//   intake --assessment approved--> plan --plan approved--> services --closure approved--> closed
// A supervisor approves or sends back (with a comment) what waits for them; a closed case can be
// reopened into services. Notes, services, referrals and follow-ups are added while it is open.
import type { Actor } from '../access/actor.ts';
import { errors } from '../errors.ts';
import type { CaseApproval, CaseStage, CaseType } from '../shared/cases.ts';

export type CaseRef = { orgId: string; governorate: string; assignedTo: string | null; type: CaseType };
export type Access = 'assigned' | 'supervisor' | 'shared';

/** How the actor may see a case, or null when they may not (the API then answers 404: it does not exist for them). */
export function caseAccess(actor: Actor, c: CaseRef, sharedWith: readonly string[]): Access | null {
  if (actor.orgId !== c.orgId || actor.userId === null) return null;
  if (c.assignedTo === actor.userId) return 'assigned';
  if (actor.role === 'case_supervisor' && actor.governorates.includes(c.governorate)) return 'supervisor';
  if (sharedWith.includes(actor.userId)) return 'shared';
  return null;
}

export type CaseState = { stage: CaseStage; awaiting: CaseApproval | null };
export type CaseAction =
  | { do: 'submit'; what: CaseApproval }
  | { do: 'approve' }
  | { do: 'send_back' }
  | { do: 'reopen' }
  | { do: 'write' };

const SUBMITTED_AT: Record<CaseApproval, CaseStage[]> = { assessment: ['intake'], plan: ['plan'], closure: ['intake', 'plan', 'services'] };
const AFTER_APPROVAL: Record<CaseApproval, CaseStage> = { assessment: 'plan', plan: 'services', closure: 'closed' };

/** The state after the action, or a 409 naming why not (a shared reader only reads). */
export function nextState(s: CaseState, a: CaseAction, access: Access): CaseState {
  const refuse = () => errors.caseStepRefused();
  if (access === 'shared') throw refuse();
  switch (a.do) {
    case 'write':
      if (s.stage === 'closed') throw refuse();
      return s;
    case 'submit':
      if (s.awaiting !== null || !SUBMITTED_AT[a.what].includes(s.stage)) throw refuse();
      return { stage: s.stage, awaiting: a.what };
    case 'approve':
      if (access !== 'supervisor' || s.awaiting === null) throw refuse();
      return { stage: AFTER_APPROVAL[s.awaiting], awaiting: null };
    case 'send_back':
      if (access !== 'supervisor' || s.awaiting === null) throw refuse();
      return { stage: s.stage, awaiting: null };
    case 'reopen':
      if (s.stage !== 'closed') throw refuse();
      return { stage: 'services', awaiting: null };
  }
}

/** Days until the next action is due: a child-protection case within a day, others within a week. */
export const dueDays = (type: CaseType): number => (type === 'child_protection' ? 1 : 7);
