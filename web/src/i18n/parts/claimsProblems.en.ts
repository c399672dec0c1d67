// English texts of the problems of reconstruction claims (#16), typed against the Arabic ones.
import type { claimsProblemsAr } from './claimsProblems.ar.ts';

export const claimsProblemsEn: Record<keyof typeof claimsProblemsAr, string> = {
  'problem.claim_case_closed': 'This case was already decided; its decision stands.',
  'problem.claim_case_not_verified': 'A claims officer verifies the case before the committee decides it.',
  'problem.claim_own_check': 'You checked this case: another committee member decides it.',
  'problem.claim_own_assessment': 'You assessed this unit in the field: another committee member decides it.',
  'problem.claim_earlier_decision': 'You decided this case before it was reopened: another committee member decides the review.',
  'problem.claim_case_not_rejected': 'Only a rejected case can be reopened; an approved one goes on through its tranche plan.',
  'problem.claim_unit_has_open_case': 'Another case on this unit is open: the claims are settled there, not in a reopened one.',
  'problem.document_type_refused': 'Only PDF, JPEG and PNG documents are accepted.',
  'problem.document_too_large': 'The document is larger than allowed.',
  'problem.claim_documents_full': 'This claim already has as many documents as it may have.',
};
