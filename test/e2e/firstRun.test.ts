// End to end: the first run and changing one's own password, in Debian's chromium against a real
// server started on a store with no account. The sign-in page shows how to create the first
// administrator (Arabic at 360 px, then English); the test runs the command shown there (the one
// `sanad serve` prints) with the password in SANAD_PASSWORD, as the steps say; the administrator
// signs in and sets up the second factor (the code computed here from the secret on screen, as an
// authenticator app would), changes their password on My account in Arabic (a wrong current
// password first), signs out and in with the new one; then the same in English. Screenshots.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIRST_ADMIN_COMMAND } from '../../src/shared/firstRun.ts';
import type { TestDb } from '../support/db.ts';
import { browserAvailable, closeAll, launch, nextTotpCode, PASSWORD, phonePage, ROOT, SCREENSHOTS, takeRecoveryCode } from './support.ts';
import { screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const ADMIN = 'admin'; // the example username of the command, run as shown
const SECOND = 'a second synthetic passphrase';
const THIRD = 'a third synthetic passphrase';
const SIGNED_IN = "sessionStorage.getItem('sanad.session') !== null";
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const run = browserAvailable();

let db: TestDb;
let server: Server;
let env: NodeJS.ProcessEnv;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-first-run-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server, env } = await serveFresh(dataDir, () => undefined)); // no account at all
  browser = await launch();
  // bypassCSP: the app's Content-Security-Policy would refuse axe's injected script.
  ({ ctx, page } = await phonePage(browser, { bypassCSP: true }));
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

/** axe-core's WCAG 2.1 AA violations on the page as it is. */
async function violations(): Promise<{ id: string; targets: string[] }[]> {
  await page.evaluate('document.fonts.ready.then(() => true)');
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.addScriptTag({ content: AXE });
  return page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`);
}

/** My account's "Change password" form, in the current language's words. */
/** Fills and sends the password form; the code is the app's next one unless given. */
async function changePassword(words: { current: string; next: string; submit: string }, current: string, next: string, code?: string) {
  const form = page.locator('.change-password');
  await form.getByLabel(words.current).fill(current);
  await form.getByLabel(words.next).fill(next);
  await form.locator('input[name=passwordCode]').fill(code ?? (await nextTotpCode(server.url, ADMIN)));
  await form.getByRole('button', { name: words.submit }).click();
}

/**
 * Signs out, then in with `password` and, as someone whose phone is out of reach, one of the recovery
 * codes shown at enrolment (a code of the app would wait for the next 30-second step: each works once).
 */
async function signOutAndIn(
  words: { signOut: string; title: string; username: string; password: string; submit: string; useRecovery: string },
  password: string,
) {
  await page.getByRole('button', { name: words.signOut }).click();
  await page.getByRole('heading', { name: words.title }).waitFor();
  expect(await page.locator('.first-run').count()).toBe(0); // there is an account now
  await page.getByLabel(words.username).fill(ADMIN);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: words.submit, exact: true }).click();
  await page.getByRole('button', { name: words.useRecovery }).click();
  await page.locator('input[name=recoveryCode]').fill(takeRecoveryCode(server.url, ADMIN));
  await page.locator('form:has(input[name=recoveryCode]) button[type=submit]').click();
  await expect.poll(() => page.evaluate<boolean>(SIGNED_IN)).toBe(true);
}

describe.skipIf(!run)('the first run: from no account to a signed-in administrator', () => {
  test('the sign-in page shows the steps (Arabic at 360 px, then English); the command shown creates the administrator', async () => {
    await page.goto(server.url);
    const steps = page.locator('.first-run');
    await steps.getByRole('heading', { name: 'التشغيل الأول: أنشئ حساب مدير النظام الأول' }).waitFor();
    expect(await page.evaluate<string>('[document.documentElement.lang, document.documentElement.dir].join()')).toBe('ar,rtl');
    const text = (await steps.textContent())!;
    for (const s of [
      'لا يوجد أي حساب على هذا الخادم بعد',
      '١٢ حرفاً على الأقل و٢٠٠ حرف على الأكثر',
      'تطبيق مصادقة',
      'رموز الاسترداد العشرة',
    ])
      expect(text).toContain(s);
    for (const app of ['FreeOTP', 'Aegis', 'Google Authenticator', 'Microsoft Authenticator', 'KeePassXC'])
      expect(await steps.locator('bdi[dir=ltr]', { hasText: app }).count()).toBe(1);
    const command = steps.locator('[data-first-run-command]');
    expect(await command.textContent()).toBe(FIRST_ADMIN_COMMAND);
    expect(await command.getAttribute('dir')).toBe('ltr');
    // copyable: the button puts the command on the clipboard
    await steps.getByRole('button', { name: 'انسخ الأمر' }).click();
    await steps.getByText('نُسخ الأمر.').waitFor();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(FIRST_ADMIN_COMMAND);
    await screenshots(page, 'first-run', (lang) =>
      steps
        .getByRole('heading', {
          name: lang === 'ar' ? 'التشغيل الأول: أنشئ حساب مدير النظام الأول' : 'First run: create the first administrator',
        })
        .waitFor(),
    );
    await setLang(page, 'en');
    const en = (await steps.textContent())!;
    for (const s of [
      'This server has no accounts yet',
      'at least 12 and at most 200 characters',
      'authenticator app',
      'ten recovery codes',
    ])
      expect(en).toContain(s);
    expect(await steps.getByRole('button', { name: 'Copy the command' }).count()).toBe(1);
    expect(await violations(), 'first run (en)').toEqual([]);
    await setLang(page, 'ar');
    expect(await violations(), 'first run (ar)').toEqual([]);

    // the command as shown, on the server, with the password in the environment (the steps' other way)
    const out = execSync((await command.textContent())!, {
      cwd: ROOT,
      env: { ...process.env, ...env, SANAD_PASSWORD: PASSWORD },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toContain(`created user ${ADMIN} (administrator)`);
    expect(out).not.toContain(PASSWORD);
    await page.reload();
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    expect(await page.locator('.first-run').count()).toBe(0);
  }, 180_000);

  test('the administrator signs in and sets up the second factor', async () => {
    await signIn(page, ADMIN, PASSWORD);
    const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
    await nav.getByRole('link', { name: 'حسابي' }).click();
    await page.getByRole('heading', { name: 'حسابي', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.account-facts').textContent()).toContain('مدير النظام');
    expect(await page.locator('.account-facts').textContent()).toContain('Your organisation');
  }, 120_000);
});

describe.skipIf(!run)('changing one’s own password on My account', () => {
  const ar = { current: 'كلمة المرور الحالية', next: 'كلمة المرور الجديدة', submit: 'غيّر كلمة المرور' };
  const en = { current: 'Current password', next: 'New password', submit: 'Change password' };

  test('in Arabic: a wrong current password is refused; the right one changes it; sign in with the new one', async () => {
    const form = page.locator('.change-password');
    await form.getByRole('heading', { name: 'تغيير كلمة المرور' }).waitFor();
    expect(await violations(), 'My account with the password form (ar)').toEqual([]);
    await screenshots(page, 'account-password', (lang) =>
      form.getByRole('heading', { name: lang === 'ar' ? 'تغيير كلمة المرور' : 'Change password' }).waitFor(),
    );
    // too short: said before anything is sent
    await form.getByLabel(ar.next).fill('short');
    await form.getByRole('button', { name: ar.submit }).click();
    await form.getByText('كلمة المرور الجديدة قصيرة: ١٢ حرفاً على الأقل.').waitFor();

    // the current password is checked first: the code is not looked at (nor used up) when it is wrong
    await changePassword(ar, 'not the current password', SECOND, '000000');
    await form.getByText('كلمة المرور الحالية غير صحيحة.').waitFor();
    expect(await page.evaluate<boolean>(SIGNED_IN)).toBe(true);

    await changePassword(ar, PASSWORD, SECOND);
    await form.getByText('تغيّرت كلمة المرور').waitFor();
    expect(
      await form.locator('input[type=password]').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value)),
    ).toEqual(['', '']);
    await screenshots(page, 'account-password-done', (lang) =>
      form.getByText(lang === 'ar' ? 'تغيّرت كلمة المرور' : 'Your password is changed').waitFor(),
    );

    await signOutAndIn(
      {
        signOut: 'خروج',
        title: 'تسجيل الدخول',
        username: 'اسم المستخدم',
        password: 'كلمة المرور',
        submit: 'دخول',
        useRecovery: 'لا أستطيع الوصول إلى هاتفي: رمز استرداد',
      },
      SECOND,
    );
  }, 180_000);

  test('in English: the old password is refused at sign-in; change it again; sign in with the newest', async () => {
    await setLang(page, 'en');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    await changePassword(en, SECOND, THIRD);
    await page.locator('.change-password').getByText('Your password is changed').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Username').fill(ADMIN);
    await page.getByLabel('Password', { exact: true }).fill(SECOND);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Wrong username or password.').waitFor();
    await page.getByLabel('Password', { exact: true }).fill(THIRD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: "I can't reach my phone: recovery code" }).click();
    await page.locator('input[name=recoveryCode]').fill(takeRecoveryCode(server.url, ADMIN));
    await page.locator('form:has(input[name=recoveryCode]) button[type=submit]').click();
    await expect.poll(() => page.evaluate<boolean>(SIGNED_IN)).toBe(true);
  }, 180_000);
});
