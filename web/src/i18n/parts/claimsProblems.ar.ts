// Arabic texts of the problems of reconstruction claims (#16).
export const claimsProblemsAr = {
  'problem.claim_case_closed': 'صدر قرار في هذه الحالة من قبل، ويبقى كما هو.',
  'problem.claim_case_not_verified': 'يتحقق موظف المطالبات من الحالة قبل أن تقرر اللجنة فيها.',
  'problem.claim_own_check': 'أنت من تحقق من هذه الحالة: يقرر فيها عضو آخر في اللجنة.',
  'problem.claim_own_assessment': 'أنت من قيّم هذه الوحدة ميدانيًا: يقرر فيها عضو آخر في اللجنة.',
  'problem.claim_earlier_decision': 'أنت من قرر في هذه الحالة قبل إعادة فتحها: يقرر في المراجعة عضو آخر في اللجنة.',
  'problem.claim_case_not_rejected': 'لا يُعاد فتح إلا حالة مرفوضة؛ أما الحالة الموافق عليها فتستمر عبر خطة دفعاتها.',
  'problem.claim_unit_has_open_case': 'توجد حالة أخرى مفتوحة على هذه الوحدة: تُسوّى المطالبات فيها لا في حالة يُعاد فتحها.',
  'problem.document_type_refused': 'تُقبل مستندات PDF وJPEG وPNG فقط.',
  'problem.document_too_large': 'المستند أكبر من الحجم المسموح به.',
  'problem.claim_documents_full': 'بلغت هذه المطالبة أقصى عدد من المستندات.',
} as const;
