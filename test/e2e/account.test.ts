// End to end: the Account screen in Debian's chromium against a real server. A caseworker signs in
// for the first time (the recovery codes shown then are kept here as a person would keep them on
// paper), opens "My account" from the header, makes new recovery codes with a code computed here
// from the secret shown at enrolment (as an authenticator app would), confirms "I have saved them",
// signs out, and signs in again with one of the NEW codes, after an OLD one is refused. When only
// two codes are left (used up through the API, as sign-ins elsewhere would) the app warns on
// every screen and links to the Account screen; new codes end the warning. Screenshots in Arabic
// and English at phone and desktop width; axe-core checks the warning banner.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { timeStep, totp } from '../../src/access/totp.ts';
import type { TestDb } from '../support/db.ts';
import { addUser, browserAvailable, closeAll, fillPassword, launch, nextTotpCode, ORG, PASSWORD, phonePage } from './support.ts';
import { rememberTotpSecret, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, totpSecretOf } from './support.ts';

const USER = 'account.e2e';
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SIGNED_IN = "sessionStorage.getItem('sanad.session') !== null";
const arabicIndic = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));

const run = browserAvailable();

// The state, the start and the end of this file's run; the tests follow in groups of steps.
let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let oldCodes: string[] = [];
let newCodes: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-account-'));

beforeAll(async () => {
  if (!run) return;
  // Behind a proxy on this machine, as in production: the sign-ins "elsewhere" below come from
  // addresses of their own (X-Forwarded-For), so the per-address sign-in limit (10 a minute) is
  // not reached and the file waits for no limit (it used to wait about a minute).
  ({ db, server } = await serveFresh(
    dataDir,
    (env) => {
      addUser(env, USER, 'caseworker');
    },
    ['--trust-proxy', '127.0.0.1'],
  ));
  browser = await launch();
  // bypassCSP: the app's Content-Security-Policy would refuse axe's injected script.
  ({ page } = await phonePage(browser, { bypassCSP: true }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const password = () => fillPassword(page, USER, PASSWORD);

const recoveryCodesLeft = () => page.locator('[data-recovery-codes-left]').getAttribute('data-recovery-codes-left');

/**
 * Sign-in's routes allow 10 requests a minute per address: waits out the limit when it is reached.
 * `from`: the address of a sign-in elsewhere (forwarded by the proxy the server trusts).
 */
async function post(pathname: string, body: unknown, from?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  for (;;) {
    const r = await fetch(`${server.url}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
      body: JSON.stringify(body),
    });
    if (r.status === 429 && r.headers.get('retry-after')) {
      await new Promise((ok) => setTimeout(ok, Number(r.headers.get('retry-after')) * 1000 + 200));
      continue;
    }
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  }
}

let elsewhere = 0;
/** A sign-in elsewhere (each from an address of its own) with a recovery code, through the API; returns the codes left. */
async function useRecoveryCode(code: string): Promise<number> {
  const from = `203.0.113.${++elsewhere}`; // RFC 5737 documentation addresses
  const step = await post('/api/v1/auth/login', { username: USER, password: PASSWORD }, from);
  expect(step.status).toBe(200);
  const done = await post('/api/v1/auth/second-factor', { challenge: step.json.challenge, recoveryCode: code }, from);
  expect(done.status, JSON.stringify(done.json)).toBe(200);
  return done.json.recoveryCodesLeft as number;
}

/** A code that is surely wrong now. */
function wrongCode(): string {
  const s = timeStep(Date.now());
  const valid = new Set([s - 1, s, s + 1].map((x) => totp(totpSecretOf(server.url, USER)!, x)));
  return ['135790', '246801', '975310'].find((c) => !valid.has(c))!;
}

async function violations(): Promise<{ id: string; targets: string[] }[]> {
  await page.evaluate('document.fonts.ready.then(() => true)');
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.addScriptTag({ content: AXE });
  return page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`);
}
describe.skipIf(!run)('my account: new recovery codes in the browser (1 of 2)', () => {
  test('first sign-in, then My account: the details, and new recovery codes made with a code from the app', async () => {
    await page.goto(server.url);
    await password();
    await page.getByRole('heading', { name: 'إعداد التحقق بخطوتين' }).waitFor();
    rememberTotpSecret(server.url, USER, (await page.locator('[data-totp-secret]').getAttribute('data-totp-secret'))!);
    await page.locator('input[name=code]').fill(await nextTotpCode(server.url, USER));
    await page.getByRole('button', { name: 'تأكيد وتفعيل' }).click();
    await page.getByRole('heading', { name: 'رموز الاسترداد' }).waitFor();
    oldCodes = await page.locator('.recovery-codes li').allTextContents();
    expect(oldCodes).toHaveLength(10);
    await page.getByLabel('حفظت هذه الرموز في مكان آمن').check();
    await page.getByRole('button', { name: 'متابعة' }).click();
    await page.getByRole('heading', { name: 'البحث في السجل' }).waitFor();
    // ten codes: no warning
    expect(await page.locator('.codes-low').count()).toBe(0);

    // "My account" is in the header for everyone signed in
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'حسابي' }).click();
    await page.getByRole('heading', { name: 'حسابي', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    const facts = page.locator('.account-facts');
    await expect.poll(() => facts.textContent()).toContain(USER);
    const text = (await facts.textContent())!;
    for (const s of ['باحث حالة', ORG, 'مفعّل (تطبيق المصادقة)', '١٠ من ١٠']) expect(text).toContain(s);
    expect(await recoveryCodesLeft()).toBe('10');
    const code = page.locator('input[name=code]');
    expect([await code.getAttribute('inputmode'), await code.getAttribute('autocomplete'), await code.getAttribute('dir')]).toEqual([
      'numeric',
      'one-time-code',
      'ltr',
    ]);
    await screenshots(page, 'account');

    // a wrong code: refused with a clear message, and the session stays
    await code.fill(wrongCode());
    await page.getByRole('button', { name: 'اصنع رموزاً جديدة' }).click();
    await page.getByRole('alert').filter({ hasText: 'الرمز غير صحيح أو استُخدم من قبل' }).waitFor();
    expect(await page.evaluate<boolean>(SIGNED_IN)).toBe(true);
    expect(await recoveryCodesLeft()).toBe('10');

    // by keyboard, with the digits of an Arabic keyboard: the code field, Enter
    await code.focus();
    await page.keyboard.type(arabicIndic(await nextTotpCode(server.url, USER)));
    expect(await code.inputValue()).toMatch(/^\d{6}$/);
    await page.keyboard.press('Enter');
    const list = page.locator('.renew-codes .recovery-codes li');
    await list.first().waitFor();
    newCodes = await list.allTextContents();
    expect(newCodes).toHaveLength(10);
    for (const c of newCodes) {
      expect(c).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
      expect(oldCodes).not.toContain(c);
    }
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('renew-codes'); // focus on the section's heading
    await screenshots(page, 'account-codes');
    // "I have saved them" first, by keyboard too
    await page.getByRole('button', { name: 'متابعة' }).click();
    await page.getByText('أكّد أولاً أنك حفظت الرموز.').waitFor();
    await page.getByLabel('حفظت هذه الرموز في مكان آمن').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('متابعة');
    await page.keyboard.press('Enter');
    await page.getByText('رموز الاسترداد الجديدة جاهزة. الرموز القديمة لم تعد تعمل.').waitFor();
    expect(await list.count()).toBe(0); // shown once
    expect(await recoveryCodesLeft()).toBe('10');
  }, 180_000);
});

describe.skipIf(!run)('my account: new recovery codes in the browser (2 of 2)', () => {
  test('sign out, then sign in with a recovery code: an old one is refused, a new one signs in', async () => {
    await page.getByRole('button', { name: 'خروج' }).click();
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    await password();
    await page.getByRole('heading', { name: 'رمز التحقق' }).waitFor();
    await page.getByRole('button', { name: 'لا أستطيع الوصول إلى هاتفي: رمز استرداد' }).click();
    const field = page.getByLabel('رمز الاسترداد');
    await field.fill(oldCodes[4]!);
    await page.getByRole('button', { name: 'تحقّق' }).click();
    await page.getByRole('alert').filter({ hasText: 'الرمز غير صحيح' }).waitFor();
    expect(await page.evaluate<boolean>(SIGNED_IN)).toBe(false);
    await field.fill(newCodes[0]!);
    await page.getByRole('button', { name: 'تحقّق' }).click();
    // signed in again, on the screen where the session ended
    await page.getByRole('heading', { name: 'حسابي', level: 1 }).waitFor();
    expect(await page.evaluate<boolean>(SIGNED_IN)).toBe(true);
    await expect.poll(recoveryCodesLeft).toBe('9');
    expect(await page.locator('.account-facts').textContent()).toContain('٩ من ١٠');
  }, 120_000);

  test('two codes left: a warning on every screen links to My account; new codes end it', async () => {
    // sign-ins elsewhere with recovery codes, through the API
    let left = 9;
    for (const c of newCodes.slice(1, 8)) left = await useRecoveryCode(c);
    expect(left).toBe(2);
    // the app reads the count when it loads (the session lives in this tab)
    await page.goto(`${server.url}/search`);
    const banner = page.locator('.banners .codes-low');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('بقي لديك ٢ فقط من رموز الاسترداد');
    expect(await violations(), 'the warning banner (ar)').toEqual([]);
    await screenshots(page, 'account-low-codes');
    await setLang(page, 'en');
    expect(await banner.textContent()).toContain('You have only 2 recovery codes left');
    expect(await violations(), 'the warning banner (en)').toEqual([]);
    await setLang(page, 'ar');

    await banner.getByRole('link', { name: 'اصنع رموز استرداد جديدة' }).click();
    await page.getByRole('heading', { name: 'حسابي', level: 1 }).waitFor();
    expect(await page.locator('.banners .codes-low').count()).toBe(0); // the screen says it itself
    await page.locator('main').getByText('بقي لديك ٢ فقط من رموز الاسترداد', { exact: false }).waitFor();
    expect(await recoveryCodesLeft()).toBe('2');

    await page.locator('input[name=code]').fill(await nextTotpCode(server.url, USER));
    await page.getByRole('button', { name: 'اصنع رموزاً جديدة' }).click();
    await page.locator('.renew-codes .recovery-codes li').first().waitFor();
    const third = await page.locator('.renew-codes .recovery-codes li').allTextContents();
    await page.getByLabel('حفظت هذه الرموز في مكان آمن').check();
    await page.getByRole('button', { name: 'متابعة' }).click();
    await expect.poll(recoveryCodesLeft).toBe('10');
    await page.getByRole('link', { name: 'البحث' }).click();
    await page.getByRole('heading', { name: 'البحث في السجل' }).waitFor();
    expect(await page.locator('.banners .codes-low').count()).toBe(0);
    // the codes of the round before no longer work; the newest do
    expect(
      (
        await post('/api/v1/auth/second-factor', {
          challenge: (await post('/api/v1/auth/login', { username: USER, password: PASSWORD })).json.challenge,
          recoveryCode: newCodes[9],
        })
      ).status,
    ).toBe(401);
    expect(await useRecoveryCode(third[0]!)).toBe(9);
  }, 240_000);
});
