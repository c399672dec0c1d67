// Arabic texts of the problems of case management.
export const casesProblemsAr = {
  'problem.case_step_refused':
    'لا يمكن هذا الإجراء في هذه المرحلة من الحالة أو ليس من صلاحيتك: يوافق المشرف على ما ينتظر قراره أو يعيده، وتُعاد الحالة المغلقة أولًا.',
  'problem.ticket_step_refused': 'لا يمكن هذا الإجراء في حالة البلاغ الآن، أو أن الرد يعتمده منسّق آخر غير من اقترحه.',
} as const;
