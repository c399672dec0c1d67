// Arabic texts of the problems of reconstruction tranches and materials (#16).
export const tranchesProblemsAr = {
  'problem.plan_case_not_approved': 'تحصل الحالة المعتمدة من اللجنة فقط على خطة دفعات.',
  'problem.plan_exists': 'لهذه الوحدة خطة منحة من قبل: تُمنح الوحدة مرة واحدة.',
  'problem.tranche_no_inspection': 'لا يوجد بعد كشف هندسي مع صور يسجّل مرحلة هذه الدفعة.',
  'problem.tranche_own_inspection': 'أنت من كشف على هذه المرحلة: يصرف الدفعة شخص آخر.',
  'problem.tranche_paid': 'صُرفت هذه الدفعة من قبل، وتُصرف مرة واحدة.',
  'problem.tranche_out_of_order': 'تُصرف الدفعات السابقة أولًا.',
  'problem.photo_too_large': 'الصورة أكبر من الحجم المسموح به.',
  'problem.sale_beyond_quota': 'البيع يتجاوز ما تبقى من الحصة.',
  'problem.sale_id_reused': 'رقم البيع هذا استُخدم لبيع آخر.',
  'problem.vendor_not_approved': 'حسابك ليس لمورّد معتمد.',
  'problem.quota_below_sold': 'لا يمكن أن تقل الحصة عمّا بيع منها.',
} as const;
