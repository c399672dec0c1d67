// English texts of the problems of case management, typed against the Arabic ones.
import type { casesProblemsAr } from './casesProblems.ar.ts';

export const casesProblemsEn: Record<keyof typeof casesProblemsAr, string> = {
  'problem.case_step_refused':
    'Not possible at this stage of the case, or not for you: a supervisor approves or sends back what waits for them; a closed case is reopened first.',
  'problem.ticket_step_refused':
    'Not possible in the ticket’s state now, or the answer is approved by another focal point than the one who proposed it.',
};
