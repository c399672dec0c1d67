// End to end: a registration officer handles a seeded household's cards in the web app. In Arabic,
// right to left, on a 360 px phone: open the household page, issue a card and see the printable card
// (the QR code, the printed number with its digit groups left to right, the head's name and the
// household's size, no identity number; also as printed on paper), reprint it (a new card, the old
// one revoked as replaced, in one write), and revoke the new one with a reason. Then the same in English.
// Screenshots of the printable card in both languages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const USER = 'cards.e2e';
const run = browserAvailable();

type Card = { serial: number; number: string; revokedAt: string | null; revokedReason: string | null };
type Household = { id: string; members: { personId: string; relationship: string; validTo: string | null; fullName: string | null }[] };

const WORDS = {
  ar: {
    aid: 'البطاقات والاستحقاقات',
    issue: 'إصدار بطاقة',
    yes: 'نعم، نفّذ',
    reprint: 'إعادة طباعة',
    revoke: 'إلغاء البطاقة',
    reason: 'سبب الإلغاء',
    lost: 'مفقودة',
    revokedLost: 'ملغاة: مفقودة',
    revokedReplaced: 'ملغاة: استُبدلت',
    head: 'رب الأسرة',
    nav: 'البطاقات',
    listTitle: 'بطاقات الأسر',
    status: 'الحالة',
    revoked: 'ملغاة',
  },
  en: {
    aid: 'Cards and entitlements',
    issue: 'Issue a card',
    yes: 'Yes, do it',
    reprint: 'Reprint',
    revoke: 'Revoke the card',
    reason: 'Reason for revoking',
    lost: 'Lost',
    revokedLost: 'Revoked: lost',
    revokedReplaced: 'Revoked: replaced',
    head: 'Head of household',
    nav: 'Cards',
    listTitle: 'Household cards',
    status: 'Status',
    revoked: 'Revoked',
  },
};
const arabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let token: string;
let household: Household;
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-cards-'));

const cards = async (): Promise<Card[]> =>
  ((await apiCaller(server.url, token)('GET', `/api/v1/households/${household.id}/aid`)) as { cards: Card[] }).cards;

/** A seeded household whose head's name the officer may read. */
async function seededHousehold(): Promise<Household> {
  const call = apiCaller(server.url, token);
  const list = (await db.pool.query<{ id: string }>('SELECT id FROM household ORDER BY id LIMIT 50')).rows;
  for (const { id } of list) {
    const h = (await call('GET', `/api/v1/households/${id}`).catch(() => null)) as Household | null;
    if (h?.members.some((m) => m.relationship === 'head' && m.validTo === null && m.fullName)) return h;
  }
  throw new Error('no seeded household with a named head');
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, USER, 'registration_officer');
    sanad(['seed', '--households', '10', '--seed', '13', '--user', USER, '--no-progress'], env);
  }));
  token = await apiSignIn(server.url, USER, PASSWORD);
  household = await seededHousehold();
  browser = await launch();
  ({ page } = await phonePage(browser, { urls }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const row = (shown: string) => page.locator('.list-item', { has: page.locator(`bdi:text-is("${shown}")`) });
const sheet = () => page.locator('.print-card');

/** Issue, the printable card, reprint, revoke with a reason: each checked against the server. */
async function handleCards(lang: 'ar' | 'en') {
  const w = WORDS[lang];
  const digits = lang === 'ar' ? arabicIndic : (s: string) => s;
  await page.goto(`${server.url}/households/${household.id}`);
  await page.getByRole('heading', { name: w.aid }).waitFor();
  const before = await cards();

  // Issue: the printable card shows the new number, the QR code, the head and the size.
  await page.getByRole('button', { name: w.issue }).click();
  await page.getByRole('button', { name: w.yes }).click();
  await sheet().waitFor();
  await expect.poll(async () => (await cards()).length).toBe(before.length + 1);
  const first = (await cards()).find((c) => !before.some((b) => b.serial === c.serial))!;
  const number = sheet().locator('bdi[dir="ltr"]');
  expect(await number.textContent()).toBe(digits(first.number));
  await expect.poll(() => sheet().locator('svg.qr').count()).toBe(1); // the QR code is drawn once its encoder has loaded
  const head = household.members.find((m) => m.relationship === 'head' && m.validTo === null)!;
  const text = (await sheet().textContent()) ?? '';
  expect(text).toContain(w.head);
  expect(text).toContain(head.fullName!);
  const nationalIds = await db.pool.query<{ n: string }>(
    'SELECT national_id AS n FROM person WHERE id = ANY($1) AND national_id IS NOT NULL',
    [household.members.map((m) => m.personId)],
  );
  for (const { n } of nationalIds.rows) expect(text).not.toContain(n);
  if (lang === 'ar') {
    await screenshots(page, 'cards-print', () => sheet().waitFor());
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'cards-print-sheet-ar.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }

  // Reprint: a new card, the first revoked as replaced.
  await row(digits(first.number)).getByRole('button', { name: w.reprint }).click();
  await row(digits(first.number)).getByRole('button', { name: w.yes }).click();
  await expect.poll(async () => (await cards()).find((c) => c.serial === first.serial)?.revokedReason).toBe('replaced');
  const second = (await cards()).find(
    (c) => c.revokedAt === null && c.serial !== first.serial && !before.some((b) => b.serial === c.serial),
  )!;
  await expect.poll(() => number.textContent()).toBe(digits(second.number));
  await row(digits(first.number)).getByText(w.revokedReplaced).waitFor();

  // Revoke with a reason.
  const r = row(digits(second.number));
  await r.getByRole('button', { name: w.revoke }).click();
  await r.getByLabel(w.reason).selectOption({ label: w.lost });
  await r.locator('.stack').getByRole('button', { name: w.revoke }).click();
  await r.getByRole('button', { name: w.yes }).click();
  await r.getByText(w.revokedLost).waitFor();
  expect((await cards()).find((c) => c.serial === second.serial)?.revokedReason).toBe('lost');
  // the revoked card is no longer offered for printing
  expect(await sheet().count()).toBe(0);
  if (lang === 'ar') await screenshots(page, 'cards-household', (l) => page.getByRole('heading', { name: WORDS[l].aid }).waitFor());
}

/** The cards list: only the revoked ones, this household's among them, each opening its household. */
async function cardsList(lang: 'ar' | 'en') {
  const w = WORDS[lang];
  const digits = lang === 'ar' ? arabicIndic : (s: string) => s;
  await page.getByRole('link', { name: w.nav, exact: true }).click();
  await page.getByRole('heading', { name: w.listTitle }).waitFor();
  const all = await cards();
  await page.getByLabel(w.status).selectOption({ label: w.revoked });
  const shown = async () => (await page.locator('.cards-list bdi[dir="ltr"]').allTextContents()).sort();
  const revoked = all.filter((c) => c.revokedAt !== null).map((c) => digits(c.number));
  await expect.poll(async () => (await shown()).filter((n) => revoked.includes(n)).length).toBe(revoked.length);
  expect(all.filter((c) => c.revokedAt === null).some((c) => revoked.includes(digits(c.number)))).toBe(false);
  for (const n of await shown()) expect(revoked.includes(n) || !all.some((c) => digits(c.number) === n)).toBe(true);
  if (lang === 'ar') await screenshots(page, 'cards-list', (l) => page.getByRole('heading', { name: WORDS[l].listTitle }).waitFor());
  await page.locator(`.cards-list a[href="/households/${household.id}"]`).first().click();
  await page.getByRole('heading', { name: w.aid }).waitFor();
}

describe.skipIf(!run)('household cards: issue, print, reprint, revoke (registration officer)', () => {
  test('in Arabic on a phone', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, USER, PASSWORD);
    await handleCards('ar');
    await cardsList('ar');
  }, 300_000);

  test('in English on a phone', async () => {
    await setLang(page, 'en');
    await handleCards('en');
    await cardsList('en');
    await setLang(page, 'ar');
  }, 300_000);

  test('no card token or name travels in a URL', () => {
    const head = household.members.find((m) => m.relationship === 'head')?.fullName ?? '';
    expect(urls.filter((u) => u.includes(encodeURIComponent(head)) || u.includes('token='))).toEqual([]);
  });
});
