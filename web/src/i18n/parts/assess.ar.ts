// Arabic texts of field assessments (#16): the engineer's offline screen and a building's assessments.
export const assessAr = {
  'nav.fieldAssessment': 'تقييم ميداني',
} as const;
