// End to end: the distribution point works offline. Debian's chromium drives the built web app
// served by a real `sanad serve` on a real PostgreSQL database, with a fake camera that films the
// household card's QR code (test/e2e/fakeCamera.ts). An officer prepares the point online, goes
// offline, scans the card, records the hand-over, reloads the page offline (the service worker
// serves the app; the outbox survives in IndexedDB), goes back online: the outbox drains by itself,
// the first answer is lost on the way back and the replay changes nothing, and the database holds
// exactly one redemption per entitlement. A second device that prepared before types the card code
// with the keyboard while offline, then restarts the page on another screen: once online the outbox
// is sent from there, the server keeps one redemption and flags the conflict, and the screen says so. Screenshots in Arabic and English, phone and desktop (see support.ts).
// Every name here is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cardNumber } from '../../src/aid/cardNumber.ts';
import type { TestDb } from '../support/db.ts';
import { writeQrVideo } from './fakeCamera.ts';
import { apiCaller, apiSignIn, browserAvailable, closeAll, generatedCycle, launch, PASSWORD, PHONE, phonePage } from './support.ts';
import { SCREENSHOTS, screenshots, seedForDistribution, serveFresh, type Server, signIn } from './support.ts';

const run = browserAvailable();
/** A file the service worker does not keep: it can only come from the server. */
const NOT_KEPT = "fetch('/assets/not-kept.js', { cache: 'no-store' }).then((r) => 'answered ' + r.status, () => 'failed')";

// The state, the start and the end of this file's run; the tests follow in groups of steps.
let db: TestDb;
let server: Server;
let browser: Browser;
let a: { ctx: BrowserContext; page: Page };
let b: { ctx: BrowserContext; page: Page };
const urls: string[] = [];
const pageErrors: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-dist-'));
const video = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-camera-')), 'card.y4m');
let cycleId = '';
let pointId = '';
let householdId = '';
let entitlementIds: string[] = [];
let card = { token: '', serial: 0, number: '' };

const rows = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.pool.query<T>(sql, params)).rows;
const redemptions = () =>
  rows<{ id: string; entitlement_id: string; status: string; review: string | null; conflict_of: string | null }>(
    'SELECT id, entitlement_id, status, review, conflict_of FROM redemption WHERE entitlement_id = ANY($1::uuid[]) ORDER BY status DESC, entitlement_id',
    [entitlementIds],
  );

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    seedForDistribution(env, { seed: 11, officers: ['officer.a', 'officer.b'] });
  }));

  // A programme, a point in each governorate, a generated cycle and one household's card, through the API.
  const token = await apiSignIn(server.url, 'admin.e2e', PASSWORD);
  const call = apiCaller(server.url, token);
  cycleId = await generatedCycle(call);
  const hh = (
    await rows<{ household_id: string; point_id: string }>(
      'SELECT household_id, point_id FROM cycle_household WHERE cycle_id = $1 AND point_id IS NOT NULL ORDER BY household_id LIMIT 1',
      [cycleId],
    )
  )[0]!;
  householdId = hh.household_id;
  pointId = hh.point_id;
  entitlementIds = (
    await rows<{ id: string }>('SELECT id FROM entitlement WHERE cycle_id = $1 AND household_id = $2 ORDER BY id', [cycleId, householdId])
  ).map((r) => r.id);
  expect(entitlementIds.length).toBe(2);
  card = await call('POST', '/api/v1/aid/cards', { householdId });
  expect(card.number).toBe(cardNumber(card.serial));

  writeQrVideo(video, card.token);
  browser = await launch([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  const device = () => phonePage(browser, { urls, pageErrors });
  a = await device();
  b = await device();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir, path.dirname(video)] }), 60_000);

/** Opens the app and signs in on its sign-in screen (password, then the second factor; enrols the first time). */
async function enter(page: Page, username: string) {
  await page.goto(server.url);
  await signIn(page, username, PASSWORD);
}

const text = (page: Page, s: string | RegExp) => page.getByText(s).first();
const waitingHeading = (page: Page, n: string) => page.getByRole('heading', { name: `بانتظار المزامنة: ${n}` });

async function prepare(page: Page, screenshotName?: string) {
  await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'التوزيع' }).click();
  await page.getByRole('heading', { name: 'نقطة التوزيع', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/distribution');
  await page.getByLabel('الدورة', { exact: true }).selectOption(cycleId);
  await page.getByLabel('نقطة التوزيع', { exact: true }).selectOption(pointId);
  if (screenshotName) await screenshots(page, screenshotName);
  await page.getByRole('button', { name: 'نزّل القائمة للعمل دون اتصال' }).click();
  await text(page, /^جاهز دون اتصال: /).waitFor();
  // The service worker has installed: the app shell is kept for offline use.
  await expect
    .poll(() => page.evaluate<boolean>('navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active))'), { timeout: 30_000 })
    .toBe(true);
}

describe.skipIf(!run)('distribution point, offline, end to end (1 of 2)', () => {
  test('two officers prepare their devices online: cycle, point, the list for offline use', async () => {
    await enter(a.page, 'officer.a');
    await prepare(a.page, 'distribution-prepare');
    await enter(b.page, 'officer.b');
    await prepare(b.page);
  }, 120_000);

  test('offline: scan the card with the camera, see the entitlement, record the hand-over; it waits on the device', async () => {
    const { ctx, page } = a;
    await ctx.setOffline(true);
    await page
      .getByRole('status')
      .filter({ hasText: /^دون اتصال$/ })
      .waitFor();
    await text(page, /^تابع العمل: التسليمات تُحفظ على هذا الجهاز/).waitFor();
    await page.getByRole('button', { name: 'امسح رمز البطاقة بالكاميرا' }).click();
    await page.getByRole('heading', { name: 'سلّم الآن:' }).waitFor({ timeout: 30_000 });
    await text(page, 'البطاقة صحيحة.').waitFor();
    // the card number as printed (serial and check digit), in Arabic-Indic digits (each group isolated left to right)
    const serial = cardNumber(card.serial).replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    await text(page, `البطاقة رقم ${serial}`).waitFor();
    const lines = await page.locator('.dist-lines li').allTextContents();
    expect(lines).toEqual(['طرد غذائي١ طرد', 'حقيبة نظافة١ حقيبة']);
    await screenshots(page, 'distribution');
    await page.getByRole('button', { name: 'سجّل التسليم' }).click();
    await text(page, `سُجّل التسليم للبطاقة رقم ${serial}. امسح البطاقة التالية.`).waitFor();
    await waitingHeading(page, '١').waitFor();
    expect(await redemptions()).toEqual([]); // nothing reached the server
  }, 180_000);

  test('reload while offline: the service worker serves the app, the outbox is still there', async () => {
    const { page } = a;
    const res = await page.reload();
    expect(res?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { name: 'نقطة التوزيع', level: 1 }).waitFor();
    // The page came from the service worker's cache: its own requests do not reach the server either.
    expect(await page.evaluate<boolean>('!!navigator.serviceWorker.controller')).toBe(true);
    expect(await page.evaluate<string>(NOT_KEPT)).toBe('failed');
    await waitingHeading(page, '١').waitFor();
    await text(page, /^جاهز دون اتصال: /).waitFor();
    await text(page, 'بانتظار المزامنة').waitFor();
    expect(await redemptions()).toEqual([]);
  }, 60_000);

  test('back online: the outbox drains by itself; the first answer is lost and the replay pays nothing twice', async () => {
    const { ctx, page } = a;
    const sent: string[][] = [];
    await page.route('**/api/v1/aid/sync', async (route) => {
      sent.push((JSON.parse(route.request().postData() ?? '{}').redemptions as { id: string }[]).map((r) => r.id));
      const res = await route.fetch(); // the server stores the redemptions...
      if (sent.length === 1)
        await route.abort('connectionreset'); // ...but the answer never arrives
      else await route.fulfill({ response: res });
    });
    await ctx.setOffline(false);
    await waitingHeading(page, '٠').waitFor({ timeout: 60_000 });
    await text(page, 'تمت المزامنة').waitFor();
    expect(await page.evaluate<string>(NOT_KEPT)).toMatch(/^answered [45]\d\d$/); // online, the same request reaches the server (which has no such file)
    await page.unroute('**/api/v1/aid/sync');
    expect(sent.length).toBe(2);
    expect(sent[1]).toEqual(sent[0]);
    const r = await redemptions();
    expect(r.map((x) => [x.entitlement_id, x.status])).toEqual(entitlementIds.map((e) => [e, 'standing']));
    expect(r.map((x) => x.id).sort()).toEqual([...sent[0]!].sort());
  }, 120_000);

  test('the same card again: already received, hand nothing out, nothing recorded', async () => {
    const { page } = a;
    await page.getByRole('button', { name: 'امسح رمز البطاقة بالكاميرا' }).click();
    await text(page, 'استلمت هذه الأسرة حصتها من قبل. لا تسلّم شيئاً.').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'سجّل التسليم' }).count()).toBe(0);
    expect((await redemptions()).length).toBe(2);
  }, 60_000);
});

describe.skipIf(!run)('distribution point, offline, end to end (2 of 2)', () => {
  test('a second device, offline, types the card code with the keyboard: one redemption stands, the conflict is flagged and shown', async () => {
    const { ctx, page } = b;
    await ctx.setOffline(true);
    await page.getByLabel('أو اكتب رقم البطاقة').focus();
    await page.keyboard.type(card.token.replace(/(.{20})/g, '$1 ')); // as printed, in groups
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'سلّم الآن:' }).waitFor(); // this device cannot know: its list predates the sync
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('سجّل التسليم');
    await page.keyboard.press('Enter');
    await waitingHeading(page, '١').waitFor();
    // The officer moves to another screen and the tablet restarts the page, still offline: the
    // outbox is sent from any screen once the network is back.
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'البحث' }).click();
    await page.getByRole('heading', { name: 'البحث في السجل' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'البحث في السجل' }).waitFor();
    await ctx.setOffline(false);
    await expect.poll(async () => (await redemptions()).filter((x) => x.status === 'conflict').length, { timeout: 60_000 }).toBe(2);
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'التوزيع' }).click();
    await waitingHeading(page, '٠').waitFor();
    await text(page, 'تعارض: صُرف هذا الاستحقاق من قبل في مكان آخر. أُحيل إلى المراجعة.').waitFor();
    const r = await redemptions();
    const standing = r.filter((x) => x.status === 'standing');
    const conflicts = r.filter((x) => x.status === 'conflict');
    expect(standing.map((x) => x.entitlement_id)).toEqual(entitlementIds);
    expect(conflicts.map((x) => [x.entitlement_id, x.review, x.conflict_of])).toEqual(
      standing.map((s) => [s.entitlement_id, 'open', s.id]),
    );
    await screenshots(page, 'distribution-synced');
  }, 180_000);

  test('only distribution roles see the screen', async () => {
    const ctx = await browser.newContext({ viewport: PHONE, locale: 'ar' });
    const page = await ctx.newPage();
    await enter(page, 'registrar.e2e');
    const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
    await nav.getByRole('link').first().waitFor();
    expect(await nav.getByRole('link', { name: 'التوزيع' }).count()).toBe(0);
    await page.goto(`${server.url}/distribution`);
    await page.getByRole('heading', { name: 'دورك لا يسمح بهذا.' }).waitFor();
    await ctx.close();
  }, 60_000);

  test('no error in the pages', () => {
    expect(pageErrors).toEqual([]);
  });

  test('no card, household id or API answer in a URL or in the service worker cache', async () => {
    expect(urls.filter((u) => u.includes(card.token.slice(0, 24)) || u.includes(householdId))).toEqual([]);
    const cached = await a.page.evaluate<string[]>(
      'caches.keys().then((ks) => Promise.all(ks.map((k) => caches.open(k).then((c) => c.keys())))).then((rs) => rs.flat().map((r) => new URL(r.url).pathname))',
    );
    expect(cached).toContain('/index.html');
    expect(cached.filter((p) => !/^\/(index\.html|assets\/[\w.-]+)$/.test(p))).toEqual([]);
  });
});
