// Field assessments (#16): the vocabulary shared by the server and the engineer's phone. The
// shelter-cluster damage classes an engineer records on site, the units of the materials catalogue,
// the photo types and limits, and the bounds of a bill of quantities. Pure data, no I/O.

/** Field damage classes (shelter cluster), lightest first. */
export const fieldDamageClasses = ['minor', 'major', 'severe', 'destroyed'] as const;
export type FieldDamageClass = (typeof fieldDamageClasses)[number];

/** The unit a catalogue item is counted in. */
export const materialUnits = ['tonne', 'm3', 'm2', 'piece', 'person_day'] as const;
export type MaterialUnit = (typeof materialUnits)[number];

/** Photo types Sanad stores (recognised by their first bytes, never by name or declared type). */
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof photoTypes)[number];

/** The largest photo accepted, in bytes (5 MiB): a phone photo, not a scan. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Photos one assessment may have. */
export const MAX_PHOTOS_PER_ASSESSMENT = 10;
/** Lines of one bill of quantities. */
export const MAX_BOQ_LINES = 50;
/** The largest quantity of one line, and the largest unit cost (USD). */
export const MAX_QUANTITY = 1_000_000;
export const MAX_UNIT_COST_USD = 1_000_000;
/** Notes of an assessment (characters). */
export const MAX_ASSESSMENT_NOTES = 2000;
/** Buildings the offline pack holds at most (the nearest area first: an engineer's day of work). */
export const FIELD_PACK_MAX_BUILDINGS = 2000;
