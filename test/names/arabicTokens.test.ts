import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { arabicTokens } from '../../src/names/arabic.ts';
import { DIACRITICS, mixedText } from './arbitraries.ts';

describe('arabicTokens', () => {
  test.each([
    ['محمد علي', ['محمد', 'علي']],
    ['عبد الله', ['عبدالله']],
    ['عبدالله', ['عبدالله']],
    ['عَبْدُ الله', ['عبدالله']],
    ['عبد الرحمن محمد', ['عبدالرحمن', 'محمد']],
    ['عبد العزيز', ['عبدالعزيز']],
    ['أبو يونس', ['ابويونس']],
    ['ابو يونس', ['ابويونس']],
    ['ابويونس', ['ابويونس']],
    ['أبو عبد الله', ['ابوعبدالله']],
    ['ال نجار', ['النجار']],
    ['محمد ال نجار', ['محمد', 'النجار']],
    ['نور الدين', ['نورالدين']],
    ['سيف الدين', ['سيفالدين']],
    ['علاء الدين', ['علاالدين']],
    ['خلف الله', ['خلفالله']],
    ['محمد بن سلمان', ['محمد', 'سلمان']],
    ['محمد ابن سلمان', ['محمد', 'سلمان']],
    ['بن سعيد', ['بن', 'سعيد']],
    ['عبد هللا', ['عبدالله']],
    ['االسطل', ['الاسطل']],
    ['', []],
    ['   ', []],
  ])('%s → %j', (input, expected) => {
    expect(arabicTokens(input)).toEqual(expected);
  });

  test('tokens are never empty, never contain spaces or diacritics', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        for (const t of arabicTokens(s)) {
          expect(t).not.toBe('');
          expect(t).not.toMatch(/\s/);
          expect(t).not.toMatch(DIACRITICS);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('spacing around عبد does not change the tokens', () => {
    const names = fc.constantFrom('الله', 'الرحمن', 'العزيز', 'الكريم', 'الحميد');
    fc.assert(
      fc.property(names, (n) => {
        expect(arabicTokens(`عبد ${n}`)).toEqual(arabicTokens(`عبد${n}`));
      }),
    );
  });
});
