// Arabic texts of the problems of life events and their tasks.
export const lifeProblemsAr = {
  'problem.life_event_withdrawn': 'سُحب هذا البلاغ ولا يمكن تعديله. سجّل الحدث من جديد.',
  'problem.task_closed': 'أُنجزت هذه المهمة أو أُغلقت من قبل.',
} as const;
