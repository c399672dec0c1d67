// English texts of the problems of field assessments (#16), typed against the Arabic ones.
import type { assessProblemsAr } from './assessProblems.ar.ts';

export const assessProblemsEn: Record<keyof typeof assessProblemsAr, string> = {
  'problem.field_assessment_id_taken': 'Another assessment was recorded under this id. The device makes a new id for each new assessment.',
  'problem.photo_id_taken': 'Another photo was recorded under this id for this assessment.',
  'problem.too_many_photos': 'This assessment has as many photos as it may have.',
  'problem.photo_type_not_allowed': 'Only JPEG, PNG and WebP photos are accepted, recognised by their content, not their name.',
  'problem.photo_unreadable': 'The photo is damaged or incomplete. Take it again.',
};
