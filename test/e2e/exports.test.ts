// End to end: a registration officer exports the registry from the web app, from a fresh start with
// seeded households: the persons as CSV and as Excel, for all their governorates and for one, in
// Arabic (right to left) at 360 px and in English. The downloaded files are read here: the CSV
// starts with a UTF-8 byte order mark, the Arabic header and names are intact, the row count is the
// number of persons in scope, a name that looks like a formula comes out neutralised; every export
// is in the change log. Screenshots of the Export screen. Every name here is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage, sanad } from './support.ts';
import { SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const USER = 'exports.e2e';
const GAZA = 'PS0260';
const FORMULA = '=HYPERLINK("http://example.org","x")';
const run = browserAvailable();
const arabicDigits = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-exports-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, USER, 'registration_officer');
    sanad(['seed', '--households', '30', '--seed', '5', '--user', USER, '--no-progress'], env);
  }));
  // A person whose Latin name looks like a formula, registered through the API.
  const call = apiCaller(server.url, await apiSignIn(server.url, USER, PASSWORD));
  await call('POST', '/api/v1/persons', {
    givenName: 'هالة',
    fatherName: 'سليم',
    grandfatherName: 'ناصر',
    familyName: 'الشامي',
    fullNameEn: FORMULA,
    sex: 'female',
    dateOfBirth: '1988-05-02',
    governorate: GAZA,
  });
  browser = await launch();
  ({ page } = await phonePage(browser, { urls }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

/** The persons the officer may export: their organisation, their governorates (all of them here), or one. */
async function inScope(governorate?: string): Promise<number> {
  const r = await db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM person p JOIN app_user u ON u.org_id = p.org_id
     WHERE u.username = $1 AND ($2::text IS NULL OR p.governorate = $2)`,
    [USER, governorate ?? null],
  );
  return r.rows[0]!.n;
}

/** Chooses the format and the governorate by their labels, exports, and returns the downloaded file. */
async function exportFile(labels: { format: string; governorate: string; submit: string }): Promise<{ name: string; bytes: Buffer }> {
  await page.getByLabel(labels.format).check();
  await page.locator('select').selectOption({ label: labels.governorate });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: labels.submit }).click()]);
  const file = path.join(dataDir, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

function csvOf(bytes: Buffer): Record<string, string>[] {
  expect([...bytes.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
}

async function xlsxOf(bytes: Buffer): Promise<Record<string, unknown>[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows = (book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i] ?? ''])));
}

function checkPersons(rows: Record<string, unknown>[], expected: number) {
  expect(rows).toHaveLength(expected);
  expect(rows.every((r) => /\p{Script=Arabic}/u.test(String(r.given_name)))).toBe(true);
  // the one formula-looking name, neutralised (and no cell anywhere that a spreadsheet would run)
  expect(rows.filter((r) => /^'?=/.test(String(r.full_name_en))).map((r) => r.full_name_en)).toEqual([`'${FORMULA}`]);
  expect(rows.flatMap((r) => Object.values(r)).filter((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v))).toEqual([]);
}

describe.skipIf(!run)('exports in the web app, as a registration officer', () => {
  test('in Arabic at 360 px: the persons as CSV for all governorates, then as Excel for Gaza', async () => {
    await page.goto(server.url);
    await signIn(page, USER, PASSWORD);
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'تصدير' }).click();
    await page.getByRole('heading', { name: 'تصدير البيانات', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/exports');
    await page.getByLabel('سجلات الأفراد').check();

    const all = await inScope();
    expect(all).toBeGreaterThan(30);
    const csv = await exportFile({ format: 'ملف CSV', governorate: 'كل محافظاتي', submit: 'صدّر ونزّل الملف' });
    expect(csv.name).toMatch(/^sanad-persons-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = csvOf(csv.bytes);
    checkPersons(rows, all);
    expect(Object.keys(rows[0]!)).toContain('given_name');
    const done = page.locator('.export-done');
    await expect.poll(() => done.textContent()).toContain(arabicDigits(all));
    expect(await done.textContent()).toMatch(/صُدِّر/);
    await screenshots(page, 'exports');

    const gaza = await inScope(GAZA);
    expect(gaza).toBeGreaterThan(0);
    expect(gaza).toBeLessThan(all);
    const xlsx = await exportFile({ format: 'ملف Excel ‏(XLSX)', governorate: 'غزة', submit: 'صدّر ونزّل الملف' });
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const sheet = await xlsxOf(xlsx.bytes);
    checkPersons(sheet, gaza);
    expect(sheet.every((r) => r.governorate === GAZA)).toBe(true);
    await expect.poll(() => done.textContent()).toContain(arabicDigits(gaza));
  }, 180_000);

  test('in English: the persons as Excel for all governorates and as CSV for Gaza; the aggregates; all in the change log', async () => {
    await setLang(page, 'en');
    await page.getByRole('heading', { name: 'Export data', level: 1 }).waitFor();
    await page.getByLabel('Person records').check();
    const xlsx = await exportFile({ format: 'Excel file (XLSX)', governorate: 'All my governorates', submit: 'Export and download' });
    checkPersons(await xlsxOf(xlsx.bytes), await inScope());
    const done = page.locator('.export-done');
    await expect.poll(() => done.textContent()).toContain(`${await inScope()} rows exported.`);
    const csv = await exportFile({ format: 'CSV file', governorate: 'Gaza', submit: 'Export and download' });
    checkPersons(csvOf(csv.bytes), await inScope(GAZA));

    await page.getByLabel('Aggregate figures').check();
    const agg = await exportFile({ format: 'CSV file', governorate: 'All my governorates', submit: 'Export and download' });
    const lines = parse(agg.bytes.toString('utf8'), { bom: true }) as string[][];
    expect(lines[1]![0]).toBe('#adm2+name');
    expect(lines.slice(2).reduce((s, l) => s + Number(l[4]), 0)).toBe(await inScope());
    expect(await page.locator('.alert-warning').count()).toBe(0); // the personal-data warning is for persons only
    await screenshots(page, 'exports-aggregates');

    const log = await db.pool.query<{ action: string; format: string; governorate: string | null }>(
      `SELECT c.action, c.after->>'format' AS format, c.after->>'governorate' AS governorate
       FROM change_log c JOIN app_user u ON u.id = c.actor_id WHERE u.username = $1 AND c.entity = 'export' ORDER BY c.seq`,
      [USER],
    );
    expect(log.rows.map((r) => [r.action, r.format, r.governorate])).toEqual([
      ['export_persons', 'csv', null],
      ['export_persons', 'xlsx', GAZA],
      ['export_persons', 'xlsx', null],
      ['export_persons', 'csv', GAZA],
      ['export_aggregates', 'csv', null],
    ]);
    // Filters travel in POST bodies, never in URLs.
    expect(urls.filter((u) => u.includes('/exports') && u.includes('?'))).toEqual([]);
  }, 180_000);
});
