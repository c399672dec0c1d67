// The printed card number: serial + Damm check digit. Every single mistyped digit and every swap of
// two adjacent (different) digits is caught; a printed 8-digit number that loses a digit is too
// short; the number reads back to its serial whatever the spacing, dashes or Arabic-Indic digits.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cardNumber, damm, parseCardNumber } from '../../src/aid/cardNumber.ts';

const serials = fc.oneof(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
const digitsOf = (n: string) => n.replace(/ /g, '');

describe('the Damm table', () => {
  test('a quasigroup with zeros on the diagonal, weakly totally anti-symmetric (checked exhaustively)', () => {
    // Interim digits 0..9 are each reached by a one-digit prefix (the first row is a permutation),
    // so the table entry (a, b) is damm(prefix(a) + b).
    const prefix = new Map<number, string>();
    for (let d = 0; d < 10; d++) prefix.set(damm(String(d)), String(d));
    expect([...prefix.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const op = (a: number, b: number) => damm(prefix.get(a)! + b);
    for (let a = 0; a < 10; a++) {
      expect(op(a, a)).toBe(0);
      expect(new Set(Array.from({ length: 10 }, (_, b) => op(a, b))).size).toBe(10); // rows are permutations
      expect(new Set(Array.from({ length: 10 }, (_, b) => op(b, a))).size).toBe(10); // columns too
      // (c*x)*y = (c*y)*x only when x = y
      for (let x = 0; x < 10; x++)
        for (let y = 0; y < 10; y++) if (x !== y) expect(op(op(a, x), y), `${a} ${x} ${y}`).not.toBe(op(op(a, y), x));
    }
  });

  test('the known example: 572 gets check digit 4', () => {
    expect(damm('572')).toBe(4);
    expect(damm('5724')).toBe(0);
  });
});

describe('card numbers', () => {
  test('printed as at least 8 digits in groups of 4; reads back to the serial', () => {
    expect(cardNumber(1000)).toBe('0001 0008');
    expect(cardNumber(572)).toBe('0000 5724');
    expect(cardNumber(123456789)).toBe('1234 5678 94');
    fc.assert(
      fc.property(serials, (s) => {
        const n = cardNumber(s);
        expect(n).toMatch(/^\d{4}( \d{4})* ?\d{0,4}$/);
        expect(digitsOf(n).length).toBeGreaterThanOrEqual(8);
        expect(parseCardNumber(n)).toEqual({ ok: true, serial: s, number: n });
      }),
    );
  });

  test('every single mistyped digit is caught', () => {
    fc.assert(
      fc.property(serials, fc.nat(), fc.integer({ min: 1, max: 9 }), (s, pos, delta) => {
        const d = digitsOf(cardNumber(s));
        const i = pos % d.length;
        const typo = d.slice(0, i) + String((Number(d[i]) + delta) % 10) + d.slice(i + 1);
        expect(parseCardNumber(typo)).toEqual({ ok: false, problem: 'check_digit' });
      }),
    );
  });

  test('every swap of two adjacent different digits is caught', () => {
    fc.assert(
      fc.property(serials, fc.nat(), (s, pos) => {
        const d = digitsOf(cardNumber(s));
        const i = pos % (d.length - 1);
        fc.pre(d[i] !== d[i + 1]);
        const swapped = d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2);
        expect(parseCardNumber(swapped)).toEqual({ ok: false, problem: 'check_digit' });
      }),
    );
  });

  test('exhaustively over the first 200,000 serials: no single-digit error or adjacent swap passes', () => {
    for (let s = 0; s < 200_000; s++) {
      const d = digitsOf(cardNumber(s));
      for (let i = 0; i < d.length; i++) {
        for (let v = 0; v < 10; v++)
          if (String(v) !== d[i] && damm(d.slice(0, i) + v + d.slice(i + 1)) === 0) throw new Error(`${d} at ${i}`);
        if (i + 1 < d.length && d[i] !== d[i + 1] && damm(d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2)) === 0)
          throw new Error(`${d} swap ${i}`);
      }
    }
  });

  test('a printed 8-digit number that lost a digit is refused as too short', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.nat(), (s, pos) => {
        const d = digitsOf(cardNumber(s));
        const i = pos % d.length;
        expect(parseCardNumber(d.slice(0, i) + d.slice(i + 1))).toEqual({ ok: false, problem: 'too_short' });
      }),
    );
  });

  test('spaces, dashes and Arabic-Indic digits are read; letters are not; leading zeros do not matter', () => {
    expect(parseCardNumber(' 0001-0008 ')).toEqual({ ok: true, serial: 1000, number: '0001 0008' });
    expect(parseCardNumber('٠٠٠١ ٠٠٠٨')).toEqual({ ok: true, serial: 1000, number: '0001 0008' });
    expect(parseCardNumber('۰۰۰۱۰۰۰۸')).toEqual({ ok: true, serial: 1000, number: '0001 0008' });
    expect(parseCardNumber('0000 0001 0008')).toEqual({ ok: true, serial: 1000, number: '0001 0008' });
    expect(parseCardNumber('0001 000B')).toEqual({ ok: false, problem: 'not_digits' });
    expect(parseCardNumber('')).toEqual({ ok: false, problem: 'not_digits' });
    expect(parseCardNumber('10008')).toEqual({ ok: false, problem: 'too_short' });
    expect(parseCardNumber('1'.repeat(40))).toEqual({ ok: false, problem: 'not_digits' });
    expect(() => cardNumber(-1)).toThrow();
  });
});
