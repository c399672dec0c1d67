// The pure rules of referrals: what a case's consent allows, and the age band.
import { expect, test } from 'vitest';
import { checkConsent, fieldsNow } from '../../src/referrals/consent.ts';
import { ageBand, nextStatus } from '../../src/referrals/flow.ts';

const to = { orgId: 'b', caseOrgId: 'a' };

test('consent: given, not expired, naming the organisation; the fields in a fixed order, unknown ones dropped', () => {
  expect(checkConsent({}, to, '2026-01-01')).toEqual({ ok: false, why: 'not_given' });
  expect(checkConsent({ given: 'yes' }, to, '2026-01-01')).toEqual({ ok: false, why: 'not_given' });
  expect(checkConsent({ given: true, until: '2025-12-31', organisations: ['b'] }, to, '2026-01-01')).toEqual({ ok: false, why: 'expired' });
  expect(checkConsent({ given: true, until: '2026-01-01', organisations: ['b'] }, to, '2026-01-01').ok).toBe(true);
  expect(checkConsent({ given: true, organisations: ['c'] }, to, '2026-01-01')).toEqual({ ok: false, why: 'other_organisation' });
  expect(checkConsent({ given: true }, { orgId: 'a', caseOrgId: 'a' }, '2026-01-01')).toEqual({ ok: true, fields: [] });
  expect(checkConsent({ given: true, organisations: ['b'], fields: ['need', 'notes', 'name'] }, to, '2026-01-01')).toEqual({
    ok: true,
    fields: ['name', 'need'],
  });
  expect(fieldsNow(['name', 'need'], { ok: true, fields: ['need'] })).toEqual(['need']);
  expect(fieldsNow(['name', 'need'], { ok: false, why: 'expired' })).toEqual([]);
});

test('age bands at their edges; unknown date, no band', () => {
  expect(ageBand(null, '2026-06-01')).toBeNull();
  expect(ageBand('2021-06-02', '2026-06-01')).toBe('0-4');
  expect(ageBand('2021-06-01', '2026-06-01')).toBe('5-11');
  expect(ageBand('2008-06-02', '2026-06-01')).toBe('12-17');
  expect(ageBand('2008-06-01', '2026-06-01')).toBe('18-59');
  expect(ageBand('1966-06-01', '2026-06-01')).toBe('60+');
});

test('steps: only the receiving side, in order', () => {
  expect(nextStatus('sent', 'accept', 'in')).toBe('accepted');
  expect(nextStatus('sent', 'decline', 'in')).toBe('declined');
  expect(nextStatus('accepted', 'report', 'in')).toBe('completed');
  expect(() => nextStatus('sent', 'accept', 'out')).toThrow();
  expect(() => nextStatus('sent', 'report', 'in')).toThrow();
  expect(() => nextStatus('declined', 'accept', 'in')).toThrow();
});
