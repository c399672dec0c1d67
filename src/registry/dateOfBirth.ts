// Dates of birth with their precision: exact (YYYY-MM-DD), month (YYYY-MM), year (YYYY), or
// estimated from an age. Stored as a date (first day of the unknown part) plus the precision.
import type { FieldReason } from '../shared/reasons.ts';
export type DobPrecision = 'exact' | 'month' | 'year' | 'estimated';
export type DateOfBirth = { date: string; precision: DobPrecision };
export type DobResult = { ok: true; value: DateOfBirth } | { ok: false; reason: FieldReason };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function parseDateOfBirth(input: string, today: Date = new Date()): DobResult {
  const s = input.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return { ok: false, reason: 'date_form' };
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  if (y < 1890) return { ok: false, reason: 'too_far_past' };
  if (mo !== undefined && (mo < 1 || mo > 12)) return { ok: false, reason: 'bad_month' };
  if (d !== undefined && !validDay(y, mo!, d)) return { ok: false, reason: 'not_a_calendar_date' };
  const date = `${y}-${pad(mo ?? 1)}-${pad(d ?? 1)}`;
  if (date > today.toISOString().slice(0, 10)) return { ok: false, reason: 'in_future' };
  return { ok: true, value: { date, precision: d !== undefined ? 'exact' : mo !== undefined ? 'month' : 'year' } };
}

/** An estimated date of birth from an age in years: 1 July of the likely year. */
export function dateOfBirthFromAge(age: number, today: Date = new Date()): DobResult {
  if (!Number.isInteger(age) || age < 0 || age > 130) return { ok: false, reason: 'age_range' };
  return { ok: true, value: { date: `${today.getUTCFullYear() - age - (today.getUTCMonth() < 6 ? 1 : 0)}-07-01`, precision: 'estimated' } };
}
