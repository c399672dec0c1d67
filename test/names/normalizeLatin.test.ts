import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalizeLatin } from '../../src/names/latin.ts';
import { mixedText } from './arbitraries.ts';

describe('normalizeLatin', () => {
  test.each([
    ['Mohammed', 'mohammed'],
    ['Al-Najjar', 'al najjar'],
    ["Abu'l Khair", 'abul khair'],
    ['Sha’er', 'shaer'],
    ['ʿAbd al-Raḥmān', 'abd al rahman'],
    ['Ḥasan  ibn   ʿAlī', 'hasan ibn ali'],
    ['Hélène Müller', 'helene muller'],
    ['Straße', 'strasse'],
    ['  El.Sayed ', 'el sayed'],
    ['Fatma ١٢٣', 'fatma 123'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeLatin(input)).toBe(expected);
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(mixedText, (s) => normalizeLatin(normalizeLatin(s)) === normalizeLatin(s)),
      { numRuns: 2000 },
    );
  });

  test('never throws; no accents, uppercase ASCII, apostrophes or hyphens are left', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        const n = normalizeLatin(s);
        expect(n).not.toMatch(/\p{M}|[A-Z'’-]|\s\s|^\s|\s$/u);
      }),
      { numRuns: 2000 },
    );
  });
});
