import type { claimReviewAr } from './claimReview.ar.ts';

export const claimReviewEn: Record<keyof typeof claimReviewAr, string> = {
  'claims.step.reopened': 'Reopened for review',
  'decided.nav': 'Decisions taken',
  'decided.title': 'Cases with a decision',
  'decided.intro': 'The latest first. A review starts here when a grievance or new evidence comes in on a rejected case.',
  'decided.state': 'Decision',
  'decided.state.all': 'All decisions',
  'decided.none': 'No decisions here yet.',
  'decided.decidedOn': 'Decided on {date}',
  'decided.reopenTitle': 'Reopen the case for review',
  'decided.reopenIntro':
    'When a grievance is upheld or new evidence comes in: the case goes back to inspection, a claims officer checks it again, and a member who did not decide it before decides the review. The rejection stays in the steps.',
  'decided.reason': 'Why it is reopened',
  'decided.reopen': 'Reopen the case',
  'decided.earlierDecision': 'You decided this case before it was reopened: another committee member decides the review.',
};
