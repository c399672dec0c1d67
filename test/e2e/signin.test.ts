// End to end: the second factor in the browser. A staff user's first sign-in sets up the
// authenticator (QR code of the otpauth URI, the key in groups of four), a wrong code is refused
// with a clear message, the recovery codes are shown once; later sign-ins ask for the code
// (numeric keypad, one-time-code autofill). The codes are computed here from the secret shown on
// screen, as an authenticator app would. Screenshots of each step in Arabic and English.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync as inflate } from 'node:zlib';
import jsQRModule from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { timeStep, totp } from '../../src/access/totp.ts';
import type { TestDb } from '../support/db.ts';
import { addUser, browserAvailable, closeAll, fillPassword, launch, nextTotpCode, PASSWORD, phonePage } from './support.ts';
import { rememberTotpSecret, SCREENSHOTS, screenshots, serveFresh, type Server, totpSecretOf } from './support.ts';

const USER = 'caseworker.e2e';

// jsqr's types declare a default export; its CommonJS build exports the function itself.
const jsQR = ((jsQRModule as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

const run = browserAvailable();

/** A code that is surely wrong now. */
function wrongCode(secret: Buffer): string {
  const s = timeStep(Date.now());
  const valid = new Set([s - 1, s, s + 1].map((x) => totp(secret, x)));
  return ['135790', '246801', '975310'].find((c) => !valid.has(c))!;
}

describe.skipIf(!run)('second factor in the browser', () => {
  let db: TestDb;
  let server: Server;
  let browser: Browser;
  let page: Page;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-2fa-'));

  beforeAll(async () => {
    ({ db, server } = await serveFresh(dataDir, (env) => {
      addUser(env, USER, 'caseworker');
    }));
    browser = await launch();
    ({ page } = await phonePage(browser));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

  const password = () => fillPassword(page, USER, PASSWORD);

  test('first sign-in: set up the authenticator from the QR code or the key; a wrong code is refused; recovery codes once', async () => {
    await page.goto(server.url);
    await password();
    await page.getByRole('heading', { name: 'إعداد التحقق بخطوتين' }).waitFor();
    const secret = (await page.locator('[data-totp-secret]').getAttribute('data-totp-secret'))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // the key is shown as text in groups of four, left to right
    expect(await page.locator('.totp-secret').textContent()).toBe(secret.match(/.{4}/g)!.join(' '));
    expect(await page.locator('.totp-secret').getAttribute('dir')).toBe('ltr');
    // the QR code (inline SVG, loaded with the enrolment screen only) holds the otpauth URI with the same key
    const qr = page.getByRole('img', { name: 'رمز QR لإضافة حسابك في سند إلى تطبيق المصادقة' });
    await qr.waitFor();
    const shot = await qr.screenshot();
    expect(decodePng(shot)).toBe(`otpauth://totp/Sanad:${USER}?secret=${secret}&issuer=Sanad&algorithm=SHA1&digits=6&period=30`);
    // the code field: numeric keypad and the phone's one-time-code suggestion
    const code = page.locator('input[name=code]');
    expect([await code.getAttribute('inputmode'), await code.getAttribute('autocomplete'), await code.getAttribute('dir')]).toEqual([
      'numeric',
      'one-time-code',
      'ltr',
    ]);
    await screenshots(page, 'signin-enrol');

    rememberTotpSecret(server.url, USER, secret);
    await code.fill(wrongCode(totpSecretOf(server.url, USER)!));
    await page.getByRole('button', { name: 'تأكيد وتفعيل' }).click();
    await page.getByText('الرمز غير صحيح أو استُخدم من قبل.', { exact: false }).waitFor();
    expect(await page.evaluate<string>('sessionStorage.getItem("sanad.session") ?? ""')).toBe('');

    // Arabic-Indic digits typed on an Arabic keyboard are read as the code
    const good = await nextTotpCode(server.url, USER);
    await code.fill(good.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d))));
    expect(await code.inputValue()).toBe(good);
    await page.getByRole('button', { name: 'تأكيد وتفعيل' }).click();

    await page.getByRole('heading', { name: 'رموز الاسترداد' }).waitFor();
    const codes = await page.locator('.recovery-codes li').allTextContents();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    await screenshots(page, 'signin-recovery');
    // no session before "I have saved them"
    expect(await page.evaluate<string>('sessionStorage.getItem("sanad.session") ?? ""')).toBe('');
    await page.getByRole('button', { name: 'متابعة' }).click();
    await page.getByText('أكّد أولاً أنك حفظت الرموز.').waitFor();
    await page.getByLabel('حفظت هذه الرموز في مكان آمن').check();
    await page.getByRole('button', { name: 'متابعة' }).click();
    await page.getByRole('heading', { name: 'البحث في السجل' }).waitFor();
    await page.getByRole('button', { name: 'خروج' }).click();
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
  }, 180_000);

  test('later sign-ins: the code step; a wrong code is refused with a clear message, the right one signs in', async () => {
    await page.goto(server.url);
    await password();
    await page.getByRole('heading', { name: 'رمز التحقق' }).waitFor();
    expect(await page.locator('[data-totp-secret]').count()).toBe(0); // the key is never shown again
    const code = page.locator('input[name=code]');
    expect([await code.getAttribute('inputmode'), await code.getAttribute('autocomplete')]).toEqual(['numeric', 'one-time-code']);
    await screenshots(page, 'signin-code');
    await code.fill(wrongCode(totpSecretOf(server.url, USER)!));
    await page.getByRole('button', { name: 'تحقّق' }).click();
    const error = page.getByRole('alert').filter({ hasText: 'الرمز غير صحيح' });
    await error.waitFor();
    await screenshots(page, 'signin-code-wrong');
    await code.fill(await nextTotpCode(server.url, USER));
    await page.getByRole('button', { name: 'تحقّق' }).click();
    await page.getByRole('heading', { name: 'البحث في السجل' }).waitFor();
  }, 180_000);
});

/** Reads a QR code from a PNG screenshot (8-bit RGB/RGBA, no interlace) with jsQR. */
function decodePng(png: Buffer): string | undefined {
  // Minimal PNG reader: IHDR, concatenated IDAT, zlib inflate, unfilter.
  let p = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (p < png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('ascii', p + 4, p + 8);
    const data = png.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : data[9] === 0 ? 1 : 0;
      if (data[8] !== 8 || channels === 0 || data[12] !== 0) throw new Error('unsupported PNG');
    }
    if (type === 'IDAT') idat.push(data);
    p += 12 + len;
  }
  const raw = inflate(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8ClampedArray(width * height * 4);
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      const x = line[i]!;
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      cur[i] =
        (filter === 0
          ? x
          : filter === 1
            ? x + a
            : filter === 2
              ? x + b
              : filter === 3
                ? x + ((a + b) >> 1)
                : x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const i = x * channels;
      out[o] = cur[i]!;
      out[o + 1] = channels >= 3 ? cur[i + 1]! : cur[i]!;
      out[o + 2] = channels >= 3 ? cur[i + 2]! : cur[i]!;
      out[o + 3] = 255;
    }
    prev.set(cur);
  }
  return jsQR(out, width, height)?.data;
}
