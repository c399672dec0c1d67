// English texts of the problems of user administration, typed against the Arabic ones.
import type { adminProblemsAr } from './adminProblems.ar.ts';

export const adminProblemsEn: Record<keyof typeof adminProblemsAr, string> = {
  'problem.token_expired': 'This API token has expired. An administrator makes a new one.',
  'problem.token_revoked': 'This API token was revoked, or its account disabled. An administrator makes a new one.',
  'problem.own_account': 'You cannot do this to your own account. Ask another administrator.',
  'problem.not_a_machine': 'API tokens are only for machine accounts. People sign in with a password and a second factor.',
  'problem.machine_account': 'A machine account has no password or second factor.',
  'problem.password_change_required': 'Choose a new password first.',
  'problem.organisation_required': 'Enter your organisation to sign in.',
  'problem.account_disabled': 'The account is disabled. Enable it first.',
};
