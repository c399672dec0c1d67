import { expect, test } from 'vitest';
import { dateOfBirthFromAge, parseDateOfBirth } from '../../src/registry/dateOfBirth.ts';

const today = new Date('2026-11-22T00:00:00Z');

test('dates keep their precision', () => {
  expect(parseDateOfBirth('1990-03-12', today)).toEqual({ ok: true, value: { date: '1990-03-12', precision: 'exact' } });
  expect(parseDateOfBirth('1990-03', today)).toEqual({ ok: true, value: { date: '1990-03-01', precision: 'month' } });
  expect(parseDateOfBirth('1990', today)).toEqual({ ok: true, value: { date: '1990-01-01', precision: 'year' } });
});

test('impossible dates are rejected with a reason', () => {
  expect(parseDateOfBirth('1990-02-30', today)).toEqual({ ok: false, reason: 'not_a_calendar_date' });
  expect(parseDateOfBirth('1990-13', today)).toEqual({ ok: false, reason: 'bad_month' });
  expect(parseDateOfBirth('12/03/1990', today)).toEqual({ ok: false, reason: 'date_form' });
  expect(parseDateOfBirth('2027-01-01', today)).toEqual({ ok: false, reason: 'in_future' });
});

test('an age gives an estimated date', () => {
  expect(dateOfBirthFromAge(30, today)).toEqual({ ok: true, value: { date: '1996-07-01', precision: 'estimated' } });
  expect(dateOfBirthFromAge(-1, today).ok).toBe(false);
});
