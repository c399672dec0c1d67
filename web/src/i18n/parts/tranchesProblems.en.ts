// English texts of the problems of reconstruction tranches and materials (#16).
import type { tranchesProblemsAr } from './tranchesProblems.ar.ts';

export const tranchesProblemsEn: Record<keyof typeof tranchesProblemsAr, string> = {
  'problem.plan_case_not_approved': 'Only a case the committee approved gets a tranche plan.',
  'problem.plan_exists': 'This unit already has a grant plan: a unit is granted once.',
  'problem.tranche_no_inspection': "No engineer's inspection with photos records this tranche's stage yet.",
  'problem.tranche_own_inspection': 'You inspected this stage: someone else releases the tranche.',
  'problem.tranche_paid': 'This tranche was paid already; it is paid once.',
  'problem.tranche_out_of_order': 'The earlier tranches are released first.',
  'problem.photo_too_large': 'The photo is larger than allowed.',
  'problem.sale_beyond_quota': 'The sale is beyond what remains of the quota.',
  'problem.sale_id_reused': 'This sale id was used for a different sale.',
  'problem.vendor_not_approved': 'Your account is not an approved vendor.',
  'problem.quota_below_sold': 'A quota cannot be less than what was sold.',
};
