// English texts of field assessments (#16), typed against the Arabic ones.
import type { assessAr } from './assess.ar.ts';

export const assessEn: Record<keyof typeof assessAr, string> = {
  'nav.fieldAssessment': 'Field assessment',
};
