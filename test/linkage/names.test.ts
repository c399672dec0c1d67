import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arabicTokens, latinTokens, normalizeArabic, skeleton, stripArticle } from '../../src/linkage/names.ts';

describe('name normalisation for comparison', () => {
  it('folds hamza, ta marbuta, alef maqsura and diacritics', () => {
    expect(normalizeArabic('أحمد')).toBe(normalizeArabic('احمد'));
    expect(normalizeArabic('إبراهيم')).toBe('ابراهيم');
    expect(normalizeArabic('فاطمة')).toBe(normalizeArabic('فاطمه'));
    expect(normalizeArabic('مُصْطَفَى')).toBe('مصطفي');
  });
  it('joins compound names and Latin articles', () => {
    expect(arabicTokens('عبد الله محمد')).toEqual(['عبدالله', 'محمد']);
    expect(latinTokens('Mohammed Al-Najjar').map(stripArticle)).toEqual(['mohammed', 'najjar']);
    expect(skeleton(latinTokens('Abd al-Karim Hasan')[0]!)).toBe(skeleton(arabicTokens('عبد الكريم')[0]!));
  });
  it('gives Arabic and Latin spellings of a name the same skeleton', () => {
    expect(skeleton('محمد')).toBe(skeleton('Mohammed'));
    expect(skeleton('محمد')).toBe(skeleton('Muhammad'));
    expect(skeleton('النجار')).toBe(skeleton('najjar'));
    expect(skeleton('صالح')).toBe(skeleton('Saleh'));
    expect(skeleton('محمد')).not.toBe(skeleton('خالد'));
  });
  it('normalisation is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeArabic(normalizeArabic(s)) === normalizeArabic(s)));
  });
});
