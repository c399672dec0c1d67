import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { nameSearchTokens } from '../../src/names/searchTokens.ts';
import { mixedText } from './arbitraries.ts';

describe('nameSearchTokens', () => {
  test('Arabic and Latin parts give a:, l: and s: tokens; family names also without article', () => {
    const tokens = nameSearchTokens({
      givenName: 'مُحَمَّد',
      fatherName: 'عبد الرحمن',
      familyName: 'النجار',
      fullNameEn: 'Mohammed Abdel Rahman Al-Najjar',
    });
    expect(tokens).toEqual([
      'a:النجار',
      'a:عبدالرحمن',
      'a:محمد',
      'a:نجار',
      'l:abdelrahman',
      'l:alnajjar',
      'l:mohammed',
      'l:najjar',
      's:abdrhmn',
      's:mhmd',
      's:njr',
    ]);
  });

  test('the last token of a full name counts as the family name', () => {
    const tokens = nameSearchTokens({ fullName: 'أحمد خالد الأسطل' });
    expect(tokens).toContain('a:الاسطل');
    expect(tokens).toContain('a:اسطل');
  });

  test('given names keep their article', () => {
    expect(nameSearchTokens({ givenName: 'الامير' })).not.toContain('a:امير');
  });

  test('empty and missing names give no tokens', () => {
    expect(nameSearchTokens({})).toEqual([]);
    expect(nameSearchTokens({ givenName: '', familyName: null, fullName: ' ـ ' })).toEqual([]);
  });

  test('tokens are sorted, unique, prefixed and never empty', () => {
    fc.assert(
      fc.property(mixedText, mixedText, mixedText, (g, f, en) => {
        const tokens = nameSearchTokens({ givenName: g, familyName: f, fullNameEn: en });
        expect([...new Set(tokens)].sort()).toEqual(tokens);
        for (const t of tokens) expect(t).toMatch(/^[als]:\S+$/u);
      }),
      { numRuns: 500 },
    );
  });
});
