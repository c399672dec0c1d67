import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isValidNationalId, nationalIdCheckDigit, parseNationalId } from '../../src/registry/nationalId.ts';

describe('parseNationalId', () => {
  test('a valid ID passes the check digit', () => {
    // 12345678 -> check digit 2 (1+4+3+8+5+(1+2)+7+(1+6) = 38 -> 2)
    expect(nationalIdCheckDigit('12345678')).toBe(2);
    expect(parseNationalId('123456782')).toEqual({ ok: true, value: '123456782', checkDigitValid: true });
  });
  test('a failed check digit is kept and flagged, not rejected', () => {
    expect(parseNationalId('123456789')).toEqual({ ok: true, value: '123456789', checkDigitValid: false });
  });
  test('wrong length and non-digits are rejected with a reason', () => {
    expect(parseNationalId('12345')).toEqual({ ok: false, reason: 'national_id_length' });
    expect(parseNationalId('12345678a')).toEqual({ ok: false, reason: 'digits_only' });
    expect(parseNationalId('')).toEqual({ ok: false, reason: 'required' });
  });
  test('Arabic-Indic digits, spaces and dashes are accepted', () => {
    expect(parseNationalId('١٢٣ ٤٥٦-٧٨٢')).toEqual({ ok: true, value: '123456782', checkDigitValid: true });
  });
  test('every 8-digit prefix has exactly one valid check digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8}$/), (p) => {
        const valid = [...'0123456789'].filter((d) => isValidNationalId(p + d));
        expect(valid).toEqual([String(nationalIdCheckDigit(p))]);
      }),
    );
  });
  test('a single substituted digit always fails the check', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8}$/), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (p, i, delta) => {
        const id = p + nationalIdCheckDigit(p);
        const typo = id.slice(0, i) + String((Number(id[i]) + delta) % 10) + id.slice(i + 1);
        expect(isValidNationalId(typo)).toBe(false);
      }),
    );
  });
});
