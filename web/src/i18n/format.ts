// Numbers and dates the way readers expect: Arabic-Indic (١٢٣) or Latin (123) digits by setting,
// Gregorian calendar, day-month-year order in Arabic.
export type Lang = 'ar' | 'en';
export type Digits = 'arab' | 'latn';

export function locale(lang: Lang, digits: Digits): string {
  return lang === 'ar' ? `ar-u-ca-gregory-nu-${digits}` : `en-GB-u-ca-gregory-nu-${digits}`;
}

export function formatNumber(n: number, lang: Lang, digits: Digits): string {
  return new Intl.NumberFormat(locale(lang, digits)).format(n);
}

/** Replaces the ASCII digits of a string (an ID, a phone number) by the chosen digits. */
export function localDigits(s: string, digits: Digits): string {
  return digits === 'arab' ? s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))) : s;
}

/** A calendar day (YYYY-MM-DD, YYYY-MM or YYYY) without a time zone shift. */
export function formatDay(day: string, lang: Lang, digits: Digits, precision: 'exact' | 'month' | 'year' | 'estimated' = 'exact'): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (precision === 'exact' || precision === 'estimated') Object.assign(opts, { month: 'long', day: 'numeric' });
  if (precision === 'month') opts.month = 'long';
  return new Intl.DateTimeFormat(locale(lang, digits), opts).format(date);
}

export function formatDateTime(iso: string, lang: Lang, digits: Digits): string {
  return new Intl.DateTimeFormat(locale(lang, digits), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function ageOn(dateOfBirth: string, today = new Date()): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let age = today.getUTCFullYear() - y!;
  const mm = today.getUTCMonth() + 1;
  if (m !== undefined && (mm < m || (mm === m && d !== undefined && today.getUTCDate() < d))) age--;
  return Math.max(0, age);
}

export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in vars ? String(vars[k]) : all));
}
