// Arabic texts of the problems of field assessments (#16).
export const assessProblemsAr = {
  'problem.field_assessment_id_taken': 'سُجّل تقييم آخر بهذا المعرّف. يُنشئ الجهاز معرّفًا جديدًا لكل تقييم جديد.',
  'problem.photo_id_taken': 'سُجّلت صورة أخرى بهذا المعرّف لهذا التقييم.',
  'problem.too_many_photos': 'بلغ هذا التقييم أقصى عدد من الصور.',
  'problem.photo_type_not_allowed': 'تُقبل صور JPEG وPNG وWebP فقط، ويُعرف نوعها من محتواها لا من اسمها.',
  'problem.photo_unreadable': 'الصورة تالفة أو ناقصة. التقطها مرة أخرى.',
} as const;
