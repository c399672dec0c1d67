// Arabic texts of the problems of the service directory and referrals.
export const referralsProblemsAr = {
  'problem.referral_step_refused':
    'لا يمكن هذا الإجراء على الإحالة الآن: الجهة المستقبِلة وحدها تقبل الإحالة أو ترفضها، وتبلغ بالنتيجة بعد قبولها.',
  'problem.referral_consent_not_given': 'لا توجد موافقة على الإحالة في هذه الحالة، أو سُحبت: سجّل موافقة الشخص أولًا.',
  'problem.referral_consent_expired': 'انتهت مدة الموافقة المسجلة في الحالة: سجّل موافقة الشخص من جديد.',
  'problem.referral_consent_other_organisation': 'لم يوافق الشخص على مشاركة بياناته مع الجهة التي تقدّم هذه الخدمة: سجّل موافقته عليها أولًا.',
  'problem.service_inactive': 'هذه الخدمة متوقفة في الدليل: اختر خدمة أخرى.',
} as const;
