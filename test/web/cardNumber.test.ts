// The browser's card number code (web/src/distribution/cardNumber.ts) is the server's
// (src/aid/cardNumber.ts): the same printed number for every serial, the same reading of any text.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import * as server from '../../src/aid/cardNumber.ts';
import * as web from '../../web/src/distribution/cardNumber.ts';

test('the same printed number for every serial', () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), (s) => {
      expect(web.cardNumber(s)).toBe(server.cardNumber(s));
    }),
    { numRuns: 2000 },
  );
});

test('the same reading of typed text, valid or not', () => {
  const digit = fc.constantFrom(...'0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ -x');
  fc.assert(
    fc.property(
      fc.array(digit, { maxLength: 22 }).map((a) => a.join('')),
      (text) => {
        expect(web.parseCardNumber(text)).toEqual(server.parseCardNumber(text));
      },
    ),
    { numRuns: 5000 },
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9_999_999 }), (s) => {
      expect(web.parseCardNumber(server.cardNumber(s))).toEqual({ ok: true, serial: s, number: server.cardNumber(s) });
    }),
  );
});
