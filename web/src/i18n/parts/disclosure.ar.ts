// Small counts withheld from the roles that see only aggregates (src/shared/disclosure.ts).
export const disclosureAr = {
  'disclosure.fewerThan': 'أقل من {n}',
  'disclosure.note': '«أقل من {n}» تعني عدداً من {from} إلى {to} محجوباً حمايةً للأفراد، أو خانةً أكبر حُجبت معه كي لا يُستنتج منها بالطرح.',
} as const;
