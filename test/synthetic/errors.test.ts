// Field-registration errors change what they should and nothing else.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import * as E from '../../src/synthetic/errors.ts';
import { Rng } from '../../src/synthetic/random.ts';

test('day and month swap only when both could be a month', () => {
  expect(E.swapDayMonth('2001-03-07')).toBe('2001-07-03');
  expect(E.swapDayMonth('2001-03-25')).toBe('2001-03-25');
  expect(E.swapDayMonth('2001-04-04')).toBe('2001-04-04');
  expect(E.swapDayMonth('2001')).toBe('2001');
});

test('the article is dropped or added; compounds keep their form', () => {
  expect(E.toggleArticle('النجار')).toBe('نجار');
  expect(E.toggleArticle('شاهين')).toBe('الشاهين');
  expect(E.toggleArticle('أبو العيش')).toBe('أبو عيش');
  expect(E.toggleArticle('أبو زيد')).toBe('أبو زيد');
});

test('عبد spacing goes both ways', () => {
  const r = new Rng(1);
  expect(E.spacingVariant(r, 'عبد الله')).toBe('عبدالله');
  expect(E.spacingVariant(r, 'عبدالرحمن')).toBe('عبد الرحمن');
  expect(['ابو زيد', 'أبوزيد']).toContain(E.spacingVariant(r, 'أبو زيد'));
});

test('spelling variants touch hamza, taa marbuta or alef maqsura', () => {
  const r = new Rng(2);
  expect(E.spellingVariant(r, 'أحمد')).toBe('احمد');
  expect(E.spellingVariant(r, 'فاطمة')).toBe('فاطمه');
  expect(E.spellingVariant(r, 'مصطفى')).toBe('مصطفي');
  expect(E.spellingVariant(r, 'محمد')).toBe('محمد');
});

test('ID slips: a substitution changes one digit, a transposition swaps two neighbours', () => {
  fc.assert(
    fc.property(fc.integer(), fc.stringMatching(/^[0-9]{9}$/), (seed, id) => {
      const r = new Rng(seed);
      const s = E.substituteDigit(r, id);
      expect([...s].filter((c, i) => c !== id[i]).length).toBe(1);
      const t = E.transposeDigits(r, id);
      expect(t).toHaveLength(9);
      const diff = [...t].map((c, i) => (c !== id[i] ? i : -1)).filter((i) => i >= 0);
      if (new Set(id).size > 1) {
        expect(diff).toHaveLength(2);
        expect(diff[1]! - diff[0]!).toBe(1);
        expect([...t].sort().join('')).toBe([...id].sort().join(''));
      }
    }),
  );
});

test('typos keep a name recognisable: length changes by at most one', () => {
  fc.assert(
    fc.property(fc.integer(), fc.constantFrom('محمد', 'عبد الرحمن', 'فاطمة', 'أبو شمالة', 'الكحلوت'), (seed, name) => {
      const t = E.typo(new Rng(seed), name);
      expect(Math.abs([...t].length - [...name].length)).toBeLessThanOrEqual(1);
    }),
  );
});

test('a shifted year moves by one and never past the reference date', () => {
  fc.assert(
    fc.property(fc.integer(), fc.constantFrom('2001-03-07', '2025-05-01', '2024-02-29', '1990', '2025-06'), (seed, dob) => {
      const s = E.shiftYear(new Rng(seed), dob);
      expect(Math.abs(Number(s.slice(0, 4)) - Number(dob.slice(0, 4)))).toBe(1);
      expect(s.length).toBe(dob.length);
      expect(s <= '2025-06-01').toBe(true);
    }),
  );
});
