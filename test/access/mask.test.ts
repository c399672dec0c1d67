import fc from 'fast-check';
import { expect, test } from 'vitest';
import { maskDigits } from '../../src/shared/mask.ts';

test('numbers keep their last three digits; other text stays', () => {
  expect(maskDigits('400000003')).toBe('••••••003');
  expect(maskDigits('400000011 (check digit fails)')).toBe('••••••011 (check digit fails)');
  expect(maskDigits('+970599123456')).toBe('••••••••••456');
  expect(maskDigits('(missing)')).toBe('(missing)');
  expect(maskDigits(null)).toBeNull();
  expect(maskDigits('')).toBe('');
});

test('property: no run of four digits survives, and the length is kept', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const m = maskDigits(s);
      expect(m).not.toMatch(/[0-9]{4}/);
      expect(m.length).toBe(s.length);
    }),
  );
});
