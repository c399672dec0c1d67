// Identity resolution: relatives as an outcome of their own (the review queue and the pair page).
export const identityAr = {
  'review.relative.heading': 'على الأرجح أقارب، لا الشخص نفسه',
  'review.relative.note':
    'الأسماء وتواريخ الميلاد تدل على قرابة. لم يُعرض هذا الزوج إلا لأن دليلاً قوياً (رقم الهوية نفسه أو تاريخ الميلاد الكامل نفسه) يشير إلى شخص واحد. تحقق من الوثائق قبل القرار.',
  'review.relation.siblings': 'أخوة على الأرجح',
  'review.relation.twins': 'توأمان على الأرجح',
  'review.relation.parent_child': 'والد وولده على الأرجح',
  'review.relation.grandparent_grandchild': 'جد وحفيد على الأرجح',
  'review.relation.cousins': 'أبناء عمومة على الأرجح',
  'review.relation.uncle_nephew': 'عم وابن أخ على الأرجح',
  'review.relation.generations_apart': 'مولودان بفارق جيل',
  'review.relation.different_sex': 'جنسان مختلفان',
} as const;
