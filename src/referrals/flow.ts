// Who sees a referral and how it moves. Pure: no I/O.
//   sent --accept--> accepted --report back--> completed;  sent --decline (reason)--> declined
// The sending side is whoever may see the case (src/cases/flow.ts). The receiving side is the
// receiving organisation's caseworkers and case supervisors working in a governorate the service
// covers; a referral from a sensitive case (child protection, gender-based violence) only its case
// supervisors (the focal staff), and only they learn the case's type.
import type { Actor } from '../access/actor.ts';
import { errors } from '../errors.ts';
import type { AgeBand, ReferralStatus } from '../shared/referrals.ts';

export type Side = 'out' | 'in';
export type ReferralRef = { toOrgId: string; serviceGovernorates: readonly string[]; sensitive: boolean };

/** Whether the actor is on the receiving side of the referral. */
export function receives(actor: Actor, r: ReferralRef): boolean {
  if (actor.orgId !== r.toOrgId || actor.userId === null) return false;
  if (actor.role !== 'case_supervisor' && (actor.role !== 'caseworker' || r.sensitive)) return false;
  return r.serviceGovernorates.some((g) => actor.governorates.includes(g));
}

/** The receiving side's focal staff (a case supervisor) learn the case's type; caseworkers never do. */
export const seesCaseType = (actor: Actor, side: Side): boolean => side === 'out' || actor.role === 'case_supervisor';

export type Answer = { decision: 'accept' } | { decision: 'decline'; reason: string };

/** The status after the receiving side's step, or a 409 naming why not. */
export function nextStatus(s: ReferralStatus, step: 'accept' | 'decline' | 'report', side: Side): ReferralStatus {
  if (side !== 'in') throw errors.referralStepRefused();
  if (step === 'report') {
    if (s !== 'accepted') throw errors.referralStepRefused();
    return 'completed';
  }
  if (s !== 'sent') throw errors.referralStepRefused();
  return step === 'accept' ? 'accepted' : 'declined';
}

/** The age band of someone born on `dob` (YYYY-MM-DD) on `today`; null when the date is unknown. */
export function ageBand(dob: string | null, today: string): AgeBand | null {
  if (dob === null) return null;
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  if (age < 5) return '0-4';
  if (age < 12) return '5-11';
  if (age < 18) return '12-17';
  if (age < 60) return '18-59';
  return '60+';
}
