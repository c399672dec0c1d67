// Validation as you type, with messages in the reader's language. The server checks again
// (the same rules, in src/registry); its field errors are shown beside the field too.
import { asciiDigits, isValidNationalId } from '../../src/shared/nationalId.ts';
import type { MessageKey } from './i18n/index.tsx';

export { asciiDigits };

const LETTER = /\p{L}/u;
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;

export function checkName(v: string, required: boolean): MessageKey | null {
  const s = v.trim();
  if (!s) return required ? 'valid.required' : null;
  if (!LETTER.test(s)) return 'valid.letters';
  if (DIGIT.test(s)) return 'valid.noDigits';
  return null;
}

export function normalNationalId(v: string): string {
  return asciiDigits(v).replace(/[\s-]/g, '');
}

/** An error (wrong form) or a warning (the check digit fails: the server keeps it, unverified). */
export function checkNationalId(v: string): { error: MessageKey | null; warning: MessageKey | null } {
  const s = normalNationalId(v);
  if (!s) return { error: null, warning: null };
  if (!/^[0-9]{9}$/.test(s)) return { error: 'valid.nationalId', warning: null };
  return { error: null, warning: isValidNationalId(s) ? null : 'valid.nationalIdCheck' };
}

export function checkPhone(v: string): MessageKey | null {
  let d = asciiDigits(v).replace(/[\s\-().]/g, '');
  if (!d) return null;
  if (d.startsWith('+')) d = d.slice(1);
  else if (d.startsWith('00')) d = d.slice(2);
  if (!/^[0-9]+$/.test(d)) return 'valid.phone';
  let national: string;
  if (d.startsWith('970') || d.startsWith('972')) national = d.slice(3).replace(/^0/, '');
  else if (d.startsWith('0')) national = d.slice(1);
  else return 'valid.phone';
  return national.length < 8 || national.length > 9 ? 'valid.phone' : null;
}

/** A date of birth: YYYY-MM-DD, YYYY-MM or YYYY, not in the future. */
export function checkDateOfBirth(v: string, today = new Date()): MessageKey | null {
  const s = asciiDigits(v.trim());
  if (!s) return null;
  const m = s.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) return 'valid.date';
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1890 || mo < 1 || mo > 12 || dt.getUTCDate() !== d) return 'valid.date';
  if (s > today.toISOString().slice(0, s.length)) return 'valid.future';
  return null;
}

export function checkDay(v: string, today = new Date()): MessageKey | null {
  if (!v) return 'valid.required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'valid.date';
  return checkDateOfBirth(v, today);
}
