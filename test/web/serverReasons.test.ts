// The server's field errors are shown in the reader's language: every reason is a code from one
// typed list (src/shared/reasons.ts), zod's own English never reaches the answer, each code has words
// in Arabic and English, and a sentence names the field with the name and numbers isolated.
import { expect, test } from 'vitest';
import { z } from 'zod';
import { zodFieldErrors } from '../../src/api/problem.ts';
import { PersonUpdate } from '../../src/api/routes/persons/schema.ts';
import type { AppError } from '../../src/errors.ts';
import { preparePerson, preparePersonForActor } from '../../src/registry/person.ts';
import { textLimits } from '../../src/shared/limits.ts';
import type { FieldError } from '../../src/shared/problems.ts';
import { fieldReasonCodes, fieldReasons, isFieldReason } from '../../src/shared/reasons.ts';
import { ar } from '../../web/src/i18n/ar.ts';
import { en } from '../../web/src/i18n/en.ts';
import { formatNumber, interpolate } from '../../web/src/i18n/format.ts';
import { fieldErrorSentence, fieldNameKey, serverReasonKey } from '../../web/src/serverReasons.ts';

const base = { givenName: 'ريم', familyName: 'العطار', governorate: 'PS0270' };
const ARABIC = /[\u0600-\u06FF]/;
const LATIN = /[A-Za-z]/;

/** The web app's t() and num() in a language, without React. */
const i18nOf = (lang: 'ar' | 'en') => {
  const dict = (lang === 'ar' ? ar : en) as Record<string, string>;
  return {
    t: (k: string, vars?: Record<string, string | number>) => interpolate(dict[k]!, vars),
    num: (n: number) => formatNumber(n, lang, lang === 'ar' ? 'arab' : 'latn'),
  };
};

test('every reason code has words in Arabic and English; codes with numbers have a short form too', () => {
  expect(fieldReasonCodes.length).toBeGreaterThan(50);
  const missing: string[] = [];
  for (const code of fieldReasonCodes) {
    const keys = [`reason.${code}`, ...(/\{\w+\}/.test(fieldReasons[code]) ? [`reason.${code}.short`] : [])];
    for (const k of keys) {
      if (!ARABIC.test((ar as Record<string, string>)[k] ?? '')) missing.push(`ar ${k}`);
      if (!LATIN.test((en as Record<string, string>)[k] ?? '')) missing.push(`en ${k}`);
    }
  }
  expect(missing).toEqual([]);
});

function reasonsOf(input: Record<string, unknown>): FieldError[] {
  const r = preparePerson({ ...base, ...input });
  return r.ok ? [] : r.errors;
}

test("the registry's reasons for a person's fields are codes with words of their own", () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ givenName: 'ريم2' }, 'givenName', 'no_digits'],
    [{ familyName: '---' }, 'familyName', 'letters_required'],
    [{ givenName: 'ري\u202Eم' }, 'givenName', 'hidden_characters'],
    [{ dateOfBirth: '2990-01-01' }, 'dateOfBirth', 'in_future'],
    [{ dateOfBirth: '1990-13' }, 'dateOfBirth', 'bad_month'],
    [{ dateOfBirth: '1990-02-30' }, 'dateOfBirth', 'not_a_calendar_date'],
    [{ dateOfBirth: '12/03/1990' }, 'dateOfBirth', 'date_form'],
    [{ phone: '12345' }, 'phone', 'phone_prefix'],
    [{ nationalId: '1234' }, 'nationalId', 'national_id_length'],
  ];
  for (const [input, field, code] of cases) {
    const errors = reasonsOf(input).filter((e) => e.field === field);
    expect(
      errors.map((e) => e.reason),
      JSON.stringify(input),
    ).toEqual([code]);
    expect(serverReasonKey(code)).toBe(`reason.${code}`);
  }
});

test('zod issues become codes with their limits, never zod English', () => {
  const long = PersonUpdate.safeParse({ ...base, givenName: 'ر'.repeat(textLimits.givenName + 1), reason: ' ' });
  expect(long.success).toBe(false);
  const errors = long.success ? [] : zodFieldErrors(long.error);
  expect(errors).toEqual([
    { field: 'givenName', reason: 'too_long', params: { max: 100 } },
    { field: 'reason', reason: 'required' },
  ]);
  const S = z
    .object({ n: z.number().int().max(5), list: z.array(z.string()).min(2), kind: z.enum(['a', 'b']), day: z.string().min(3) })
    .strict();
  const bad = S.safeParse({ n: 9, list: [], kind: 'c', day: 'x', extra: 1 });
  const reasons = bad.success ? [] : zodFieldErrors(bad.error, '', { n: 9, list: [], kind: 'c', day: 'x', extra: 1 });
  expect(reasons).toEqual(
    expect.arrayContaining([
      { field: 'n', reason: 'too_big', params: { max: 5 } },
      { field: 'list', reason: 'too_few', params: { min: 2 } },
      { field: 'kind', reason: 'not_allowed' },
      { field: 'day', reason: 'too_short', params: { min: 3 } },
      { field: 'extra', reason: 'unknown_field' },
    ]),
  );
  const missing = S.safeParse({});
  expect((missing.success ? [] : zodFieldErrors(missing.error, '', {})).map((e) => e.reason)).toEqual([
    'required',
    'required',
    'required',
    'required',
  ]);
  for (const e of [...errors, ...reasons]) expect(isFieldReason(e.reason), e.reason).toBe(true);
});

test("a governorate outside the actor's has words of its own; an unknown code falls back, never shown raw", () => {
  try {
    preparePersonForActor({ ...base, governorate: 'PS0275' }, { governorates: ['PS0270'] });
    expect.unreachable();
  } catch (e) {
    const errors = (e as AppError).errors ?? [];
    expect(errors.map((x) => serverReasonKey(x.reason))).toEqual(['reason.outside_governorates']);
  }
  expect(serverReasonKey('something new the server says')).toBe('edit.server.other');
  expect(serverReasonKey('too_long')).toBe('reason.too_long.short');
});

test('a too-long name reads as one Arabic sentence naming the field, the field and the number isolated, no English', () => {
  const e: FieldError = { field: 'givenName', reason: 'too_long', params: { max: 100 } };
  const arSentence = fieldErrorSentence(i18nOf('ar'), e);
  expect(arSentence).toBe('الحقل «\u2068الاسم الأول\u2069»: أطول من المسموح: عدد الأحرف \u2068١٠٠\u2069 على الأكثر.');
  expect(arSentence).not.toMatch(LATIN);
  expect(fieldErrorSentence(i18nOf('en'), e)).toBe('“\u2068Given name\u2069”: Too long: at most \u2068100\u2069 characters.');
  // fields the web app has no name for are "a field", never the server's English name
  expect(fieldNameKey('members.3.personId')).toBe('fieldName.members');
  expect(fieldErrorSentence(i18nOf('ar'), { field: 'someInternalThing', reason: 'required' })).not.toMatch(LATIN);
});
