// Case management: the kinds of case, which are sensitive (segregated: nobody else may learn they
// exist), the stages a case goes through and what can be written into it. Shared by the server and
// the web app.

export const caseTypes = [
  'injured_person',
  'bereaved_family',
  'child_protection',
  'gender_based_violence',
  'lost_livelihood',
  'other',
] as const;
export type CaseType = (typeof caseTypes)[number];

/** Cases whose very existence is shown only to those who may read them. */
export const sensitiveCaseTypes: readonly CaseType[] = ['child_protection', 'gender_based_violence'];
export const isSensitive = (t: CaseType): boolean => sensitiveCaseTypes.includes(t);

/** intake -> assessment approved -> plan approved -> services and follow-ups -> closure approved. */
export const caseStages = ['intake', 'plan', 'services', 'closed'] as const;
export type CaseStage = (typeof caseStages)[number];

/** What waits for a supervisor's decision. */
export const caseApprovals = ['assessment', 'plan', 'closure'] as const;
export type CaseApproval = (typeof caseApprovals)[number];

/** What a caseworker writes into a case. Entries are appended, never overwritten: two devices never lose each other's work. */
export const caseEntryKinds = ['note', 'assessment', 'plan', 'service', 'referral', 'follow_up', 'closure', 'caregiver'] as const;
export type CaseEntryKind = (typeof caseEntryKinds)[number];

/** Entries written by the system or a decision, shown in the case's timeline. */
export const caseEventKinds = ['opened', 'approved', 'sent_back', 'assigned', 'shared', 'reopened'] as const;
