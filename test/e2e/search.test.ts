// End to end: a registration officer searches the registry in the web app, from a fresh start with
// seeded (synthetic) households and a family registered in Arabic only. In Arabic at 360 px, then in
// English: a Latin-script query ("Yusuf Hassan Abu Taha") finds the family, father first; the family
// name alone shows the total ("27 people found", the number isolated, the Arabic plural form) and a
// next page that brings the rest; an ID number typed as a name is offered as an ID search, and one
// with a wrong check digit gets advice about the check digit (not "search by ID number"). Screenshots of each in both languages. Every name is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nationalIdCheckDigit } from '../../src/shared/nationalId.ts';
import type { TestDb } from '../support/db.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const USER = 'search.e2e';
const run = browserAvailable();

const WORDS = {
  ar: {
    search: 'البحث',
    searchTitle: 'البحث في السجل',
    name: 'الاسم',
    nationalId: 'رقم الهوية',
    find: 'بحث',
    more: 'نتائج أخرى',
    found: (n: string) => `عُثر على ${n} شخصاً.`, // 11-99: the "many" form (the seed may add a few Abu Tahas)
    foundFew: (n: string) => `عُثر على ${n} أشخاص.`, // 3-10
    shown: (a: string, b: string) => `المعروض: ${a} من ${b}`,
    checkDigit: 'رقم التحقق (الرقم الأخير) في رقم الهوية هذا غير صحيح',
    looksLikeId: 'ما كتبته يشبه رقم هوية',
    asId: 'ابحث به كرقم هوية',
  },
  en: {
    search: 'Search',
    searchTitle: 'Search the registry',
    name: 'Name',
    nationalId: 'National ID',
    find: 'Search',
    more: 'More results',
    found: (n: string) => `${n} people found.`,
    foundFew: (n: string) => `${n} people found.`,
    shown: (a: string, b: string) => `Showing ${a} of ${b}`,
    checkDigit: "This ID number's check digit (the last digit) is wrong",
    looksLikeId: 'This looks like an ID number',
    asId: 'Search it as an ID number',
  },
};
const arabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let call: ReturnType<typeof apiCaller>;
const urls: string[] = [];
const family: Record<string, string> = {};
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-search-'));

// The Abu Taha family (invented), registered in Arabic only: Yusuf, his children, and relatives in
// other households, 27 people with the family name.
const GIVEN = ['خالد', 'سمير', 'نادر', 'رامي', 'هدى', 'سناء', 'وليد', 'منى', 'عماد', 'ريم', 'باسل', 'دينا'];
async function registerFamily(call: ReturnType<typeof apiCaller>) {
  const add = async (key: string, p: Record<string, string>) => {
    const r = await call('POST', '/api/v1/persons', { governorate: 'PS0260', familyName: 'أبو طه', ...p });
    family[key] = r.id as string;
  };
  await add('yusuf', { givenName: 'يوسف', fatherName: 'حسن', grandfatherName: 'محمود', sex: 'male', dateOfBirth: '1971-03-02' });
  await add('ahmad', { givenName: 'أحمد', fatherName: 'يوسف', grandfatherName: 'حسن', sex: 'male', dateOfBirth: '2001-07-15' });
  await add('mariam', { givenName: 'مريم', fatherName: 'يوسف', grandfatherName: 'حسن', sex: 'female', dateOfBirth: '2004-11-30' });
  for (let i = 0; i < 24; i++) {
    await add(`relative${i}`, { givenName: GIVEN[i % GIVEN.length]!, fatherName: i < 12 ? 'عمر' : 'إبراهيم', grandfatherName: 'محمود' });
  }
}

// An ID number as typed with its last digit wrong (nobody has it).
const TYPO_ID = `40123456${(nationalIdCheckDigit('40123456') + 1) % 10}`;

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, USER, 'registration_officer');
    sanad(['seed', '--households', '20', '--seed', '11', '--user', USER, '--no-progress'], env);
  }));
  call = apiCaller(server.url, await apiSignIn(server.url, USER, PASSWORD));
  await registerFamily(call);
  browser = await launch();
  ({ page } = await phonePage(browser, { urls }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

/** Types a term in the search form (by name or ID) and waits for the results. */
async function searchFor(w: (typeof WORDS)['ar'], mode: 'name' | 'nationalId', term: string) {
  await page.getByRole('radio', { name: mode === 'name' ? w.name : w.nationalId, exact: true }).check();
  await page.locator('form[role=search] input[name=term]').fill(term);
  await page.getByRole('button', { name: w.find, exact: true }).click();
  await page.locator('section.results h2').waitFor();
  await expect.poll(() => page.locator('form[role=search] button[type=submit]').isDisabled()).toBe(false);
}

const resultIds = async () =>
  (await page.locator('section.results a[href^="/persons/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(
    (h) => h.split('/')[2]!,
  );

async function searchScenes(lang: 'ar' | 'en') {
  const w = WORDS[lang];
  const digits = lang === 'ar' ? arabicIndic : (s: string) => s;
  await page.getByRole('link', { name: w.search, exact: true }).click();
  await page.getByRole('heading', { name: w.searchTitle }).waitFor();

  // A Latin query for a family registered in Arabic only: the father first, his children after him.
  await searchFor(w, 'name', 'Yusuf Hassan Abu Taha');
  await expect.poll(resultIds).toEqual(expect.arrayContaining([family.yusuf, family.ahmad, family.mariam]));
  expect((await resultIds())[0]).toBe(family.yusuf);
  const few = await page.locator('section.results h2').textContent();
  expect(few).toBe(w.foundFew(digits(String((await resultIds()).length))));
  if (lang === 'ar') await screenshots(page, 'search-latin-query', () => page.locator('section.results h2').waitFor());

  // The family name alone: the total, the first page of 20, then the next page. The total is the
  // API's (27 registered here, and any Abu Taha the seed made).
  const total = ((await call('POST', '/api/v1/persons/search', { query: 'أبو طه' })) as { total: number }).total;
  expect(total).toBeGreaterThanOrEqual(27);
  expect(total).toBeLessThan(40);
  await searchFor(w, 'name', 'أبو طه');
  expect(await resultIds()).toHaveLength(20);
  const heading = page.locator('section.results h2');
  expect(await heading.textContent()).toBe(w.found(digits(String(total))));
  expect(await heading.locator('bdi').textContent()).toBe(digits(String(total)));
  expect(await page.locator('section.results .shown-count').textContent()).toBe(w.shown(digits('20'), digits(String(total))));
  if (lang === 'ar') await screenshots(page, 'search-total', () => heading.waitFor());
  await page.getByRole('button', { name: w.more }).click();
  await expect.poll(async () => (await resultIds()).length).toBe(total);
  expect(new Set(await resultIds()).size).toBe(total);
  expect(await resultIds()).toEqual(expect.arrayContaining(Object.values(family)));
  expect(await page.getByRole('button', { name: w.more }).count()).toBe(0);
  expect(await page.locator('section.results .shown-count').count()).toBe(0);

  // An ID number typed as a name: the advice offers to search it as an ID number, which says the
  // check digit is wrong (not "search by ID number").
  await searchFor(w, 'name', TYPO_ID);
  await page.getByText(w.looksLikeId).waitFor();
  await page.getByRole('button', { name: w.asId }).click();
  await page.getByText(w.checkDigit).waitFor();
  expect(await page.getByRole('radio', { name: w.nationalId, exact: true }).isChecked()).toBe(true);
  expect(await page.getByText(w.looksLikeId).count()).toBe(0);
  expect(await resultIds()).toEqual([]);
  if (lang === 'ar') await screenshots(page, 'search-check-digit', (l) => page.getByText(WORDS[l].checkDigit).waitFor());
}

describe.skipIf(!run)('search the registry (registration officer)', () => {
  test('in Arabic on a phone: a Latin query finds the family; the total and the next page; the check digit advice', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, USER, PASSWORD);
    await page.getByRole('heading', { name: WORDS.ar.searchTitle }).waitFor();
    await searchScenes('ar');
  }, 300_000);

  test('in English on a phone: the same searches', async () => {
    await setLang(page, 'en');
    await searchScenes('en');
    await setLang(page, 'ar');
  }, 300_000);

  test('no search term travels in a URL', () => {
    const terms = ['Yusuf', encodeURIComponent('أبو طه'), TYPO_ID];
    expect(urls.filter((u) => terms.some((t) => u.includes(t)))).toEqual([]);
  });
});
