// What a claim's document is, judged by its bytes alone: a PDF, JPEG or PNG file is recognised by
// its signature (and its end, where the format has one), never by its name or declared type. A PDF
// that can run code or carry other files (JavaScript, launch actions, embedded files) is refused.
// Pure: the caller has the bytes.
import type { DocumentMediaType } from '../shared/claims.ts';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Active content a PDF document has no business carrying. */
const PDF_ACTIVE = ['/JavaScript', '/JS', '/Launch', '/EmbeddedFile', '/RichMedia', '/XFA'];

function isPdf(b: Uint8Array): boolean {
  if (!startsWith(b, ascii('%PDF-'))) return false;
  const tail = Buffer.from(b.subarray(Math.max(0, b.length - 1024))).toString('latin1');
  if (!tail.includes('%%EOF')) return false;
  const text = Buffer.from(b).toString('latin1');
  return !PDF_ACTIVE.some((k) => new RegExp(`${k.replace('/', '\\/')}(?![A-Za-z])`).test(text));
}

function isJpeg(b: Uint8Array): boolean {
  return b.length >= 4 && startsWith(b, [0xff, 0xd8, 0xff]) && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
}

function isPng(b: Uint8Array): boolean {
  // the signature, then the IHDR chunk (length 13) first, as the format requires
  return (
    b.length >= 33 && startsWith(b, PNG) && startsWith(b, [0, 0, 0, 13, ...ascii('IHDR')], 8) && startsWith(b, ascii('IEND'), b.length - 8)
  );
}

/** The document's type, or null when it is none of the three (or a PDF with active content). */
export function sniffDocument(b: Uint8Array): DocumentMediaType | null {
  if (isPdf(b)) return 'application/pdf';
  if (isJpeg(b)) return 'image/jpeg';
  if (isPng(b)) return 'image/png';
  return null;
}
