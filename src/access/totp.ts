// Time-based one-time passwords (RFC 6238 on RFC 4226 HOTP): the second factor of staff sign-in.
// HMAC-SHA1, 6 digits, 30-second steps, one step of tolerance either side. Pure: the caller passes
// the time and remembers the last accepted step (so a code is accepted at most once).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** Steps of clock difference tolerated either side of the server's step. */
export const TOTP_WINDOW = 1;
/** 160 bits, the length RFC 4226 recommends (and HMAC-SHA1's block-size friendly choice). */
export const TOTP_SECRET_BYTES = 20;

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

// RFC 4648 base32 (A-Z, 2-7): what authenticator apps expect in otpauth:// URIs.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1; // keep only the bits not yet written
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes base32, tolerating what people and apps add: lower case, spaces, dashes and '=' padding.
 * Throws on any other character, or on trailing bits that are not zero (a mistyped last character).
 */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error('not base32');
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  if (bits >= 5 || value !== 0) throw new Error('not base32');
  return Buffer.from(out);
}

export function newTotpSecret(): Buffer {
  return randomBytes(TOTP_SECRET_BYTES);
}

/** RFC 4226 HOTP: HMAC of the 8-byte big-endian counter, dynamic truncation, `digits` decimal digits. */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS, algorithm: HmacAlgorithm = 'sha1'): string {
  if (!Number.isSafeInteger(counter) || counter < 0) throw new RangeError('counter must be a non-negative safe integer');
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 time step of a moment (milliseconds since the epoch), T0 = 0. */
export function timeStep(nowMs: number, periodS = TOTP_PERIOD_S): number {
  return Math.floor(nowMs / 1000 / periodS);
}

/** The code for a time step. */
export function totp(secret: Uint8Array, step: number, digits = TOTP_DIGITS, algorithm: HmacAlgorithm = 'sha1'): string {
  return hotp(secret, step, digits, algorithm);
}

export const isTotpCodeShape = (code: string): boolean => new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code);

/**
 * Checks a code against the steps around `nowMs` (± TOTP_WINDOW) that are later than `lastStep`.
 * Returns the step it matched (to be stored as the new last step), or undefined. Every candidate is
 * compared in constant time, and all of them are computed, so timing says nothing about which matched.
 */
export function verifyTotp(secret: Uint8Array, code: string, nowMs: number, lastStep = -1): number | undefined {
  if (!isTotpCodeShape(code)) return undefined;
  const now = timeStep(nowMs);
  const given = Buffer.from(code);
  let matched: number | undefined;
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    if (step < 0) continue;
    const same = timingSafeEqual(Buffer.from(totp(secret, step)), given);
    if (same && step > lastStep && matched === undefined) matched = step;
  }
  return matched;
}

/**
 * The otpauth:// URI that authenticator apps read from a QR code (Key Uri Format):
 * otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
 */
export function otpauthUri(opts: { issuer: string; account: string; secret: Uint8Array }): string {
  const label = `${encodeURIComponent(opts.issuer)}:${encodeURIComponent(opts.account)}`;
  const q = new URLSearchParams({
    secret: base32Encode(opts.secret),
    issuer: opts.issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_S),
  });
  return `otpauth://totp/${label}?${q.toString().replace(/\+/g, '%20')}`;
}

/** The secret as people type it from the screen: base32 in groups of four. */
export const groupedSecret = (base32: string): string => base32.replace(/(.{4})(?=.)/g, '$1 ');

// Recovery codes: 16 base32 characters (80 bits), shown as XXXX-XXXX-XXXX-XXXX. High entropy,
// so a plain SHA-256 of the normalised code is enough to store them (no offline guessing).
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => base32Encode(randomBytes(10)).replace(/(.{4})(?=.)/g, '$1-'));
}

/** Upper case without spaces and dashes; digits people type for look-alike letters are read as those letters. */
export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase().replace(/0/g, 'O').replace(/1/g, 'I').replace(/8/g, 'B');
}
