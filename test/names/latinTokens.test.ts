import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { latinTokens } from '../../src/names/latin.ts';
import { mixedText } from './arbitraries.ts';

describe('latinTokens', () => {
  test.each([
    ['Mohammed Ali', ['mohammed', 'ali']],
    ['Abdel Rahman', ['abdelrahman']],
    ['Abdul-Rahman', ['abdulrahman']],
    ['Abd al-Rahman', ['abdalrahman']],
    ['Abd ar-Rahman', ['abdarrahman']],
    ['Abdelrahman', ['abdelrahman']],
    ['Al Najjar', ['alnajjar']],
    ['El-Najjar', ['elnajjar']],
    ['al-Najjar', ['alnajjar']],
    ['Abu Yousef', ['abuyousef']],
    ['Abou Yousef', ['abouyousef']],
    ["Abu'l Khair", ['abulkhair']],
    ['Nour Eddine', ['noureddine']],
    ['Nur al-Din', ['nuraldin']],
    ['Salah ad-Din', ['salahaddin']],
    ['Khalaf Allah', ['khalafallah']],
    ['Hasan ibn Ali', ['hasan', 'ali']],
    ['Muhammad bin Salman', ['muhammad', 'salman']],
    ['Ala Hassan', ['ala', 'hassan']],
    ['', []],
  ])('%s → %j', (input, expected) => {
    expect(latinTokens(input)).toEqual(expected);
  });

  test('tokens are never empty and contain no spaces', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        for (const t of latinTokens(s)) expect(t).toMatch(/^\S+$/);
      }),
      { numRuns: 2000 },
    );
  });
});
