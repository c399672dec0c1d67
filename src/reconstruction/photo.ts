// A photo as Sanad keeps it: its type recognised from its first bytes (never from its name or the
// declared type), and every byte that is not the picture dropped before it is stored: EXIF (with
// GPS position, camera serial, owner's name), XMP, comments and text chunks, thumbnails, and
// anything after the end of the image. Pure: bytes in, bytes out (docs/decisions/0027). The one rule
// for every photo Sanad stores: field assessments' and tranche inspections'.
import type { PhotoType } from '../shared/fieldAssessment.ts';

export type StrippedPhoto = { type: PhotoType; bytes: Buffer };
/** Why a file is not a photo Sanad keeps: too large, not JPEG/PNG/WebP, or not a well-formed one. */
export type PhotoRefusal = 'too_large' | 'wrong_type' | 'unreadable';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The photo type of these bytes by their magic number, or null. */
export function sniffPhoto(b: Buffer): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** The photo as it is stored, or why it is refused: larger than `maxBytes` as sent, then by its bytes. */
export function checkPhoto(b: Buffer, maxBytes: number): StrippedPhoto | PhotoRefusal {
  return b.length > maxBytes ? 'too_large' : stripPhoto(b);
}

/** The photo without its metadata, or why it is refused. */
export function stripPhoto(b: Buffer): StrippedPhoto | Exclude<PhotoRefusal, 'too_large'> {
  const type = sniffPhoto(b);
  if (!type) return 'wrong_type';
  const bytes = type === 'image/jpeg' ? stripJpeg(b) : type === 'image/png' ? stripPng(b) : stripWebp(b);
  return bytes ? { type, bytes } : 'unreadable';
}

/** JPEG segments kept: APP0 is JFIF (dimensions' density only), APP14 Adobe (how colours are coded); every other APPn and COM goes. */
const keepJpegSegment = (marker: number, body: Buffer) =>
  !((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) ||
  (marker === 0xe0 && body.length >= 5 && body.toString('latin1', 0, 5) === 'JFIF\0') ||
  (marker === 0xee && body.length >= 5 && body.toString('latin1', 0, 5) === 'Adobe');

/** The end of the entropy-coded data that starts at `i`: the next marker that is not a stuffed 0xFF00 or a restart. */
function scanEnd(b: Buffer, i: number): number {
  let k = i;
  while (k + 1 < b.length) {
    if (b[k] === 0xff) {
      const m = b[k + 1]!;
      if (m !== 0x00 && !(m >= 0xd0 && m <= 0xd7) && m !== 0xff) return k;
    }
    k++;
  }
  return -1;
}

/** The EXIF orientation (1..8) in an APP1 segment's body, if it has one. */
export function exifOrientation(body: Buffer): number | null {
  if (body.length < 14 || body.toString('latin1', 0, 6) !== 'Exif\0\0') return null;
  const tiff = body.subarray(6);
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const u16 = (at: number) => (order === 'II' ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd = order === 'II' ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  if (ifd + 2 > tiff.length) return null;
  const n = u16(ifd);
  for (let k = 0; k < n && ifd + 2 + 12 * (k + 1) <= tiff.length; k++) {
    const e = ifd + 2 + 12 * k;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : null;
    }
  }
  return null;
}

/** An APP1 segment holding only an orientation: the one EXIF fact kept, so the photo shows upright. */
function orientationSegment(v: number): Buffer {
  const body = Buffer.from('Exif\0\0MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\0\0\0\0\0\0\0', 'latin1');
  body.writeUInt16BE(v, 6 + 8 + 2 + 8);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/**
 * Walks a JPEG's segments from SOI to EOI, dropping metadata segments and whatever follows EOI; an
 * EXIF orientation other than upright is written back alone. Null when malformed.
 */
export function stripJpeg(b: Buffer): Buffer | null {
  const out: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  let sawScan = false;
  let orientation: number | null = null;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      out.push(b.subarray(i, i + 2));
      if (orientation !== null && orientation !== 1) out.splice(out[1]?.[1] === 0xe0 ? 2 : 1, 0, orientationSegment(orientation));
      return sawScan ? Buffer.concat(out) : null;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) return null; // standalone markers never start a segment here
    if (i + 4 > b.length) return null;
    const len = b.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > b.length) return null;
    const end = i + 2 + len;
    if (keepJpegSegment(marker, b.subarray(i + 4, end))) out.push(b.subarray(i, end));
    else if (marker === 0xe1) orientation ??= exifOrientation(b.subarray(i + 4, end));
    i = end;
    if (marker === 0xda) {
      const stop = scanEnd(b, i);
      if (stop < 0) return null;
      out.push(b.subarray(i, stop));
      sawScan = true;
      i = stop;
    }
  }
  return null; // no EOI
}

/** PNG chunks kept: the critical ones and those that change how pixels look; text, time, EXIF and the rest go. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

export function stripPng(b: Buffer): Buffer | null {
  const out: Buffer[] = [PNG_SIGNATURE];
  let i = 8;
  let first = true;
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    const end = i + 12 + len;
    if (!/^[A-Za-z]{4}$/.test(type) || end > b.length) return null;
    if (first && type !== 'IHDR') return null;
    first = false;
    if (PNG_KEEP.has(type)) out.push(b.subarray(i, end));
    else if (type[0]! === type[0]!.toUpperCase()) return null; // an unknown critical chunk: not a PNG we can show
    i = end;
    if (type === 'IEND') return Buffer.concat(out);
  }
  return null;
}

/** WebP chunks dropped (EXIF, XMP) and the extended header's flags for them cleared. */
export function stripWebp(b: Buffer): Buffer | null {
  if (b.length < 20 || b.readUInt32LE(4) + 8 > b.length) return null;
  const total = b.readUInt32LE(4) + 8;
  const out: Buffer[] = [];
  let i = 12;
  while (i + 8 <= total) {
    const type = b.toString('latin1', i, i + 4);
    const len = b.readUInt32LE(i + 4);
    const end = i + 8 + len + (len % 2);
    if (end > total) return null;
    if (type === 'VP8X') {
      const chunk = Buffer.from(b.subarray(i, end));
      if (chunk.length > 8) chunk[8] = chunk[8]! & ~(0x08 | 0x04); // no EXIF, no XMP
      out.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') out.push(b.subarray(i, end));
    i = end;
  }
  if (out.length === 0) return null;
  const body = Buffer.concat(out);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}
