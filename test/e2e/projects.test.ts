// End to end: an administrator (the reconstruction committee's screens until its roles exist)
// creates a reconstruction project in the web app, records a commitment and a disbursement, sees
// budget against committed and disbursed as a chart and in a table, and downloads the IATI file,
// which validates against the official IATI 2.03 schema. First in Arabic, right to left, on a
// 360 px phone; then the same in English. Every organisation here is invented.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { iatiRuleChecker } from '../../src/iati/rulesetCheck.ts';
import type { TestDb } from '../support/db.ts';
import { addUser, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const USER = 'projects.e2e';
const run = browserAvailable();
const SCHEMA = path.resolve('../shared/data/standards/iati-2.03/iati-activities-schema.xsd');

const WORDS = {
  ar: {
    nav: 'مشاريع إعادة الإعمار',
    title: 'مشاريع إعادة الإعمار',
    new: 'مشروع جديد',
    newTitle: 'مشروع إعادة إعمار جديد',
    save: 'حفظ المشروع',
    record: 'تسجيل',
    recorded: 'سُجّلت المعاملة.',
    commitment: 'التزام',
    disbursement: 'دفعة',
    download: 'تنزيل ملف IATI',
    budget: 'الميزانية',
  },
  en: {
    nav: 'Reconstruction projects',
    title: 'Reconstruction projects',
    new: 'New project',
    newTitle: 'New reconstruction project',
    save: 'Save the project',
    record: 'Record',
    recorded: 'The transaction was recorded.',
    commitment: 'Commitment',
    disbursement: 'Disbursement',
    download: 'Download the IATI file',
    budget: 'Budget',
  },
};

type Project = {
  ref: string;
  id: string;
  titleAr: string;
  titleEn: string;
  funder: string;
  budget: string;
  committed: string;
  disbursed: string;
};

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-projects-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => addUser(env, USER, 'administrator')));
  browser = await launch();
  ({ page } = await phonePage(browser, { urls }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const input = (name: string) => page.locator(`[name="${name}"]`);

/** Fills the new project form and saves it; lands on the project's page. */
async function createProject(lang: 'ar' | 'en', p: Project) {
  const w = WORDS[lang];
  await page.getByRole('link', { name: w.nav, exact: true }).click();
  await page.getByRole('heading', { name: w.title, exact: true }).waitFor();
  await page.getByRole('link', { name: w.new }).click();
  await page.getByRole('heading', { name: w.newTitle }).waitFor();
  await input('reportingName').fill('جمعية الإغاثة التجريبية');
  await input('reportingRef').fill(p.ref);
  await input('iatiIdentifier').fill(`${p.ref}-${p.id}`);
  await input('titleAr').fill(p.titleAr);
  await input('titleEn').fill(p.titleEn);
  await input('descriptionAr').fill('ترميم منازل متضررة جزئيًا.');
  await input('descriptionEn').fill('Repair of partially damaged homes.');
  await input('fundingName').fill(p.funder);
  await input('fundingRef').fill('XM-DAC-41114');
  await input('fundingType').selectOption('40');
  await input('implementingName').fill('جمعية الإغاثة التجريبية');
  await input('implementingRef').fill(p.ref);
  await input('governorate-PS0260').check();
  await input('budgetValue0').fill(p.budget);
  if (lang === 'ar') await screenshots(page, 'project-form');
  await page.getByRole('button', { name: w.save }).click();
  await page.getByRole('heading', { name: lang === 'ar' ? p.titleAr : p.titleEn }).waitFor();
}

/** Records a commitment, then a disbursement, through the page's form. */
async function recordTransactions(lang: 'ar' | 'en', p: Project) {
  const w = WORDS[lang];
  for (const [type, value] of [
    ['2', p.committed],
    ['3', p.disbursed],
  ] as const) {
    await input('transactionType').selectOption(type);
    await input('transactionValue').fill(value);
    await input('transactionReceiver').fill('مقاول تجريبي');
    await page.getByRole('button', { name: w.record, exact: true }).click();
    await page.getByText(w.recorded).waitFor();
    await expect.poll(() => input('transactionValue').inputValue()).toBe('');
  }
  const rows = page.locator('#project-transactions ~ .table-scroll table tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  expect(await rows.nth(0).textContent()).toContain(w.commitment);
  expect(await rows.nth(1).textContent()).toContain(w.disbursement);
}

/** The chart has three bars (budget, committed, disbursed) in proportion; the table the same figures, isolated. */
async function seeChart(lang: 'ar' | 'en', p: Project) {
  const bars = page.locator('.grouped-chart svg rect');
  await expect.poll(() => bars.count()).toBe(3);
  const widths = await bars.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
  expect(widths[0]).toBeGreaterThan(widths[1]!);
  expect(widths[1]).toBeGreaterThan(widths[2]!);
  const money = page.locator('#project-money ~ .table-scroll table tbody tr td bdi.money');
  expect(await money.count()).toBe(3);
  expect(await money.first().getAttribute('dir')).toBe('ltr');
  const digits = (s: string) => (lang === 'ar' ? s.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d))) : s);
  const text = (await money.first().textContent()) ?? '';
  expect(text.replace(/[^\d٠-٩]/g, '')).toBe(digits(p.budget));
  expect(text).toContain('USD');
  if (lang === 'ar') await screenshots(page, 'project-page', () => bars.first().waitFor());
}

/** Downloads the IATI file from the project's page; it validates and names the project. */
async function downloadIati(lang: 'ar' | 'en', p: Project) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: WORDS[lang].download }).click()]);
  const file = path.join(dataDir, `iati-${lang}.xml`);
  await download.saveAs(file);
  const xml = fs.readFileSync(file, 'utf8');
  expect(xml).toContain(`<iati-identifier>${p.ref}-${p.id}</iati-identifier>`);
  expect(execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
  const c = iatiRuleChecker(new Date().toISOString());
  c.write(xml);
  expect(c.close()).toEqual({ activities: 1, violations: [] });
}

describe.skipIf(!run)('reconstruction projects: create, commit, disburse, chart, IATI file (administrator)', () => {
  test('in Arabic on a phone', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, USER, PASSWORD);
    const p: Project = {
      ref: 'PS-MOI-4321',
      id: 'RECON-01',
      titleAr: 'ترميم منازل في حي الشجاعية',
      titleEn: 'Repair of homes in Shujaiya',
      funder: 'صندوق تجريبي',
      budget: '500000',
      committed: '300000',
      disbursed: '125000',
    };
    await createProject('ar', p);
    await recordTransactions('ar', p);
    await seeChart('ar', p);
    await downloadIati('ar', p);
    await page.getByRole('link', { name: WORDS.ar.nav, exact: true }).click();
    await page.getByRole('link', { name: p.titleAr }).waitFor();
    await screenshots(page, 'projects-list');
  }, 300_000);

  test('in English on a phone', async () => {
    await setLang(page, 'en');
    const p: Project = {
      ref: 'PS-TIN-5555',
      id: 'SCHOOL-02',
      titleAr: 'إعادة بناء مدرسة',
      titleEn: 'Rebuilding a school',
      funder: 'Example Fund',
      budget: '800000',
      committed: '600000',
      disbursed: '200000',
    };
    await createProject('en', p);
    await recordTransactions('en', p);
    await seeChart('en', p);
    await downloadIati('en', p);
    await setLang(page, 'ar');
  }, 300_000);

  test('no title or amount travels in a URL', () => {
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) for (const s of ['500000', 'Shujaiya', 'RECON-01', 'PS-MOI-4321']) expect(u).not.toContain(s);
  });
});
