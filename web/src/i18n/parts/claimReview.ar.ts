// A decision reviewed (#16): the decided cases, and a rejected case reopened for review.
export const claimReviewAr = {
  'claims.step.reopened': 'أُعيد فتحها للمراجعة',
  'decided.nav': 'القرارات الصادرة',
  'decided.title': 'الحالات التي صدر فيها قرار',
  'decided.intro': 'الأحدث أولاً. من هنا تبدأ المراجعة عند وصول شكوى أو أدلة جديدة في حالة مرفوضة.',
  'decided.state': 'القرار',
  'decided.state.all': 'كل القرارات',
  'decided.none': 'لا قرارات هنا بعد.',
  'decided.decidedOn': 'صدر القرار في {date}',
  'decided.reopenTitle': 'إعادة فتح الحالة للمراجعة',
  'decided.reopenIntro':
    'عند قبول شكوى أو ظهور أدلة جديدة: تعود الحالة إلى المعاينة، ويتحقق منها موظف المطالبات من جديد، ويقرر في المراجعة عضو لم يقرر فيها من قبل. يبقى الرفض مسجلاً في سجل الخطوات.',
  'decided.reason': 'سبب إعادة الفتح',
  'decided.reopen': 'أعد فتح الحالة',
  'decided.earlierDecision': 'قررت في هذه الحالة قبل إعادة فتحها: يقرر في المراجعة عضو آخر في اللجنة.',
} as const;
