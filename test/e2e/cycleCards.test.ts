// End to end: a programme officer (distribution officer) prints the cards of a whole cycle, from
// seeded (synthetic) households. In Arabic on a 360 px phone, then in English: from the programme's
// page open the cycle's cards, issue the missing ones (the progress bar reaches every entitled
// household; the server's counts agree), open the print sheet (a new window) and check it as printed
// (print media, A4 width): right to left in Arabic with the QR code on the right, each card with its
// QR code, its number (digit groups left to right), the head's name and the household's size, and
// no identity number; the printing logged as a read. Screenshots to docs/screenshots/cycle-cards-*.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage, SCREENSHOTS, screenshots } from './support.ts';
import { seedForDistribution, serveFresh, type Server, setLang, signIn } from './support.ts';

const USER = 'cycle-cards.e2e';
const run = browserAvailable();
const A4 = { width: 794, height: 1123 }; // 210 x 297 mm at 96 dpi

const WORDS = {
  ar: {
    cycle: (n: number) => `الدورة ${String.fromCharCode(0x660 + n)}`,
    open: 'بطاقات الدورة وطباعتها',
    title: 'بطاقات الدورة',
    issue: 'أصدر البطاقات الناقصة',
    yes: 'نعم، نفّذ',
    allIssued: 'لكل أسرة مستحقة بطاقة صالحة.',
    openSheet: 'افتح ورقة الطباعة',
    head: 'رب الأسرة',
    size: 'عدد الأفراد',
    digits: (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d))),
  },
  en: {
    cycle: (n: number) => `Cycle ${n}`,
    open: 'Cards of the cycle and printing',
    title: 'Cards of a cycle',
    issue: 'Issue the missing cards',
    yes: 'Yes, do it',
    allIssued: 'Every entitled household has a valid card.',
    openSheet: 'Open the print sheet',
    head: 'Head of household',
    size: 'Household size',
    digits: (s: string) => s,
  },
};

let db: TestDb;
let server: Server;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let call: ReturnType<typeof apiCaller>;
let programmeId: string;
const cycles: string[] = [];
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-cycle-cards-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => seedForDistribution(env, { seed: 26, officers: [USER] })));
  call = apiCaller(server.url, await apiSignIn(server.url, USER, PASSWORD));
  // a programme giving every household a parcel, and two generated cycles (one per language)
  await call('POST', '/api/v1/aid/items', { code: 'food_parcel', name: 'Food parcel', unit: 'parcel', sector: 'food' });
  programmeId = (
    await call('POST', '/api/v1/aid/programmes', {
      name: 'Winter parcels',
      sector: 'food',
      rules: [{ item: 'food_parcel', quantity: { base: 1 } }],
    })
  ).id;
  for (let i = 0; i < 2; i++) {
    const c = await call('POST', `/api/v1/aid/programmes/${programmeId}/cycles`, { cutoffDate: new Date().toISOString().slice(0, 10) });
    await call('POST', `/api/v1/aid/cycles/${c.id}/generate`, {});
    cycles.push(c.id);
  }
  // identity numbers on every seeded person, so that their absence from the sheet means something
  await db.pool.query(
    "UPDATE person SET national_id = lpad((400000000 + n)::text, 9, '0') FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM person) x WHERE x.id = person.id",
  );
  browser = await launch();
  ({ ctx, page } = await phonePage(browser, { urls }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

type Counts = { entitled: number; withCard: number; withoutCard: number };
const counts = (cycle: string): Promise<Counts> => call('GET', `/api/v1/aid/cycles/${cycle}/cards`);

/** The programme's page, the cycle's cards, the missing ones issued with the progress bar. */
async function issue(lang: 'ar' | 'en', n: number) {
  const w = WORDS[lang];
  const cycle = cycles[n - 1]!;
  await page.goto(`${server.url}/programmes/${programmeId}`);
  const row = page.locator('li.cycle', { hasText: w.cycle(n) });
  await row.getByRole('link', { name: w.open }).click();
  await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();
  const before = await counts(cycle);
  expect(before.withoutCard).toBe(before.entitled);
  expect(before.entitled).toBe(40);
  await page.getByRole('button', { name: w.issue }).click();
  await page.getByRole('button', { name: w.yes }).click();
  await page.getByText(w.allIssued).waitFor();
  const progress = page.locator('progress#cycle-cards-progress');
  expect([await progress.getAttribute('value'), await progress.getAttribute('max')]).toEqual(['40', '40']);
  expect(await counts(cycle)).toMatchObject({ entitled: 40, withCard: 40, withoutCard: 0 });
  if (lang === 'ar') await screenshots(page, 'cycle-cards', (l) => page.getByText(WORDS[l].allIssued).waitFor());
}

/** The print sheet in its window, checked as printed. */
async function printSheet(lang: 'ar' | 'en', n: number) {
  const w = WORDS[lang];
  const cycle = cycles[n - 1]!;
  const [sheet] = await Promise.all([ctx.waitForEvent('page'), page.getByRole('button', { name: w.openSheet }).click()]);
  await sheet.locator('article.card').first().waitFor();
  const cards = (await call('GET', `/api/v1/aid/cards?cycle=${cycle}&status=valid`)) as {
    items: { number: string; householdId: string }[];
  };
  expect(await sheet.locator('article.card').count()).toBe(40);
  expect(await sheet.locator('article.card svg.qr path').count()).toBe(40);
  await sheet.setViewportSize(A4);
  await sheet.emulateMedia({ media: 'print' });
  // in the page (a string: the test's TypeScript has no DOM types)
  const layout = await sheet.evaluate<Record<string, unknown>>(`(() => {
    const card = document.querySelector('article.card');
    const box = (s) => card.querySelector(s).getBoundingClientRect();
    return {
      dir: document.documentElement.dir,
      lang: document.documentElement.lang,
      cardDirection: getComputedStyle(card).direction,
      numberDirection: getComputedStyle(card.querySelector('.number')).direction,
      qrRightOfFacts: box('svg.qr').left > box('dl').left,
      infoShown: getComputedStyle(document.querySelector('.sheet-info')).display !== 'none',
      pages: document.querySelectorAll('section.page').length,
    };
  })()`);
  expect(layout).toEqual({
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    lang,
    cardDirection: lang === 'ar' ? 'rtl' : 'ltr',
    numberDirection: 'ltr',
    qrRightOfFacts: lang === 'ar',
    infoShown: false, // the line above the cards is for the screen only
    pages: 5,
  });
  const text = (await sheet.locator('body').textContent()) ?? '';
  expect(text).toContain(w.head);
  expect(text).toContain(w.size);
  for (const c of cards.items) expect(text).toContain(w.digits(c.number));
  const heads = await db.pool.query<{ full_name: string }>(
    "SELECT p.full_name FROM household_member hm JOIN person p ON p.id = hm.person_id WHERE hm.relationship = 'head' AND hm.valid_to IS NULL AND hm.household_id = ANY($1)",
    [cards.items.map((c) => c.householdId)],
  );
  expect(heads.rows.length).toBe(40);
  for (const h of heads.rows) expect(text).toContain(h.full_name);
  const ids = await db.pool.query<{ national_id: string }>('SELECT national_id FROM person WHERE national_id IS NOT NULL');
  expect(ids.rows.length).toBeGreaterThan(40);
  for (const { national_id } of ids.rows) expect(text).not.toContain(national_id);
  await sheet.evaluate('document.fonts.ready.then(() => true)');
  await sheet.screenshot({ path: path.join(SCREENSHOTS, `cycle-cards-print-${lang}.png`) });
  // on a phone, on screen: the cards wrap, nothing wider than the phone
  await sheet.emulateMedia({ media: 'screen' });
  await sheet.setViewportSize({ width: 360, height: 740 });
  expect(await sheet.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  await sheet.close();
  const reads = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM change_log, jsonb_array_elements_text(after->'ids') WHERE entity = 'cycle_cards' AND action = 'read' AND entity_id = $1",
    [cycle],
  );
  expect(reads.rows[0]!.n).toBe(40);
}

describe.skipIf(!run)("a cycle's cards: issue the missing ones and print the A4 sheet (programme officer)", () => {
  test('in Arabic on a phone', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, USER, PASSWORD);
    await issue('ar', 1);
    await printSheet('ar', 1);
  }, 300_000);

  test('in English on a phone', async () => {
    // the first cycle's cards were lost: the second cycle issues them again
    const valid = (await call('GET', `/api/v1/aid/cards?cycle=${cycles[1]}&status=valid`)) as { items: { serial: number }[] };
    for (const c of valid.items) await call('POST', `/api/v1/aid/cards/${c.serial}/revoke`, { reason: 'lost' });
    await setLang(page, 'en');
    await issue('en', 2);
    await printSheet('en', 2);
    await setLang(page, 'ar');
  }, 300_000);

  test('no card token, name or identity number travels in a URL', async () => {
    const names = await db.pool.query<{ full_name: string }>('SELECT full_name FROM person LIMIT 20');
    const bad = urls.filter((u) => u.includes('token=') || names.rows.some((n) => u.includes(encodeURIComponent(n.full_name))));
    expect(bad).toEqual([]);
  });
});
