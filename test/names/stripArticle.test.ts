import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stripArticle } from '../../src/names/arabic.ts';
import { stripLatinArticle } from '../../src/names/latin.ts';

describe('stripArticle', () => {
  test.each([
    ['النجار', 'نجار'],
    ['العلي', 'علي'],
    ['الاسطل', 'اسطل'],
    ['الله', 'الله'],
    ['الفت', 'الفت'],
    ['الياس', 'الياس'],
    ['الهام', 'الهام'],
    ['محمد', 'محمد'],
    ['ال', 'ال'],
  ])('%s → %s', (input, expected) => {
    expect(stripArticle(input)).toBe(expected);
  });

  test('never returns an empty string for a non-empty token', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), (s) => stripArticle(`ال${s}`).length > 0));
  });
});

describe('stripLatinArticle', () => {
  test.each([
    ['alnajjar', 'najjar'],
    ['elnajjar', 'najjar'],
    ['ali', 'ali'],
    ['alaa', 'alaa'],
    ['mohammed', 'mohammed'],
  ])('%s → %s', (input, expected) => {
    expect(stripLatinArticle(input)).toBe(expected);
  });
});
