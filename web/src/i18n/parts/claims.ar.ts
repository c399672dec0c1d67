// Arabic texts of reconstruction claims (#16): intake, evidence, ranking, the committee.
export const claimsAr = {
  'claims.title': 'مطالبات إعادة الإعمار',
} as const;
