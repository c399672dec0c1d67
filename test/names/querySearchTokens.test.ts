import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { nameSearchTokens, querySearchTokens, type NameParts } from '../../src/names/searchTokens.ts';
import { mixedText } from './arbitraries.ts';

/** The SQL rule: every group has an alternative in the stored tokens. */
function matches(query: string, person: NameParts): boolean {
  const stored = new Set(nameSearchTokens(person));
  return querySearchTokens(query).every((g) => g.some((t) => stored.has(t)));
}

describe('querySearchTokens', () => {
  test('one group of alternatives per query word', () => {
    expect(querySearchTokens('محمد النجار')).toEqual([
      ['a:محمد', 's:mhmd'],
      ['a:النجار', 'a:نجار', 's:njr'],
    ]);
    expect(querySearchTokens('Mohamed Najjar')).toEqual([
      ['l:mohamed', 's:mhmd'],
      ['l:najjar', 's:njr'],
    ]);
    expect(querySearchTokens('عبد الله')).toEqual([['a:عبدالله', 's:abdl']]);
    expect(querySearchTokens('')).toEqual([]);
  });

  const arabicOnly: NameParts = { givenName: 'محمد', fatherName: 'عبد الله', familyName: 'النجار' };
  const latinOnly: NameParts = { fullNameEn: 'Mohammed Abdallah El-Najjar' };

  test.each([
    ['محمد النجار', arabicOnly, true],
    ['محمد نجار', arabicOnly, true],
    ['مُحمّد عبدالله', arabicOnly, true],
    ['Mohamed Najjar', arabicOnly, true],
    ['Muhammad Abdullah', arabicOnly, true],
    ['محمد النجار', latinOnly, true],
    ['محمد عبد الله', latinOnly, true],
    ['Mohammed Al Najjar', latinOnly, true],
    ['محمود النجار', arabicOnly, false],
    ['Mahmoud Najjar', latinOnly, false],
    ['محمد الاسطل', arabicOnly, false],
  ])('%s finds %j: %s', (query, person, expected) => {
    expect(matches(query, person)).toBe(expected);
  });

  test('a person is found by their own name in any field', () => {
    fc.assert(
      fc.property(mixedText, (name) => {
        expect(matches(name, { fullName: name })).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('groups are never empty and contain no empty alternative', () => {
    fc.assert(
      fc.property(mixedText, (q) => {
        for (const g of querySearchTokens(q)) {
          expect(g.length).toBeGreaterThan(0);
          for (const t of g) expect(t).toMatch(/^[als]:\S+$/u);
        }
      }),
      { numRuns: 500 },
    );
  });
});
