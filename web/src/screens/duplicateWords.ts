// The words a caseworker reads for the linkage engine's evidence (src/linkage): how strongly a
// pair points to one person, each field's agreement level, and what its weight says.
// test/web/duplicateWords.test.ts checks every level the engine can report has its own words.
import type { MessageKey } from '../i18n/ar.ts';
import type { Relation } from '../../../src/shared/relations.ts';

/** The engine's field names, in the order the pair page shows them (name parts, then the rest). */
export const EVIDENCE_FIELDS = ['given', 'father', 'grandfather', 'family', 'sex', 'dob', 'national_id', 'phone', 'governorate'] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** How strongly the whole comparison points to one person, in words. */
export function strengthKey(probability: number): MessageKey {
  if (probability >= 0.99) return 'review.strength.veryLikely';
  if (probability >= 0.9) return 'review.strength.likely';
  return 'review.strength.possible';
}

/** What the names, sexes and years say besides "maybe one person", in words (null: nothing). */
export function relationKey(relation: Relation): MessageKey | null {
  return relation === 'none' ? null : `review.relation.${relation}`;
}

const LEVELS: Record<string, MessageKey> = {
  exact: 'review.level.exact',
  agree: 'review.level.agree',
  'same sound': 'review.level.sameSound',
  'very similar': 'review.level.verySimilar',
  similar: 'review.level.similar',
  'shifted part': 'review.level.shiftedPart',
  disagree: 'review.level.disagree',
  missing: 'review.level.missing',
  'year +-1': 'review.level.yearPlusMinus1',
  'same year': 'review.level.sameYear',
  'year only or 01-01': 'review.level.yearOnly',
  'same year and month': 'review.level.sameYearMonth',
  'swapped or one typo': 'review.level.swappedOrTypo',
  'one substitution': 'review.level.oneSubstitution',
  'one transposition': 'review.level.oneTransposition',
  'one typo, check digit points to it': 'review.level.typoCheckDigit',
  'one typo': 'review.level.oneTypo',
};
/** The agreement level of one field, in words. */
export const levelKey = (level: string): MessageKey => LEVELS[level] ?? 'review.level.other';

/** What one field's evidence says (its weight, a log2 Bayes factor), in words. */
export function weightKey(weight: number): MessageKey {
  if (weight >= 4) return 'review.weight.strongSame';
  if (weight >= 1) return 'review.weight.same';
  if (weight > -1) return 'review.weight.neutral';
  if (weight > -4) return 'review.weight.different';
  return 'review.weight.strongDifferent';
}
