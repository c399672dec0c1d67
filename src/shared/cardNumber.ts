// The number printed on a household card, for officers who type it instead of scanning the QR
// code: the card serial followed by a Damm check digit, at least 8 digits (zeros in front), in
// groups of 4 from the left: serial 1000 prints as "0001 0008". The Damm check digit catches every
// single mistyped digit and every swap of two adjacent digits; leading zeros do not change it, and
// a number shorter than 8 digits is refused, so a dropped digit of a printed 8-digit number is
// caught too. Pure: no I/O; the server (src/aid, src/store/aid) and the web app's distribution point
// both import this one module.

/** Damm's weakly totally anti-symmetric quasigroup of order 10 (zeros on the diagonal). */
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

export const CARD_NUMBER_MIN_DIGITS = 8;

/** The Damm interim digit of a string of ASCII digits: the check digit to append, or 0 when the string (check digit included) is valid. */
export function damm(digits: string): number {
  let interim = 0;
  for (let i = 0; i < digits.length; i++) interim = DAMM[interim]![digits.charCodeAt(i) - 48]!;
  return interim;
}

/** The printed card number of a serial: digits and check digit, zero-padded to 8, grouped by 4. */
export function cardNumber(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0) throw new Error('serial must be a non-negative integer');
  const body = String(serial).padStart(CARD_NUMBER_MIN_DIGITS - 1, '0');
  return (body + damm(body)).replace(/(\d{4})(?=\d)/g, '$1 ');
}

export type CardNumberProblem = 'not_digits' | 'too_short' | 'check_digit';

/** Reads a typed card number: spaces and dashes ignored, Arabic-Indic digits accepted. */
export function parseCardNumber(text: string): { ok: true; serial: number; number: string } | { ok: false; problem: CardNumberProblem } {
  const digits = text
    .replace(/[\s\-‐-―_.]/g, '')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  if (!/^\d+$/.test(digits) || digits.length > 17) return { ok: false, problem: 'not_digits' };
  if (digits.length < CARD_NUMBER_MIN_DIGITS) return { ok: false, problem: 'too_short' };
  if (damm(digits) !== 0) return { ok: false, problem: 'check_digit' };
  const serial = Number(digits.slice(0, -1));
  if (!Number.isSafeInteger(serial)) return { ok: false, problem: 'not_digits' };
  return { ok: true, serial, number: cardNumber(serial) };
}
