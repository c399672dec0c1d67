// The dashboard map's key says what each shade stands for: every count from 1 to the largest falls
// in exactly one range of the key, and that range's shade is the one the map paints it with. Long
// governorate names break at a space into two lines, short ones stay whole.
import { expect, test } from 'vitest';
import { governorates } from '../../src/places/governorates.ts';
import { NONE, nameLines, shade, shadeRanges } from '../../web/src/map/mapScale.ts';

test('each count is in one range of the key, painted with its shade', () => {
  for (const max of [1, 2, 4, 5, 9, 17, 46, 100, 2731]) {
    const ranges = shadeRanges(max);
    for (let v = 1; v <= max; v++) {
      const inRange = ranges.filter((r) => r.from <= v && v <= r.to);
      expect(inRange.length, `${v} of ${max}`).toBe(1);
      expect(inRange[0]!.color, `${v} of ${max}`).toBe(shade(v, max));
    }
    expect(ranges.at(-1)!.to).toBe(max);
  }
  expect(shade(0, 10)).toBe(NONE);
});

test('names in one line, or two at a space near the middle', () => {
  expect(nameLines('Gaza')).toEqual(['Gaza']);
  expect(nameLines('رام الله والبيرة')).toEqual(['رام الله', 'والبيرة']);
  expect(nameLines('Deir Al-Balah')).toEqual(['Deir', 'Al-Balah']);
  for (const g of governorates) for (const name of [g.nameAr, g.nameEn]) expect(nameLines(name).join(' ')).toBe(name);
});
