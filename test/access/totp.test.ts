// TOTP against the RFC test vectors (RFC 4648 base32, RFC 4226 HOTP, RFC 6238 Appendix B), and
// properties: base32 round trips, the ±1 step window, a code is accepted only once.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  base32Decode,
  base32Encode,
  groupedSecret,
  hotp,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  otpauthUri,
  timeStep,
  totp,
  verifyTotp,
  type HmacAlgorithm,
} from '../../src/access/totp.ts';

describe('base32 (RFC 4648 section 10)', () => {
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ];
  test.each(vectors)('%j', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(plain);
    expect(base32Decode(`${encoded.toLowerCase()}${'='.repeat((8 - (encoded.length % 8)) % 8)}`).toString()).toBe(plain);
  });

  test('round trip for any bytes; spaces and dashes are ignored', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const e = base32Encode(bytes);
        expect(e).toMatch(/^[A-Z2-7]*$/);
        expect([...base32Decode(e)]).toEqual([...bytes]);
        expect([...base32Decode(groupedSecret(e))]).toEqual([...bytes]);
      }),
    );
  });

  test('refuses characters outside the alphabet and non-zero trailing bits', () => {
    expect(() => base32Decode('MZXW1')).toThrow();
    expect(() => base32Decode('MZ!W')).toThrow();
    expect(base32Decode('MY').toString()).toBe('f');
    expect(() => base32Decode('MZ')).toThrow(); // 'f' is MY; MZ leaves a set bit after the byte
    expect(() => base32Decode('MZXW6Y')).toThrow(); // 6 characters cannot end a base32 text
  });
});

test('HOTP: RFC 4226 Appendix D', () => {
  const secret = Buffer.from('12345678901234567890');
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expect(expected.map((_, i) => hotp(secret, i))).toEqual(expected);
});

describe('TOTP: RFC 6238 Appendix B (8 digits, 30 s steps, T0 = 0)', () => {
  const seeds: Record<HmacAlgorithm, Buffer> = {
    sha1: Buffer.from('12345678901234567890'),
    sha256: Buffer.from('12345678901234567890123456789012'),
    sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
  };
  const table: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  test.each(table)('T = %i s', (seconds, sha1, sha256, sha512) => {
    const step = timeStep(seconds * 1000);
    expect(totp(seeds.sha1, step, 8, 'sha1')).toBe(sha1);
    expect(totp(seeds.sha256, step, 8, 'sha256')).toBe(sha256);
    expect(totp(seeds.sha512, step, 8, 'sha512')).toBe(sha512);
  });

  test('the 6-digit code is the last six digits of the 8-digit one (SHA-1 vectors)', () => {
    for (const [seconds, sha1] of table) expect(totp(seeds.sha1, timeStep(seconds * 1000))).toBe(sha1.slice(2));
    // and it verifies at that moment
    expect(verifyTotp(seeds.sha1, '287082', 59_000)).toBe(1);
  });
});

describe('verification', () => {
  const secretArb = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((a) => Buffer.from(a));
  const timeArb = fc.integer({ min: 60_000, max: 4_000_000_000_000 });

  test('a code of the current step or one step either side is accepted, and returns its step', () => {
    fc.assert(
      fc.property(secretArb, timeArb, fc.constantFrom(-1, 0, 1), (secret, now, d) => {
        const step = timeStep(now) + d;
        expect(verifyTotp(secret, totp(secret, step), now)).toBe(step);
      }),
    );
  });

  test('a code two or more steps away is refused (unless it happens to equal a code in the window)', () => {
    fc.assert(
      fc.property(secretArb, timeArb, fc.integer({ min: 2, max: 1000 }), fc.boolean(), (secret, now, far, past) => {
        const s = timeStep(now);
        const code = totp(secret, past ? Math.max(0, s - far) : s + far);
        fc.pre(![s - 1, s, s + 1].some((w) => totp(secret, w) === code));
        expect(verifyTotp(secret, code, now)).toBeUndefined();
      }),
    );
  });

  test('a code is accepted once: its step and every earlier one are refused after it', () => {
    fc.assert(
      fc.property(secretArb, timeArb, fc.constantFrom(-1, 0, 1), (secret, now, d) => {
        const step = timeStep(now) + d;
        const code = totp(secret, step);
        const used = verifyTotp(secret, code, now);
        expect(verifyTotp(secret, code, now, used)).toBeUndefined();
        // an earlier step's code after a later one was used
        expect(verifyTotp(secret, totp(secret, step - 1), now, step)).toBeUndefined();
      }),
    );
  });

  test('codes of the wrong shape are refused', () => {
    const secret = newTotpSecret();
    const now = Date.now();
    const good = totp(secret, timeStep(now));
    for (const bad of ['', good.slice(1), `${good}0`, ` ${good}`, good.replace(/\d$/, 'a'), '١٢٣٤٥٦'])
      expect(verifyTotp(secret, bad, now)).toBeUndefined();
  });
});

test('otpauth URI: issuer, account, the secret in base32, SHA1, 6 digits, 30 s', () => {
  const secret = newTotpSecret();
  expect(secret.length).toBe(20);
  const uri = otpauthUri({ issuer: 'Sanad', account: 'officer.e2e', secret });
  expect(uri.startsWith('otpauth://totp/Sanad:officer.e2e?')).toBe(true);
  const q = new URLSearchParams(uri.slice(uri.indexOf('?') + 1));
  expect([...base32Decode(q.get('secret')!)]).toEqual([...secret]);
  expect(Object.fromEntries(q)).toMatchObject({ issuer: 'Sanad', algorithm: 'SHA1', digits: '6', period: '30' });
  expect(otpauthUri({ issuer: 'Sanad Org', account: 'a:b c', secret })).toMatch(
    /^otpauth:\/\/totp\/Sanad%20Org:a%3Ab%20c\?.*issuer=Sanad%20Org/,
  );
});

test('recovery codes: ten distinct codes of 80 bits, normalised for typing', () => {
  const codes = newRecoveryCodes();
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  for (const c of codes) {
    expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(base32Decode(c).length).toBe(10);
    expect(normaliseRecoveryCode(` ${c.toLowerCase().replace(/-/g, ' ')} `)).toBe(c.replace(/-/g, ''));
  }
  expect(normaliseRecoveryCode('ab0c-1d8e')).toBe('ABOCIDBE');
});
