// The duplicate review page speaks in words: every field the registry's linkage compares has a row
// on the pair page, and every agreement level the engine can report has its own words (not the
// generic fallback) in Arabic and English; the strength and weight words follow the numbers.
import { expect, test } from 'vitest';
import { Dataset } from '../../src/linkage/dataset.ts';
import { REGISTRY_COLUMNS } from '../../src/linkage/registryScore.ts';
import { resolveSettings } from '../../src/linkage/settings.ts';
import { ar } from '../../web/src/i18n/ar.ts';
import { en } from '../../web/src/i18n/en.ts';
import { EVIDENCE_FIELDS, levelKey, strengthKey, weightKey } from '../../web/src/screens/duplicateWords.ts';

const fields = new Dataset(resolveSettings({}), REGISTRY_COLUMNS).fields;

test('the pair page has a row for every field the registry linkage compares', () => {
  expect([...fields.map((f) => f.name)].sort()).toEqual([...EVIDENCE_FIELDS].sort());
});

test('every agreement level the engine reports has its own words', () => {
  const levels = new Set(['missing', ...fields.flatMap((f) => f.levels)]);
  expect(levels.size).toBeGreaterThan(10);
  for (const level of levels) {
    const key = levelKey(level);
    expect(key, level).not.toBe('review.level.other');
    expect(ar[key]).toMatch(/[\u0600-\u06FF]/);
    expect(en[key]).toBeTruthy();
  }
  expect(levelKey('a level the engine does not have')).toBe('review.level.other');
});

test('strength and weight words follow the numbers', () => {
  expect(strengthKey(0.999)).toBe('review.strength.veryLikely');
  expect(strengthKey(0.95)).toBe('review.strength.likely');
  expect(strengthKey(0.6)).toBe('review.strength.possible');
  expect([6, 2, 0, -2, -6].map(weightKey)).toEqual([
    'review.weight.strongSame',
    'review.weight.same',
    'review.weight.neutral',
    'review.weight.different',
    'review.weight.strongDifferent',
  ]);
});
