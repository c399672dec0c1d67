import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalizeArabic } from '../../src/names/arabic.ts';
import { DIACRITICS, mixedText } from './arbitraries.ts';

describe('normalizeArabic', () => {
  test.each([
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['آمنة', 'امنه'],
    ['ٱلله', 'الله'],
    ['فاطمة', 'فاطمه'],
    ['مصطفى', 'مصطفي'],
    ['مؤمن', 'مومن'],
    ['رؤوف', 'رووف'],
    ['هانئ', 'هاني'],
    ['لؤي', 'لوي'],
    ['علاء', 'علا'],
    ['سماء', 'سما'],
    ['مُحَمَّدٌ', 'محمد'],
    ['عَبْدُ الرَّحْمٰنِ', 'عبد الرحمن'],
    ['محمـــــد', 'محمد'],
    ['کریم', 'كريم'],
    ['ڤادي', 'فادي'],
    ['پاسل', 'باسل'],
    ['چمال', 'جمال'],
    ['گمال', 'كمال'],
    ['ہالہ', 'هاله'],
    ['ھند', 'هند'],
    ['ﷲ', 'الله'],
    ['ﻣﺤﻤﺪ', 'محمد'],
    ['بيت ٣٤٥ / ۱۲', 'بيت 345 12'],
    ['  محمد\u200C  \u200Fعلي،  حسن.  ', 'محمد علي حسن'],
    ['عبد-الله', 'عبد الله'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  test('hamza variants of one name meet', () => {
    const forms = ['أسامة', 'اسامه', 'إسامة', 'آسامة'].map(normalizeArabic);
    expect(new Set(forms).size).toBe(1);
  });

  test('is idempotent', () => {
    fc.assert(
      fc.property(mixedText, (s) => normalizeArabic(normalizeArabic(s)) === normalizeArabic(s)),
      { numRuns: 2000 },
    );
  });

  test('never throws and leaves no diacritics, tatweel, doubled or edge spaces', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        const n = normalizeArabic(s);
        expect(n).not.toMatch(DIACRITICS);
        expect(n).not.toMatch(/\s\s|^\s|\s$|[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
        expect(n).not.toMatch(/[أإآٱؤئىةء]/);
      }),
      { numRuns: 2000 },
    );
  });
});
