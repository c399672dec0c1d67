// Reconstruction projects and their IATI publication (issue #16).
export const projectsProblemsAr = {
  'problem.iati_identifier_taken': 'يوجد مشروع بمعرّف IATI هذا: يُنشر المعرّف مرة واحدة لنشاط واحد.',
} as const;

export const projectsReasonsAr = {
  'reason.not_in_codelist': 'ليس رمزًا من قائمة رموز IATI.',
  'reason.identifier_prefix': 'يجب أن يبدأ بمعرّف الجهة المُبلِّغة ثم شَرطة.',
  'reason.identifier_characters': 'يجب ألّا يحتوي مسافات ولا / & | ?',
  'reason.org_ref_form': 'يجب أن يكون معرّف جهة في IATI: بادئة جهة تسجيل (مثل PS-MOI أو XM-DAC) ثم شَرطة ثم رقم.',
  'reason.before_start': 'يجب أن يكون بعد البداية.',
  'reason.percentages_sum': 'يجب أن يكون مجموع النسب 100.',
  'reason.role_required': 'اذكر جهة ممولة واحدة وجهة منفّذة واحدة على الأقل.',
  'reason.period_over_year': 'يجب ألّا تزيد المدة على سنة.',
  'reason.outside_palestine': 'خارج دولة فلسطين.',
  'reason.repeated': 'مذكور مرتين.',
} as const;

export const projectsAr = {
  'projects.nav': 'مشاريع إعادة الإعمار',
} as const;
