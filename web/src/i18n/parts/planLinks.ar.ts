// A joint case and its grant plan link to each other (#16).
export const planLinksAr = {
  'planLinks.plan': 'خطة المنحة {code}',
  'planLinks.openPlan': 'خطة المنحة (لم تُفتح بعد)',
  // the catalogue's sand (migration 0041), in a plan's materials quota
  'tranches.item.sand': 'رمل',
  'planLinks.case': 'الحالة المشتركة لهذه الخطة',
} as const;
