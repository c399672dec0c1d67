// English texts of the problems of the service directory and referrals, typed against the Arabic ones.
import type { referralsProblemsAr } from './referralsProblems.ar.ts';

export const referralsProblemsEn: Record<keyof typeof referralsProblemsAr, string> = {
  'problem.referral_step_refused':
    'Not possible for the referral now: only the receiving organisation accepts or declines a referral, and reports back once it accepted it.',
  'problem.referral_consent_not_given': 'The case has no consent to refer, or it was withdrawn: record the person’s consent first.',
  'problem.referral_consent_expired': 'The consent recorded on the case has expired: record the person’s consent again.',
  'problem.referral_consent_other_organisation':
    'The person did not consent to sharing with the organisation providing this service: record their consent for it first.',
  'problem.service_inactive': 'This service is marked inactive in the directory: choose another.',
};
