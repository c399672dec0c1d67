// Phone numbers normalised to E.164 for Palestine (+970) and Israel (+972), whose networks both
// serve the West Bank and Gaza. Local forms are accepted: 059xxxxxxx, 0599-123-456, 00970..., 970...,
// and 599123456 (a spreadsheet cell that dropped the leading 0).
import { asciiDigits } from './nationalId.ts';
import type { FieldReason } from '../shared/reasons.ts';

export type PhoneResult = { ok: true; value: string } | { ok: false; reason: FieldReason };

export function parsePhone(input: string): PhoneResult {
  let d = asciiDigits(input).replace(/[\s\-().]/g, '');
  if (d.length === 0) return { ok: false, reason: 'required' };
  if (d.startsWith('+')) d = d.slice(1);
  else if (d.startsWith('00')) d = d.slice(2);
  if (!/^[0-9]+$/.test(d)) return { ok: false, reason: 'phone_characters' };
  let country: '970' | '972';
  let national: string;
  if (d.startsWith('970') || d.startsWith('972')) {
    country = d.slice(0, 3) as '970' | '972';
    national = d.slice(3).replace(/^0/, '');
  } else if (d.startsWith('0') || /^5[0-9]{8}$/.test(d)) {
    // A local number; a 9-digit mobile without its leading 0 is what a spreadsheet makes of 0599...
    national = d.startsWith('0') ? d.slice(1) : d;
    // 059 and 056 are Palestinian mobile networks; other local prefixes are on +972.
    country = /^5[69]/.test(national) ? '970' : '972';
  } else {
    return { ok: false, reason: 'phone_prefix' };
  }
  if (national.length < 8 || national.length > 9) return { ok: false, reason: 'phone_length' };
  return { ok: true, value: `+${country}${national}` };
}
