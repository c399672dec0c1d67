// Inspection photos, judged and cleaned by their bytes alone: a JPEG or PNG image (recognised as
// claim documents are, src/reconstruction/documents.ts), with its metadata removed before it is
// stored: a JPEG loses its APP1-APP15 segments (EXIF with location and device, XMP) and comments; a
// PNG loses its text, time and EXIF chunks. Pure: the caller has the bytes.
// TODO(merge with h-assess): the field assessments' photo store does the same; keep one of the two.
import { sniffDocument } from './documents.ts';

export type PhotoType = 'image/jpeg' | 'image/png';

function stripJpeg(b: Buffer): Buffer | null {
  const parts: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] as number;
    if (marker === 0xd9) return Buffer.concat([...parts, b.subarray(i)]);
    if (marker === 0xda) {
      parts.push(b.subarray(i)); // start of scan: the image data to the end
      return Buffer.concat(parts);
    }
    const len = b.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > b.length) return null;
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!metadata) parts.push(b.subarray(i, i + 2 + len));
    i += 2 + len;
  }
  return null;
}

const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);
function stripPng(b: Buffer): Buffer | null {
  const parts: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.subarray(i + 4, i + 8).toString('latin1');
    if (i + 12 + len > b.length) return null;
    if (!PNG_DROPPED.has(type)) parts.push(b.subarray(i, i + 12 + len));
    i += 12 + len;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  return null;
}

/** The photo without its metadata, or null when it is not a well-formed JPEG or PNG image. */
export function cleanPhoto(bytes: Buffer): { mediaType: PhotoType; bytes: Buffer } | null {
  const type = sniffDocument(bytes);
  if (type === 'image/jpeg') {
    const clean = stripJpeg(bytes);
    return clean ? { mediaType: type, bytes: clean } : null;
  }
  if (type === 'image/png') {
    const clean = stripPng(bytes);
    return clean ? { mediaType: type, bytes: clean } : null;
  }
  return null;
}
