// End-to-end support: the built web app, a real `sanad serve` on a real database, Debian's chromium.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { base32Decode } from '../../src/access/totp.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { nextCode } from '../support/signIn.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.join(ROOT, 'web/dist');
/**
 * Screenshots go to docs/screenshots when SANAD_SCREENSHOTS=1 (or when that folder lacks them),
 * otherwise to test-results/screenshots (ignored by git), so an ordinary test run leaves the
 * committed pictures alone: they show timestamps and would change on every run.
 */
export const SCREENSHOTS =
  process.env.SANAD_SCREENSHOTS === '1' || !fs.existsSync(path.join(ROOT, 'docs/screenshots/signin-ar-phone.png'))
    ? path.join(ROOT, 'docs/screenshots')
    : path.join(ROOT, 'test-results/screenshots');

/** Under CI the browser tests always run (and fail without chromium); elsewhere they skip with a message. */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) return true;
  process.stderr.write(
    `\n[e2e] SKIPPED: no chromium at ${CHROMIUM}. Install it (apt-get install chromium) or run under CI=true to make this an error.\n\n`,
  );
  return false;
}

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the web app when web/dist is missing or older than its sources. */
export function ensureBuilt(): void {
  const index = path.join(DIST, 'index.html');
  const sources = Math.max(
    newest(path.join(ROOT, 'web/src')),
    newest(path.join(ROOT, 'web/build')),
    fs.statSync(path.join(ROOT, 'web/vite.config.ts')).mtimeMs,
    fs.statSync(path.join(ROOT, 'web/index.html')).mtimeMs,
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  ); // vitest sets NODE_ENV=test, which would build React's development bundle
}

/** Runs the sanad command line against the database in `env.DATABASE_URL`. */
export function sanad(args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'bin/sanad.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export type Server = { url: string; stop: () => Promise<void> };

/** Starts `sanad serve --port 0` and reads its "listening on" line. */
export async function startServer(env: NodeJS.ProcessEnv, dataDir: string, args: string[] = []): Promise<Server> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/sanad.js'), 'serve', '--port', '0', '--data-dir', dataDir, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s: ${stderr}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/[^\s"]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${stderr}`));
    });
  });
  child.stdout!.resume();
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Debian's chromium, headless; `extraArgs` for a file's own flags (a fake camera). */
export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...extraArgs,
    ],
  });
}

/**
 * A phone-sized page in Arabic; its requests and page errors are collected into `urls` and
 * `pageErrors` when given. A long menu folds behind a button on a phone (test/e2e/menu.test.ts):
 * unless `menu: 'folded'`, the device starts as one whose user left the menu open, so the steps
 * of the other files reach their screens through its links.
 */
export async function phonePage(
  browser: Browser,
  opts: { urls?: string[]; pageErrors?: string[]; bypassCSP?: boolean; menu?: 'open' | 'folded' } = {},
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: PHONE,
    locale: 'ar',
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    ...(opts.bypassCSP ? { bypassCSP: true } : {}),
  });
  if (opts.menu !== 'folded')
    await ctx.addInitScript("if (localStorage.getItem('sanad.menu') === null) localStorage.setItem('sanad.menu', 'open');");
  const page = await ctx.newPage();
  if (opts.urls) page.on('request', (r) => opts.urls!.push(r.url()));
  if (opts.pageErrors) page.on('pageerror', (e) => opts.pageErrors!.push(e.message));
  return { ctx, page };
}

/** The password of every user the end-to-end tests add (synthetic), and their organisation. */
export const PASSWORD = 'a long synthetic test password';
export const ORG = 'Synthetic Relief Org';

/** Adds a user of ORG with PASSWORD through `sanad user add` (the organisation is created when new). */
export function addUser(env: NodeJS.ProcessEnv, username: string, role: string): void {
  sanad(['user', 'add', '--username', username, '--org', ORG, '--role', role, '--password', PASSWORD], env);
}

/** What an end-to-end file started, for `closeAll` in its afterAll. */
export type Started = { browser?: Browser; server?: Server; db?: TestDb; dirs: string[] };

/** Closes the browser, stops the server, drops the database and removes the directories. */
export async function closeAll(s: Started): Promise<void> {
  await s.browser?.close();
  await s.server?.stop();
  await s.db?.drop();
  for (const d of s.dirs) fs.rmSync(d, { recursive: true, force: true });
}

/** JSON calls to the server with a bearer token; a status of 300 or more throws. */
export function apiCaller(url: string, token: string) {
  return async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> => {
    const r = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = await r.json();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** Two items, a programme that gives one of each to every household, a point in each governorate, a generated cycle; returns the cycle id. */
export async function generatedCycle(call: ReturnType<typeof apiCaller>): Promise<string> {
  await call('POST', '/api/v1/aid/items', { code: 'food_parcel', name: 'طرد غذائي', unit: 'طرد', sector: 'food' });
  await call('POST', '/api/v1/aid/items', { code: 'hygiene_kit', name: 'حقيبة نظافة', unit: 'حقيبة', sector: 'hygiene' });
  const programme = await call('POST', '/api/v1/aid/programmes', {
    name: 'استجابة الشتاء (تجريبي)',
    sector: 'food',
    rules: [
      { item: 'food_parcel', quantity: { base: 1 } },
      { item: 'hygiene_kit', quantity: { base: 1 } },
    ],
  });
  for (const g of (await call('GET', '/api/v1/places/governorates')).items as { pcode: string; nameAr: string }[]) {
    await call('POST', '/api/v1/aid/points', { name: `نقطة ${g.nameAr} (تجريبي)`, governorate: g.pcode });
  }
  const cycleId = (
    await call('POST', `/api/v1/aid/programmes/${programme.id}/cycles`, { cutoffDate: new Date().toISOString().slice(0, 10) })
  ).id as string;
  await call('POST', `/api/v1/aid/cycles/${cycleId}/generate`);
  return cycleId;
}

// Signing in: password, then the second factor (TOTP). Staff enrol on their first sign-in; these
// helpers read the secret the server shows once and remember it (per server and username) so that
// later sign-ins compute the code, as an authenticator app would. A code is accepted only once, so
// a second sign-in within the same 30 s uses the next step (within the server's tolerance) or waits.
const enrolled = new Map<string, { secret: Buffer; lastStep: number }>();
/** The recovery codes shown at enrolment on the sign-in screen, unused ones first. */
const recoveryCodes = new Map<string, string[]>();

/** One unused recovery code of `username` (each works once), as shown when they enrolled through `signIn`. */
export function takeRecoveryCode(origin: string, username: string): string {
  const code = recoveryCodes.get(`${new URL(origin).origin}|${username}`)?.shift();
  if (!code) throw new Error(`no recovery code remembered for ${username}`);
  return code;
}

/** Remembers a secret shown at enrolment (base32) for `username` on the server at `origin`. */
export function rememberTotpSecret(origin: string, username: string, base32: string): void {
  enrolled.set(`${new URL(origin).origin}|${username}`, { secret: base32Decode(base32), lastStep: -1 });
}

/** The secret remembered for `username` (undefined before enrolment). */
export function totpSecretOf(origin: string, username: string): Buffer | undefined {
  return enrolled.get(`${new URL(origin).origin}|${username}`)?.secret;
}

/** A code the server has not accepted yet for this user; waits for the next step when needed. */
export async function nextTotpCode(origin: string, username: string): Promise<string> {
  const e = enrolled.get(`${new URL(origin).origin}|${username}`);
  if (!e) throw new Error(`no second factor remembered for ${username}`);
  return nextCode(e);
}

async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await r.json()) as Record<string, unknown>;
  if (!r.ok) throw new Error(`${new URL(url).pathname}: ${r.status} ${String(json.type ?? '')}`);
  return json;
}

/** Signs in through the API (both steps; enrols on the first sign-in) and returns the session token. */
export async function apiSignIn(url: string, username: string, password: string): Promise<string> {
  const first = await postJson(`${url}/api/v1/auth/login`, { username, password });
  if (typeof first.token === 'string') return first.token;
  if (first.status === 'enrolment_required') {
    rememberTotpSecret(url, username, String(first.secret));
    const done = await postJson(`${url}/api/v1/auth/second-factor/enrol`, {
      challenge: first.challenge,
      code: await nextTotpCode(url, username),
    });
    return String(done.token);
  }
  const done = await postJson(`${url}/api/v1/auth/second-factor`, { challenge: first.challenge, code: await nextTotpCode(url, username) });
  return String(done.token);
}

const SIGNED_IN = "sessionStorage.getItem('sanad.session') !== null";

/**
 * Signs in on the sign-in screen (any language): username and password, then the code; on the first
 * sign-in it reads the secret from the enrolment screen, confirms it with a code and acknowledges
 * the recovery codes. Resolves when the app holds a session.
 */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  const origin = page.url();
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form:has(input[name=password]) button[type=submit]').click();
  await until(page, `${SIGNED_IN} || document.querySelector('input[name=code]') !== null`);
  if (await page.evaluate<boolean>(SIGNED_IN)) return;
  const secret = await page
    .locator('[data-totp-secret]')
    .getAttribute('data-totp-secret', { timeout: 1000 })
    .catch(() => null);
  if (secret) rememberTotpSecret(origin, username, secret);
  await page.locator('input[name=code]').fill(await nextTotpCode(origin, username));
  await page.locator('form:has(input[name=code]) button[type=submit]').click();
  if (secret) {
    await page.locator('.recovery-codes li').first().waitFor();
    const codes = await page.locator('.recovery-codes li').allTextContents();
    recoveryCodes.set(`${new URL(origin).origin}|${username}`, codes);
    await page.locator('input[name=savedRecoveryCodes]').check();
    await page.locator('form:has(input[name=savedRecoveryCodes]) button[type=submit]').click();
  }
  await until(page, SIGNED_IN);
}

/** Polls a page expression (page.evaluate works under the app's CSP; waitForFunction's eval does not). */
async function until(page: Page, expression: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Signs the current user out (if any) and signs `username` in, on the same page. */
export async function switchUser(page: Page, username: string, lang: 'ar' | 'en'): Promise<void> {
  const signOut = page.getByRole('button', { name: lang === 'ar' ? 'خروج' : 'Sign out' });
  if ((await signOut.count()) > 0) await signOut.click();
  await page.locator('input[name=username]').waitFor();
  await signIn(page, username, PASSWORD);
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** Switches the app's language with its own button and waits for lang and dir to follow. */
export async function setLang(page: Page, lang: 'ar' | 'en'): Promise<void> {
  const current = await page.evaluate<string>('document.documentElement.lang');
  if (current !== lang) await page.getByRole('button', { name: lang === 'en' ? 'Switch to English' : 'التبديل إلى العربية' }).click();
  await expect
    .poll(() => page.evaluate<string>('[document.documentElement.lang, document.documentElement.dir].join()'))
    .toBe(lang === 'ar' ? 'ar,rtl' : 'en,ltr');
}

/**
 * The current screen in Arabic and English, at phone and desktop width, into SCREENSHOTS as
 * NAME-LANG-SIZE.png; fails when the page is wider than the phone. `ready` runs after each language
 * switch (for what a screen must show first). Leaves the page in Arabic at phone width.
 */
export async function screenshots(page: Page, name: string, ready?: (lang: 'ar' | 'en') => Promise<unknown>): Promise<void> {
  for (const lang of ['ar', 'en'] as const) {
    await setLang(page, lang);
    await ready?.(lang);
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.evaluate('document.fonts.ready.then(() => true)');
      if (size === 'phone')
        expect(await page.evaluate<number>('document.documentElement.scrollWidth'), `${name} ${lang} fits 360 px`).toBeLessThanOrEqual(
          PHONE.width,
        );
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${lang}-${size}.png`), fullPage: true });
    }
  }
  await setLang(page, 'ar');
  await page.setViewportSize(PHONE);
}

/** A registrar's 40 seeded households (`seed`), an administrator (admin.e2e) and distribution officers. */
export function seedForDistribution(env: NodeJS.ProcessEnv, opts: { seed: number; officers: string[] }): void {
  addUser(env, 'registrar.e2e', 'registration_officer');
  sanad(['seed', '--households', '40', '--seed', String(opts.seed), '--user', 'registrar.e2e', '--no-progress'], env);
  addUser(env, 'admin.e2e', 'administrator');
  for (const u of opts.officers) addUser(env, u, 'distribution_officer');
}

/**
 * The start of most end-to-end files: the web app built, a fresh database, `prepare(env)` (users,
 * seeded households, files), then `sanad serve` on it.
 */
export async function serveFresh(
  dataDir: string,
  prepare: (env: NodeJS.ProcessEnv) => void,
  /** More `sanad serve` options (--trust-proxy ...). */
  args: string[] = [],
): Promise<{ db: TestDb; server: Server; env: NodeJS.ProcessEnv }> {
  ensureBuilt();
  const db = await freshDb();
  const env = { DATABASE_URL: db.url };
  prepare(env);
  return { db, server: await startServer(env, dataDir, args), env };
}

/** The password step of the Arabic sign-in screen. */
export async function fillPassword(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('اسم المستخدم').fill(username);
  await page.getByLabel('كلمة المرور').fill(password);
  await page.getByRole('button', { name: 'دخول' }).click();
}
