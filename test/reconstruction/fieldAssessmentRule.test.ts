// The pure rules of field assessments: a bill priced in whole cents (no floating-point drift),
// the catalogue's cost unless the engineer gives one, unknown or repeated items and future days
// refused by field; a resend's hash ignores catalogue price changes; a photo's place and time.
import { expect, test } from 'vitest';
import { checkPhotoPlace, dayInPalestine, type MaterialItem, prepareFieldAssessment } from '../../src/reconstruction/fieldAssessment.ts';

const catalogue: MaterialItem[] = [
  { code: 'cement', nameAr: 'إسمنت', nameEn: 'Cement', unit: 'tonne', defaultUnitCostUsd: 140 },
  { code: 'blocks', nameAr: 'طوب', nameEn: 'Blocks', unit: 'piece', defaultUnitCostUsd: 1.2 },
  { code: 'glazing', nameAr: 'زجاج', nameEn: 'Glazing', unit: 'm2', defaultUnitCostUsd: 35.1 },
];
const input = (lines: { itemCode: string; quantity: number; unitCostUsd?: number }[], assessedOn = '2026-12-01') => ({
  id: 'A0000000-0000-4000-8000-000000000001',
  buildingId: 'B0000000-0000-4000-8000-000000000001',
  damageClass: 'severe' as const,
  habitable: false,
  notes: '  ',
  assessedOn,
  lines,
});

test('lines and the total in whole cents; the catalogue cost unless one is given', () => {
  const p = prepareFieldAssessment(
    input([
      { itemCode: 'blocks', quantity: 333 },
      { itemCode: 'glazing', quantity: 0.3 },
      { itemCode: 'cement', quantity: 0.001, unitCostUsd: 0.1 },
    ]),
    catalogue,
    '2026-12-06',
  );
  if (Array.isArray(p)) throw new Error(JSON.stringify(p));
  expect(p.lines.map((l) => [l.unitCostUsd, l.lineTotalUsd])).toEqual([
    [1.2, 399.6],
    [35.1, 10.53],
    [0.1, 0],
  ]);
  expect(p.totalUsd).toBe(410.13);
  expect(p.notes).toBeNull();
  expect(p.id).toBe('a0000000-0000-4000-8000-000000000001');
  const dearer = catalogue.map((m) => ({ ...m, defaultUnitCostUsd: m.defaultUnitCostUsd * 2 }));
  const again = prepareFieldAssessment(input([{ itemCode: 'blocks', quantity: 333 }]), catalogue, '2026-12-06');
  const later = prepareFieldAssessment(input([{ itemCode: 'blocks', quantity: 333 }]), dearer, '2026-12-06');
  if (Array.isArray(again) || Array.isArray(later)) throw new Error('refused');
  expect(later.requestSha256.equals(again.requestSha256)).toBe(true);
  const other = prepareFieldAssessment(input([{ itemCode: 'blocks', quantity: 334 }]), catalogue, '2026-12-06');
  if (Array.isArray(other)) throw new Error('refused');
  expect(other.requestSha256.equals(again.requestSha256)).toBe(false);
});

test('unknown and repeated items, and a day after today, are refused by field', () => {
  expect(
    prepareFieldAssessment(
      input(
        [
          { itemCode: 'gold', quantity: 1 },
          { itemCode: 'cement', quantity: 1 },
          { itemCode: 'cement', quantity: 2 },
        ],
        '2026-12-07',
      ),
      catalogue,
      '2026-12-06',
    ),
  ).toEqual([
    { field: 'assessedOn', reason: 'in_future' },
    { field: 'lines.0.itemCode', reason: 'no_such_record' },
    { field: 'lines.2.itemCode', reason: 'twice_in_batch' },
  ]);
});

test("a photo's place inside Palestine with both coordinates, its time not ahead; the day in Gaza", () => {
  const inGaza = (p: readonly [number, number]) => (p[0] > 34.2 && p[0] < 34.6 && p[1] > 31.2 && p[1] < 31.6 ? 'PS0260' : null);
  const now = new Date('2026-12-06T12:00:00Z');
  expect(checkPhotoPlace({ lon: 34.45, lat: 31.5, takenAt: '2026-12-06T13:00:00+02:00' }, now, inGaza)).toEqual({
    lon: 34.45,
    lat: 31.5,
    takenAt: '2026-12-06T11:00:00.000Z',
  });
  expect(checkPhotoPlace({ lon: 34.45, takenAt: '2026-12-06T10:00:00Z' }, now, inGaza)).toEqual([
    { field: 'lat', reason: 'both_coordinates' },
  ]);
  expect(checkPhotoPlace({ lon: 35.9, lat: 31.9, takenAt: '2026-12-06T12:20:00Z' }, now, inGaza)).toEqual([
    { field: 'lon', reason: 'outside_palestine' },
    { field: 'takenAt', reason: 'in_future' },
  ]);
  expect(dayInPalestine(new Date('2026-12-06T22:30:00Z'))).toBe('2026-12-07');
});
