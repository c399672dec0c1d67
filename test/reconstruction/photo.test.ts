// The metadata stripper (pure): EXIF with GPS, comments and names are gone from JPEG, PNG and WebP;
// the picture's own segments stay in order; files that are not photos, or broken ones, are refused.
import { expect, test } from 'vitest';
import { exifOrientation, sniffPhoto, stripPhoto } from '../../src/reconstruction/photo.ts';
import { jpegWithExif, pngWithText, SECRET_NAME, SECRET_PLACE, webpWithExif } from './photoFiles.ts';

const has = (b: Buffer, s: string) => b.includes(Buffer.from(s, 'latin1'));

test('a JPEG loses its EXIF, ICC, comment and trailing bytes and keeps JFIF, tables, frame, scan and EOI', () => {
  const src = jpegWithExif();
  expect(has(src, SECRET_NAME) && has(src, 'Exif')).toBe(true);
  const out = stripPhoto(src);
  if (typeof out === 'string') throw new Error(out);
  expect(out.type).toBe('image/jpeg');
  for (const s of [SECRET_NAME, SECRET_PLACE, 'Exif', 'ICC_PROFILE', 'trailer']) expect(has(out.bytes, s), s).toBe(false);
  expect(has(out.bytes, 'JFIF')).toBe(true);
  expect([...out.bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  expect([...out.bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
  const markers: number[] = [];
  for (let i = 0; i + 1 < out.bytes.length; i++)
    if (out.bytes[i] === 0xff && out.bytes[i + 1] !== 0 && out.bytes[i + 1] !== 0x5a) markers.push(out.bytes[i + 1]!);
  expect(markers).toEqual([0xd8, 0xe0, 0xdb, 0xc0, 0xc4, 0xda, 0xd0, 0xd9]);
  expect(stripPhoto(out.bytes)).toEqual(out); // stripping is idempotent
});

test('a PNG keeps its critical chunks and loses tEXt and eXIf; a WebP loses EXIF and XMP and their flags', () => {
  const png = stripPhoto(pngWithText());
  if (typeof png === 'string') throw new Error(png);
  expect(png.type).toBe('image/png');
  for (const s of [SECRET_NAME, SECRET_PLACE, 'tEXt', 'eXIf']) expect(has(png.bytes, s), s).toBe(false);
  for (const s of ['IHDR', 'IDAT', 'IEND']) expect(has(png.bytes, s), s).toBe(true);
  const webp = stripPhoto(webpWithExif());
  if (typeof webp === 'string') throw new Error(webp);
  expect(webp.type).toBe('image/webp');
  for (const s of [SECRET_NAME, SECRET_PLACE, 'EXIF', 'XMP ']) expect(has(webp.bytes, s), s).toBe(false);
  expect(webp.bytes.readUInt32LE(4)).toBe(webp.bytes.length - 8);
  expect(webp.bytes[20]! & 0x0c).toBe(0);
});

test('not a photo, or a broken one, is refused', () => {
  expect(sniffPhoto(Buffer.from('GIF89a\x01\0\x01\0', 'latin1'))).toBeNull();
  expect(stripPhoto(Buffer.from('%PDF-1.7\n', 'latin1'))).toBe('wrong_type');
  expect(stripPhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('wrong_type');
  const jpeg = jpegWithExif();
  expect(stripPhoto(jpeg.subarray(0, 40))).toBe('unreadable');
  expect(stripPhoto(jpeg.subarray(0, jpeg.indexOf(Buffer.from([0xff, 0xd9]))))).toBe('unreadable');
  expect(stripPhoto(pngWithText().subarray(0, 30))).toBe('unreadable');
});

test('an EXIF orientation is the one fact kept: written back alone, so the photo shows upright', () => {
  // little-endian TIFF: IFD0 with an Artist (0x013B, ASCII, at offset 38) and the Orientation 6 (rotate 90)
  const artist = Buffer.from(`${SECRET_NAME}\0`, 'latin1');
  const tiff = Buffer.alloc(38);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(2, 8);
  tiff.writeUInt16LE(0x013b, 10);
  tiff.writeUInt16LE(2, 12);
  tiff.writeUInt32LE(artist.length, 14);
  tiff.writeUInt32LE(38, 18);
  tiff.writeUInt16LE(0x0112, 22);
  tiff.writeUInt16LE(3, 24);
  tiff.writeUInt32LE(1, 26);
  tiff.writeUInt16LE(6, 30);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, artist]);
  expect(exifOrientation(body)).toBe(6);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  const src = jpegWithExif();
  const jpeg = Buffer.concat([src.subarray(0, 2), app1, src.subarray(2)]);
  const out = stripPhoto(jpeg);
  if (typeof out === 'string') throw new Error(out);
  for (const s of [SECRET_NAME, SECRET_PLACE]) expect(has(out.bytes, s), s).toBe(false);
  const at = out.bytes.indexOf(Buffer.from('Exif\0\0', 'latin1'));
  expect(at).toBeGreaterThan(0);
  expect(out.bytes[at - 3]).toBe(0xe1);
  expect(exifOrientation(out.bytes.subarray(at, at + 32))).toBe(6);
  expect(out.bytes.readUInt16BE(at - 2)).toBe(34); // the segment: its length, "Exif\0\0", a header, one entry
  expect(stripPhoto(out.bytes)).toEqual(out);
});
