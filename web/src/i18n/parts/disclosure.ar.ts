// Small counts withheld from the roles that see only aggregates (src/shared/disclosure.ts).
export const disclosureAr = {
  'disclosure.fewerThan': 'أقل من {n}',
  'disclosure.reachText': '{reached} من {targeted} فرداً',
  'disclosure.capacityText': '{people} فرداً لسعة {capacity}',
  'disclosure.note': 'الأعداد من {from} إلى {to} محجوبة حمايةً للأفراد، وقد تُحجب خانات أخرى كي لا تُستنتج منها.',
} as const;
