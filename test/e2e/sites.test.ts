// End to end: a site manager registers a shelter site in the web app, edits it (the Sphere gaps
// follow), and sees a household appear among its residents once a registration officer has moved
// it there with the Move screen. In Arabic, right to left, on a 360 px phone first, then in English.
// Screenshots of the form and of the site page with its residents. Every name here is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, browserAvailable, closeAll, launch, PASSWORD, phonePage, sanad } from './support.ts';
import { SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const MANAGER = 'sites.e2e';
const OFFICER = 'mover.e2e';
const GAZA = 'PS0260';
const run = browserAvailable();

const WORDS = {
  ar: {
    nav: 'مواقع الإيواء',
    newSite: 'موقع جديد',
    name: 'اسم الموقع',
    kind: 'النوع',
    governorate: 'المحافظة',
    locality: 'البلدة أو الحي',
    area: 'المساحة المغطاة',
    toilets: 'عدد المراحيض',
    create: 'تسجيل الموقع',
    edit: 'تعديل الموقع',
    save: 'حفظ',
    saved: 'حُفظ الموقع.',
    toiletsFact: 'المراحيض',
    toiletGap: 'ينقص',
    residents: 'الأسر المقيمة',
    none: 'لا أسر مقيمة في هذا الموقع.',
    one: 'أسرة واحدة',
    moveTo: 'إلى محافظة',
    moveSite: 'إلى موقع إيواء',
    moveReason: 'السبب',
    moveSubmit: 'سجّل النزوح',
    household: 'الأسرة',
    of200: 'من ٢٠٠',
    close: 'إغلاق الموقع',
    yes: 'نعم، نفّذ',
    closedNote: 'أُغلق الموقع.',
    closed: 'مغلق',
    occupiedClosed: 'مأهول رغم إغلاقه',
  },
  en: {
    nav: 'Shelters',
    newSite: 'New site',
    name: 'Site name',
    kind: 'Kind',
    governorate: 'Governorate',
    locality: 'Locality',
    area: 'Covered area',
    toilets: 'Number of toilets',
    create: 'Register the site',
    edit: 'Edit the site',
    save: 'Save',
    saved: 'The site was saved.',
    toiletsFact: 'Toilets',
    toiletGap: 'short',
    residents: 'Resident households',
    none: 'No households live at this site.',
    one: 'One household',
    moveTo: 'To governorate',
    moveSite: 'To a shelter site',
    moveReason: 'Reason',
    moveSubmit: 'Record the move',
    household: 'Household',
    of200: 'of 200',
    close: 'Close the site',
    yes: 'Yes, do it',
    closedNote: 'The site was closed.',
    closed: 'Closed',
    occupiedClosed: 'Occupied but closed',
  },
};
type Words = (typeof WORDS)['ar'];

let db: TestDb;
let server: Server;
let browser: Browser;
let manager: Page;
let officer: Page;
const urls: string[] = [];
let households: string[] = [];
let locality = '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-sites-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, MANAGER, 'site_manager');
    addUser(env, OFFICER, 'registration_officer');
    sanad(['seed', '--households', '10', '--seed', '13', '--user', OFFICER, '--no-progress'], env);
  }));
  // a locality of Gaza on record (the places list starts empty), for the form's locality field
  locality = (
    await db.pool.query<{ id: string }>(
      "INSERT INTO locality (governorate, name_ar, name_en) VALUES ($1, 'حي الشاطئ (تجريبي)', 'Beach quarter (synthetic)') RETURNING id",
      [GAZA],
    )
  ).rows[0]!.id;
  households = (await db.pool.query<{ id: string }>('SELECT id FROM household ORDER BY id LIMIT 2')).rows.map((r) => r.id);
  browser = await launch();
  ({ page: manager } = await phonePage(browser, { urls }));
  ({ page: officer } = await phonePage(browser, { urls }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const field = (page: Page, label: string) => page.locator('form').getByLabel(new RegExp(`^${label}`));

/** The manager registers a site from the list screen and lands on its page. */
async function createSite(w: Words, name: string, shoot: boolean): Promise<string> {
  await manager.getByRole('link', { name: w.nav, exact: true }).click();
  await manager.getByRole('button', { name: w.newSite }).click();
  await field(manager, w.name).fill(name);
  await field(manager, w.kind).selectOption('school');
  await field(manager, w.governorate).selectOption(GAZA);
  await field(manager, w.locality).selectOption(locality);
  await field(manager, w.area).fill('350');
  await field(manager, w.toilets).fill('1');
  if (shoot) await screenshots(manager, 'sites-form');
  await manager.getByRole('button', { name: w.create }).click();
  await manager.getByRole('heading', { name, exact: true }).waitFor();
  const id = new URL(manager.url()).pathname.split('/')[2]!;
  // The site's governorate is "governorate", not the registration governorate of a person.
  await manager.locator('dl.facts dt', { hasText: new RegExp(`^${w.governorate}$`) }).waitFor();
  await manager.getByText(w.none).waitFor();
  return id;
}

/** Edits the toilets and doubles the floor area; the saved value and the capacity are read again. */
async function editSite(w: Words, toilets: string, shown: string) {
  await manager.getByRole('button', { name: w.edit }).click();
  expect(await field(manager, w.area).inputValue()).toBe('350');
  await field(manager, w.toilets).fill(toilets);
  await field(manager, w.area).fill('700');
  await manager.locator('form').getByRole('button', { name: w.save, exact: true }).click();
  await manager.getByText(w.saved).waitFor();
  const fact = manager.locator('dl.facts div', { hasText: w.toiletsFact });
  await expect.poll(() => fact.locator('dd').textContent()).toBe(shown);
  // 700 m² at 3.5 m² a person (Sphere): room for 200, shown without leaving the page
  await manager.getByText(w.of200).waitFor();
}

/** Closes the site (after a confirmation): its status says so, and so does the gap it opens while people live there. */
async function closeSite(w: Words, id: string) {
  await manager.getByRole('button', { name: w.close }).click();
  await manager.getByRole('alertdialog').getByRole('button', { name: w.yes }).click();
  await manager.getByText(w.closedNote).waitFor();
  await manager.locator('dl.facts div', { hasText: w.closed }).waitFor();
  await manager.getByText(w.occupiedClosed).waitFor();
  expect((await db.pool.query('SELECT status FROM site WHERE id = $1', [id])).rows[0].status).toBe('closed');
}

/** The officer moves a household to the site with the Move screen. */
async function moveThere(w: Words, household: string, siteName: string) {
  await officer.goto(`${server.url}/households/${household}/move`);
  await field(officer, w.moveTo).selectOption(GAZA);
  await field(officer, w.moveSite).selectOption({ label: siteName });
  await field(officer, w.moveReason).selectOption('evacuation_order');
  await officer.getByRole('button', { name: w.moveSubmit }).click();
  await officer.getByRole('heading', { name: w.household, exact: true }).waitFor();
}

async function residentAppears(w: Words, household: string) {
  await manager.reload();
  const list = manager.locator('section[aria-labelledby="site-residents"]');
  await list.locator(`a[href="/households/${household}"]`).waitFor();
  expect(await list.textContent()).toContain(w.one);
}

async function scenario(lang: 'ar' | 'en', name: string, household: string) {
  const w = WORDS[lang];
  const id = await createSite(w, name, lang === 'ar');
  const rows = await db.pool.query('SELECT name, governorate, locality, toilets FROM site WHERE id = $1', [id]);
  expect(rows.rows[0]).toMatchObject({ name, governorate: GAZA, locality, toilets: 1 });
  await editSite(w, '3', lang === 'ar' ? '٣' : '3');
  expect((await db.pool.query('SELECT toilets FROM site WHERE id = $1', [id])).rows[0].toilets).toBe(3);
  await moveThere(w, household, name);
  await residentAppears(w, household);
  if (lang === 'ar') await screenshots(manager, 'sites-page', () => manager.locator(`a[href="/households/${household}"]`).waitFor());
  await closeSite(w, id);
}

describe.skipIf(!run)('a site manager registers and edits a site and sees its residents', () => {
  test('in Arabic on a phone', async () => {
    for (const p of [manager, officer]) await p.goto(server.url);
    await setLang(manager, 'ar');
    await signIn(manager, MANAGER, PASSWORD);
    await setLang(officer, 'ar');
    await signIn(officer, OFFICER, PASSWORD);
    await scenario('ar', 'مدرسة الشاطئ (تجريبي)', households[0]!);
  }, 300_000);

  test('in English on a phone', async () => {
    await setLang(manager, 'en');
    await setLang(officer, 'en');
    await scenario('en', 'Beach school (synthetic)', households[1]!);
  }, 300_000);

  test('no site name travels in a URL', () => {
    const personal = [encodeURIComponent('مدرسة الشاطئ'), 'Beach'];
    expect(urls.filter((u) => personal.some((p) => u.includes(p)))).toEqual([]);
  });
});
