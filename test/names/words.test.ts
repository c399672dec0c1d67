// wordsBy: normalising a name piece by piece (memoised) gives exactly the words of normalising the
// whole string, for any Unicode text: combining marks after a space, final sigma, compatibility
// characters that decompose to a space, format characters, BOM, no-break spaces.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { normalizeArabic } from '../../src/names/arabic.ts';
import { normalizeLatin } from '../../src/names/latin.ts';
import { wordsBy } from '../../src/names/words.ts';
import { mixedText } from './arbitraries.ts';

const whole = (normalize: (s: string) => string) => (s: string) =>
  normalize(s)
    .split(' ')
    .filter((w) => w !== '');
const tricky = fc.constantFrom(
  ' ',
  '  ',
  '\u0301',
  '\u0308',
  'Σ',
  'ΑΣ',
  'σ',
  '\u00A0',
  '\u00A8',
  '\uFEFF',
  '\u200D',
  'İ',
  'ﷲ',
  'ﻻ',
  'ـ',
  'ß',
  '’',
  '\u2002',
  'x',
  'ال',
  'Al',
);
const text = fc.oneof(
  mixedText,
  fc.array(fc.oneof(tricky, mixedText), { maxLength: 8 }).map((a) => a.join('')),
);

for (const [name, normalize] of [
  ['Latin', normalizeLatin],
  ['Arabic', normalizeArabic],
] as const) {
  test(`${name}: piecewise words equal the words of the whole string`, () => {
    const words = wordsBy(normalize);
    const reference = whole(normalize);
    fc.assert(
      fc.property(text, (s) => {
        expect(words(s)).toEqual(reference(s));
        expect(words(s)).toEqual(reference(s)); // again, from the memo
      }),
      { numRuns: 3000 },
    );
  });
}

test('examples', () => {
  expect(wordsBy(normalizeLatin)("Mohammed  Al-Najjar  Abu'l \u0301Hasan")).toEqual(['mohammed', 'al', 'najjar', 'abul', 'hasan']);
  expect(wordsBy(normalizeLatin)('ΟΔΟΣ ΟΔΟΣ')).toEqual(['οδος', 'οδος']);
  expect(wordsBy(normalizeArabic)('محمّد  عبد الله')).toEqual(['محمد', 'عبد', 'الله']);
});
