// Arabic texts of the problems of user administration (src/shared/problems.ts), spread into ar.ts's problems.
export const adminProblemsAr = {
  'problem.token_expired': 'انتهت صلاحية رمز الواجهة البرمجية هذا. يصدر المسؤول رمزًا جديدًا.',
  'problem.token_revoked': 'أُلغي رمز الواجهة البرمجية هذا أو عُطّل حسابه. يصدر المسؤول رمزًا جديدًا.',
  'problem.own_account': 'لا يمكنك فعل هذا بحسابك أنت. اطلب ذلك من مسؤول آخر.',
  'problem.not_a_machine': 'رموز الواجهة البرمجية لحسابات الأجهزة فقط. يدخل الأشخاص بكلمة مرور وتحقق بخطوتين.',
  'problem.machine_account': 'حساب الجهاز ليس له كلمة مرور ولا تحقق بخطوتين.',
  'problem.password_change_required': 'اختر كلمة مرور جديدة أولًا.',
  'problem.organisation_required': 'اكتب اسم منظمتك لتسجيل الدخول.',
  'problem.account_disabled': 'الحساب معطّل. فعّله أولًا.',
} as const;
