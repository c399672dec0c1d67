// Character helpers shared by the Arabic and Latin normalisers.
// Folding order (both scripts): NFKD, lowercase, NFKD again, drop combining marks. The result is
// NFKD-stable, so normalisers built on it are idempotent. Format characters (ZWNJ, ZWJ, bidi marks,
// BOM, soft hyphen: Unicode category Cf) are removed without a space; Arabic-Indic (U+0660..0669) and
// Eastern Arabic-Indic (U+06F0..06F9) digits become ASCII digits.

const MARKS = /\p{M}+/gu;
const FORMAT = /\p{Cf}+/gu;

/** NFKD + lowercase + combining marks removed + format characters removed. */
export function fold(s: string): string {
  return s.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '').replace(FORMAT, '');
}

/** Arabic-Indic and Eastern Arabic-Indic digits to ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
}

/** Anything that is not a letter or a digit becomes a space; runs of spaces collapse; trimmed. */
export function spaceOut(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** True when the string contains at least one Arabic-script character. */
export function hasArabic(s: string): boolean {
  return ARABIC_LETTER.test(s);
}
