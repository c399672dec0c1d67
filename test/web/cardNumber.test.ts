// The printed card number has one implementation (src/shared/cardNumber.ts), imported by the server
// and by the web app's distribution point. What the browser relies on: every printed number reads
// back to its serial, in Latin or Arabic-Indic digits, and a mistyped digit is caught.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { cardNumber, parseCardNumber } from '../../src/shared/cardNumber.ts';

const arabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

test('every printed number reads back to its serial, in either digits', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: Math.floor(Number.MAX_SAFE_INTEGER / 10) }), (s) => {
      const printed = cardNumber(s);
      expect(parseCardNumber(printed)).toEqual({ ok: true, serial: s, number: printed });
      expect(parseCardNumber(arabicIndic(printed))).toEqual({ ok: true, serial: s, number: printed });
    }),
    { numRuns: 2000 },
  );
});

test('one mistyped digit is refused', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.nat(7), fc.integer({ min: 1, max: 9 }), (s, at, plus) => {
      const digits = cardNumber(s).replace(/ /g, '');
      const wrong = digits.slice(0, at) + String((Number(digits[at]) + plus) % 10) + digits.slice(at + 1);
      expect(parseCardNumber(wrong)).toEqual({ ok: false, problem: 'check_digit' });
    }),
  );
});
