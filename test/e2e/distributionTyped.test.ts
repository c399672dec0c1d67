// End to end: the card number typed with the keyboard, and the server asked before a hand-over.
// Debian's chromium drives the built web app served by a real `sanad serve` on a real PostgreSQL
// database. Offline, an officer types a household's printed card number: the device finds the
// household through its downloaded list, asks for the identity document check (Record stays off
// until it is confirmed), records the hand-over; back online it is sent once and stored as typed.
// Online, a card whose entitlements were handed out elsewhere after the list was downloaded is
// refused by the server's check before anything can be recorded. Screenshots of both in Arabic and
// English (support.ts). Every name here is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cardNumber } from '../../src/aid/cardNumber.ts';
import type { TestDb } from '../support/db.ts';
import { apiCaller, apiSignIn, browserAvailable, closeAll, generatedCycle, launch, PASSWORD, phonePage, SCREENSHOTS } from './support.ts';
import { screenshots, seedForDistribution, serveFresh, type Server, signIn } from './support.ts';

const run = browserAvailable();
const arabicDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
/** The card number as the screen shows it in Arabic: Arabic-Indic digits (each group isolated left to right). */
const shownNumber = (serial: number) => arabicDigits(cardNumber(serial));

// The state, the start and the end of this file's run; the tests follow in groups of steps.
let db: TestDb;
let server: Server;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let token = '';
const urls: string[] = [];
const pageErrors: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-typed-'));
let cycleId = '';
let pointId = '';
/** Two households at the point: one typed offline, one handed out elsewhere. */
const hh: { id: string; entitlements: string[]; card: { serial: number; number: string; token: string } }[] = [];

const rows = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.pool.query<T>(sql, params)).rows;
const redemptionsOf = (i: number) =>
  rows<{ id: string; entitlement_id: string; status: string; presented: string; card_serial: number }>(
    'SELECT id, entitlement_id, status, presented, card_serial FROM redemption WHERE entitlement_id = ANY($1::uuid[]) ORDER BY entitlement_id',
    [hh[i]!.entitlements],
  );
let call: ReturnType<typeof apiCaller>;

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    seedForDistribution(env, { seed: 12, officers: ['officer.t'] });
  }));
  token = await apiSignIn(server.url, 'admin.e2e', PASSWORD);
  call = apiCaller(server.url, token);
  cycleId = await generatedCycle(call);
  pointId = (
    await rows<{ point_id: string }>(
      'SELECT point_id FROM cycle_household WHERE cycle_id = $1 AND point_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1',
      [cycleId],
    )
  )[0]!.point_id;
  for (const { household_id } of await rows<{ household_id: string }>(
    'SELECT household_id FROM cycle_household WHERE cycle_id = $1 AND point_id = $2 ORDER BY household_id LIMIT 2',
    [cycleId, pointId],
  )) {
    const entitlements = (
      await rows<{ id: string }>('SELECT id FROM entitlement WHERE cycle_id = $1 AND household_id = $2 ORDER BY id', [
        cycleId,
        household_id,
      ])
    ).map((r) => r.id);
    expect(entitlements.length).toBe(2);
    const card = await call('POST', '/api/v1/aid/cards', { householdId: household_id });
    expect(card.number).toBe(cardNumber(card.serial)); // the issue answer carries the number to print
    hh.push({ id: household_id, entitlements, card });
  }
  expect(hh.length).toBe(2);
  browser = await launch();
  ({ ctx, page } = await phonePage(browser, { urls, pageErrors }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const text = (s: string | RegExp) => page.getByText(s).first();
const waitingHeading = (n: string) => page.getByRole('heading', { name: `بانتظار المزامنة: ${n}` });
const recordButton = () => page.getByRole('button', { name: 'سجّل التسليم' });

async function typeNumber(number: string) {
  const field = page.getByLabel('أو اكتب رقم البطاقة');
  await field.fill('');
  await field.focus();
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
}

describe.skipIf(!run)('distribution point: typed card numbers and the check before a hand-over, end to end (1 of 3)', () => {
  test('the officer prepares the point online', async () => {
    await page.goto(server.url);
    await signIn(page, 'officer.t', PASSWORD);
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'التوزيع' }).click();
    await page.getByRole('heading', { name: 'نقطة التوزيع', level: 1 }).waitFor();
    await page.getByLabel('الدورة', { exact: true }).selectOption(cycleId);
    await page.getByLabel('نقطة التوزيع', { exact: true }).selectOption(pointId);
    await page.getByRole('button', { name: 'نزّل القائمة للعمل دون اتصال' }).click();
    await text(/^جاهز دون اتصال: /).waitFor();
  }, 120_000);

  test('offline: a mistyped number is caught on the device; the right one, typed with the keyboard, needs the identity check before it is recorded', async () => {
    await ctx.setOffline(true);
    await page
      .getByRole('status')
      .filter({ hasText: /^دون اتصال$/ })
      .waitFor();
    const number = hh[0]!.card.number;
    // one digit wrong: the check digit catches it, nothing to record
    const digits = number.replace(/ /g, '');
    await typeNumber(digits.slice(0, 2) + String((Number(digits[2]) + 1) % 10) + digits.slice(3));
    await text('رقم البطاقة غير صحيح: رقم التحقق الأخير لا يطابق. راجع كل رقم واكتبه مرة أخرى.').waitFor();
    expect(await recordButton().count()).toBe(0);
    // as printed, in groups of 4
    await typeNumber(number);
    await page.getByRole('heading', { name: 'سلّم الآن:' }).waitFor();
    await text(`البطاقة رقم ${shownNumber(hh[0]!.card.serial)}`).waitFor();
    await text('الرقم المكتوب لا يثبت أن البطاقة مع المستلم. تحقّق من وثيقة هويته قبل التسليم.').waitFor();
    expect(await page.locator('.dist-lines li').allTextContents()).toEqual(['طرد غذائي١ طرد', 'حقيبة نظافة١ حقيبة']);
    // focus is on the identity check, and Record stays off until it is confirmed
    expect(await page.evaluate<string>('document.activeElement?.getAttribute("name") ?? ""')).toBe('id-checked');
    expect(await recordButton().isDisabled()).toBe(true);
    await screenshots(page, 'distribution-typed');
    await page.getByLabel('تحقّقت من وثيقة هوية المستلم وهي تطابق البطاقة').focus();
    await page.keyboard.press('Space');
    expect(await recordButton().isEnabled()).toBe(true);
    await recordButton().click();
    await text(`سُجّل التسليم للبطاقة رقم ${shownNumber(hh[0]!.card.serial)}. امسح البطاقة التالية.`).waitFor();
    await waitingHeading('١').waitFor();
    expect(await redemptionsOf(0)).toEqual([]); // nothing reached the server
  }, 180_000);

  test('back online: sent by itself, exactly one redemption per entitlement, stored as typed with the card serial', async () => {
    await ctx.setOffline(false);
    await waitingHeading('٠').waitFor({ timeout: 60_000 });
    await text('تمت المزامنة').waitFor();
    const r = await redemptionsOf(0);
    expect(r.map((x) => [x.entitlement_id, x.status, x.presented, x.card_serial])).toEqual(
      hh[0]!.entitlements.map((e) => [e, 'standing', 'typed', hh[0]!.card.serial]),
    );
    const log = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM change_log WHERE entity = 'redemption_batch' AND after->'typed' ?| $1::text[]",
      [r.map((x) => x.id)],
    );
    expect(log[0]!.n).toBe(1);
  }, 120_000);
});

describe.skipIf(!run)('distribution point: typed card numbers and the check before a hand-over, end to end (2 of 3)', () => {
  test('online: a card handed out elsewhere since the list was downloaded is refused by the server before anything can be recorded', async () => {
    // another point hands out the second household's entitlements now, online
    for (const e of hh[1]!.entitlements)
      await call('POST', '/api/v1/aid/redemptions', { id: crypto.randomUUID(), entitlementId: e, card: hh[1]!.card.token, pointId });
    const before = await redemptionsOf(1);
    expect(before.length).toBe(2);
    const checks: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/aid/cards/check')) checks.push(r.postData() ?? '');
    });
    await typeNumber(arabicDigits(hh[1]!.card.number)); // an Arabic keyboard's digits read the same
    await text('استلمت هذه الأسرة حصتها من قبل. لا تسلّم شيئاً.').waitFor({ timeout: 30_000 });
    await text('تحقّق الخادم الآن.').waitFor();
    expect(await recordButton().count()).toBe(0);
    expect(checks.length).toBe(1);
    expect(JSON.parse(checks[0]!)).toMatchObject({
      cardNumber: hh[1]!.card.number,
      entitlementIds: expect.arrayContaining(hh[1]!.entitlements),
    });
    await screenshots(page, 'distribution-typed-refused');
    expect(await redemptionsOf(1)).toEqual(before); // nothing more recorded
    await waitingHeading('٠').waitFor();
  }, 120_000);

  test('online: an open card is checked with the server, then recorded', async () => {
    const third = (
      await rows<{ household_id: string }>(
        'SELECT household_id FROM cycle_household WHERE cycle_id = $1 AND point_id = $2 ORDER BY household_id OFFSET 2 LIMIT 1',
        [cycleId, pointId],
      )
    )[0];
    if (!third) throw new Error('the point needs a third household');
    const card = await call('POST', '/api/v1/aid/cards', { householdId: third.household_id });
    // the device's list predates this card: the typed number is unknown here until the list is updated
    await typeNumber(card.number);
    await text(
      'لا توجد بطاقة صالحة بهذا الرقم في قائمة هذه النقطة. راجع الرقم، أو امسح البطاقة، أو وجّه الأسرة إلى مكتب المساعدة.',
    ).waitFor();
    await page.getByRole('button', { name: 'حدّث القائمة' }).click();
    await expect
      .poll(
        async () => {
          await typeNumber(card.number);
          return page.getByRole('heading', { name: 'سلّم الآن:' }).count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await text('تحقّق الخادم الآن: لم يُصرف في مكان آخر.').waitFor();
    await page.getByLabel('تحقّقت من وثيقة هوية المستلم وهي تطابق البطاقة').check();
    await recordButton().click();
    await text(`سُجّل التسليم للبطاقة رقم ${shownNumber(card.serial)}. امسح البطاقة التالية.`).waitFor();
    await expect
      .poll(
        async () =>
          (
            await rows<{ presented: string }>(
              "SELECT presented FROM redemption r JOIN entitlement e ON e.id = r.entitlement_id WHERE e.household_id = $1 AND e.cycle_id = $2 AND r.status = 'standing'",
              [third.household_id, cycleId],
            )
          ).map((x) => x.presented),
        { timeout: 30_000 },
      )
      .toEqual(['typed', 'typed']);
  }, 120_000);
});

describe.skipIf(!run)('distribution point: typed card numbers and the check before a hand-over, end to end (3 of 3)', () => {
  test('no error in the page; no card number or token in a URL', () => {
    expect(pageErrors).toEqual([]);
    const secrets = hh.flatMap((h) => [
      h.card.number.replace(/ /g, ''),
      encodeURIComponent(h.card.number),
      h.card.token.slice(0, 24),
      h.id,
    ]);
    expect(urls.filter((u) => secrets.some((s) => u.includes(s)))).toEqual([]);
  });
});
