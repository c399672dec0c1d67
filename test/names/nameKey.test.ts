import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { nameKey } from '../../src/names/searchTokens.ts';
import { mixedText } from './arbitraries.ts';

describe('nameKey', () => {
  test.each([
    [{ givenName: 'مُحَمَّد', fatherName: 'عبد الله', grandfatherName: 'أحمد', familyName: 'أبو يونس' }, 'محمد عبدالله احمد ابويونس'],
    [{ fullName: 'محمد  عبد الله أحمد ابو يونس' }, 'محمد عبدالله احمد ابويونس'],
    [{ fullName: 'فاطمة علي', fullNameEn: 'Fatima Ali' }, 'فاطمه علي'],
    [{ fullNameEn: 'Mohammed Abdel Rahman Al-Najjar' }, 'mohammed abdelrahman alnajjar'],
    [{ givenName: 'Omar', familyName: 'Al Masri' }, 'omar almasri'],
    [{}, ''],
  ])('%j → %s', (parts, expected) => {
    expect(nameKey(parts)).toBe(expected);
  });

  test('split parts and the same full name give the same key', () => {
    expect(nameKey({ givenName: 'عبد الرحمن', familyName: 'ال نجار' })).toBe(nameKey({ fullName: 'عبدالرحمن النجار' }));
  });

  test('never throws and has single spaces only', () => {
    fc.assert(
      fc.property(mixedText, mixedText, (a, b) => {
        expect(nameKey({ givenName: a, fullNameEn: b })).not.toMatch(/\s\s|^\s|\s$/);
      }),
      { numRuns: 500 },
    );
  });
});
