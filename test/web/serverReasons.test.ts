// The server's field errors are shown beside the field in the reader's language: every reason the
// registry's person checks and the edit's schema give maps to words of its own, never to the
// catch-all, and both languages have the words.
import { expect, test } from 'vitest';
import { zodFieldErrors } from '../../src/api/problem.ts';
import { PersonUpdate } from '../../src/api/routes/persons/schema.ts';
import type { AppError } from '../../src/errors.ts';
import { preparePerson, preparePersonForActor } from '../../src/registry/person.ts';
import { ar } from '../../web/src/i18n/ar.ts';
import { en } from '../../web/src/i18n/en.ts';
import { serverReasonKey } from '../../web/src/serverReasons.ts';

const base = { givenName: 'ريم', familyName: 'العطار', governorate: 'PS0270' };

function reasonsOf(input: Record<string, unknown>): { field: string; reason: string }[] {
  const r = preparePerson({ ...base, ...input });
  return r.ok ? [] : r.errors;
}

test("the registry's reasons for a person's fields each have words in Arabic and English", () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ givenName: 'ريم2' }, 'givenName', 'valid.noDigits'],
    [{ familyName: '---' }, 'familyName', 'valid.letters'],
    [{ dateOfBirth: '2990-01-01' }, 'dateOfBirth', 'valid.future'],
    [{ dateOfBirth: '1990-13' }, 'dateOfBirth', 'valid.date'],
    [{ dateOfBirth: '1990-02-30' }, 'dateOfBirth', 'valid.date'],
    [{ dateOfBirth: '12/03/1990' }, 'dateOfBirth', 'valid.date'],
    [{ phone: '12345' }, 'phone', 'valid.phone'],
  ];
  for (const [input, field, key] of cases) {
    const errors = reasonsOf(input).filter((e) => e.field === field);
    expect(errors.length, JSON.stringify(input)).toBeGreaterThan(0);
    for (const e of errors) {
      expect(serverReasonKey(e.reason), e.reason).toBe(key);
      expect((ar as Record<string, string>)[serverReasonKey(e.reason)]).toBeTruthy();
      expect((en as Record<string, string>)[serverReasonKey(e.reason)]).toBeTruthy();
    }
  }
});

test("a governorate outside the actor's, and a reason too long or blank, have words of their own", () => {
  try {
    preparePersonForActor({ ...base, governorate: 'PS0275' }, { governorates: ['PS0270'] });
    expect.unreachable();
  } catch (e) {
    const errors = (e as AppError).errors ?? [];
    expect(errors.map((x) => serverReasonKey(x.reason))).toEqual(['edit.server.outside']);
  }
  for (const [reason, key] of [
    ['x'.repeat(501), 'edit.server.tooLong'],
    ['  ', 'valid.required'],
  ] as const) {
    const r = PersonUpdate.safeParse({ ...base, reason });
    expect(r.success).toBe(false);
    const errors = r.success ? [] : zodFieldErrors(r.error);
    expect(errors.map((x) => [x.field, serverReasonKey(x.reason)])).toEqual([['reason', key]]);
  }
  expect(serverReasonKey('something new the server says')).toBe('edit.server.other');
});
