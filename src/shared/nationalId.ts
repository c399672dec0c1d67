// Palestinian national ID numbers: 9 digits, the last a Luhn-style check digit over the first 8
// (weights 1,2,1,2,... with the digits of each product summed).
//
// A wrong length or a non-digit is an error. A failed check digit is NOT: on a public list of
// 28,185 real records 2.1% of IDs fail it, so the record is kept and the ID flagged unverified.
import type { FieldReason } from './reasons.ts';

export type NationalIdResult = { ok: true; value: string; checkDigitValid: boolean } | { ok: false; reason: FieldReason };

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** ASCII digits from Arabic-Indic and Eastern Arabic-Indic digits. */
export function asciiDigits(s: string): string {
  return s.replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

export function nationalIdCheckDigit(first8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    let v = (first8.charCodeAt(i) - 48) * ((i % 2) + 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidNationalId(id: string): boolean {
  return /^[0-9]{9}$/.test(id) && nationalIdCheckDigit(id.slice(0, 8)) === id.charCodeAt(8) - 48;
}

/** Parses what a person typed: spaces and dashes are ignored, Arabic-Indic digits accepted. */
export function parseNationalId(input: string): NationalIdResult {
  const value = asciiDigits(input).replace(/[\s-]/g, '');
  if (value.length === 0) return { ok: false, reason: 'required' };
  if (!/^[0-9]+$/.test(value)) return { ok: false, reason: 'digits_only' };
  if (value.length !== 9) return { ok: false, reason: 'national_id_length' };
  return { ok: true, value, checkDigitValid: isValidNationalId(value) };
}
