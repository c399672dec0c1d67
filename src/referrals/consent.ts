// Whether a case's consent lets a referral go to an organisation, and what it may carry. Pure: no I/O.
// The consent is the case's (case_file.consent): {given, until?, organisations?, fields?}. A referral
// outside the case's own organisation needs that organisation listed; withdrawn (given false) or
// expired consent refuses new referrals and hides the content of those already sent.
import { type ConsentRefusal, type ReferralField, referralFields } from '../shared/referrals.ts';

export type Consent = { given?: unknown; until?: unknown; organisations?: unknown; fields?: unknown };
export type ConsentCheck = { ok: true; fields: ReferralField[] } | { ok: false; why: ConsentRefusal };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** `today` is the day (YYYY-MM-DD) in which the check is made; consent `until` a day is good through that day. */
export function checkConsent(consent: Consent, to: { orgId: string; caseOrgId: string }, today: string): ConsentCheck {
  if (consent.given !== true) return { ok: false, why: 'not_given' };
  if (typeof consent.until === 'string' && consent.until < today) return { ok: false, why: 'expired' };
  if (to.orgId !== to.caseOrgId && !strings(consent.organisations).includes(to.orgId)) return { ok: false, why: 'other_organisation' };
  const allowed = strings(consent.fields);
  return { ok: true, fields: referralFields.filter((f) => allowed.includes(f)) };
}

/** The fields shown now: those the referral carried that the consent still allows (none once it lapsed). */
export function fieldsNow(carried: readonly ReferralField[], check: ConsentCheck): ReferralField[] {
  return check.ok ? carried.filter((f) => check.fields.includes(f)) : [];
}
