// The pure rules of tranches and materials: tranche amounts add up to the grant to the cent; the
// release check's four refusals; a sale fits what remains; photos lose their metadata and anything
// that is not a well-formed JPEG or PNG is refused.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkPhoto } from '../../src/reconstruction/photo.ts';
import { newPlanCode, planTranches, releaseCheck, saleFits, shelterMonths } from '../../src/reconstruction/tranches.ts';
import { MAX_PHOTO_BYTES, PLAN_CODE } from '../../src/shared/tranches.ts';
import { PNG } from './claimFiles.ts';
import { PHOTO_JPEG } from './tranchesSupport.ts';

test('tranche amounts add up to the grant, to the cent, for any grant', () => {
  fc.assert(
    fc.property(fc.constantFrom('repair' as const, 'rebuild' as const), fc.integer({ min: 0, max: 1_000_000_000 }), (stream, cents) => {
      const ts = planTranches(stream, cents / 100);
      expect(Math.round(ts.reduce((s, x) => s + x.amount * 100, 0))).toBe(cents);
      expect(ts.every((x) => x.amount >= 0)).toBe(true);
    }),
  );
  expect(planTranches('rebuild', 40000).map((x) => [x.stage, x.amount])).toEqual([
    ['signing', 12000],
    ['plinth', 16000],
    ['roof', 12000],
  ]);
});

test('release check: paid, out of order, no inspection with photos, own inspection', () => {
  const all = [
    { id: 'a', seq: 1, stage: 'signing' as const, paid: false },
    { id: 'b', seq: 2, stage: 'plinth' as const, paid: false },
  ];
  const insp = (stage: 'signing' | 'plinth', engineerId: string, photos = 1) => ({
    id: `${stage}-${engineerId}`,
    stage,
    engineerId,
    photos,
  });
  expect(releaseCheck(all[0]!, all, [], 'o')).toEqual({ ok: false, refusal: 'no_inspection' });
  expect(releaseCheck(all[0]!, all, [insp('signing', 'e', 0)], 'o')).toEqual({ ok: false, refusal: 'no_inspection' });
  expect(releaseCheck(all[0]!, all, [insp('plinth', 'e')], 'o')).toEqual({ ok: false, refusal: 'no_inspection' });
  expect(releaseCheck(all[0]!, all, [insp('signing', 'o')], 'o')).toEqual({ ok: false, refusal: 'own_inspection' });
  expect(releaseCheck(all[0]!, all, [insp('signing', 'o'), insp('signing', 'e')], 'o')).toEqual({ ok: true, inspectionId: 'signing-e' });
  expect(releaseCheck(all[1]!, all, [insp('plinth', 'e')], 'o')).toEqual({ ok: false, refusal: 'out_of_order' });
  expect(releaseCheck({ ...all[0]!, paid: true }, all, [insp('signing', 'e')], 'o')).toEqual({ ok: false, refusal: 'paid' });
});

test('sales fit what remains; shelter months; plan codes', () => {
  expect(saleFits(10, 6, 4)).toEqual({ fits: true, remaining: 4 });
  expect(saleFits(10, 6, 4.001)).toEqual({ fits: false, remaining: 4 });
  expect(saleFits(2.5, 0.1, 2.4)).toEqual({ fits: true, remaining: 2.4 });
  expect(shelterMonths('2026-01-15', null, '2026-03-01')).toBe(3);
  expect(shelterMonths('2026-01-15', '2026-01-20', '2026-12-01')).toBe(1);
  for (let i = 0; i < 50; i++) expect(newPlanCode()).toMatch(PLAN_CODE);
});

test('inspection photos pass the one photo rule: metadata gone, too large or anything else refused', () => {
  const jpeg = checkPhoto(PHOTO_JPEG, MAX_PHOTO_BYTES);
  if (typeof jpeg === 'string') throw new Error(jpeg);
  expect(jpeg.type).toBe('image/jpeg');
  const text = jpeg.bytes.toString('latin1');
  expect(text).not.toContain('Exif');
  expect(text).not.toContain('Ahmad');
  expect(text).toContain('JFIF');
  const len = Buffer.alloc(4);
  const meta = Buffer.from('Author\0Ahmad, Jabalia', 'latin1');
  len.writeUInt32BE(meta.length);
  const withText = Buffer.concat([PNG.subarray(0, 33), len, Buffer.from('tEXt', 'latin1'), meta, Buffer.alloc(4), PNG.subarray(33)]);
  const png = checkPhoto(withText, MAX_PHOTO_BYTES);
  if (typeof png === 'string') throw new Error(png);
  expect(png.type).toBe('image/png');
  expect(png.bytes.equals(PNG)).toBe(true);
  expect(checkPhoto(Buffer.from('%PDF-1.4\n%%EOF\n'), MAX_PHOTO_BYTES)).toBe('wrong_type');
  expect(checkPhoto(Buffer.concat([PHOTO_JPEG.subarray(0, 10), Buffer.from([0xff, 0xd9])]), MAX_PHOTO_BYTES)).toBe('unreadable');
  expect(checkPhoto(Buffer.concat([PHOTO_JPEG, Buffer.alloc(MAX_PHOTO_BYTES)]), MAX_PHOTO_BYTES)).toBe('too_large');
});
