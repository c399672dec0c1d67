// End to end: a member of the reconstruction committee reads the reconstruction dashboard. The data is
// made through the API from a fresh start: an engineer imports a damage file (14 structures in Gaza
// and Khan Younis become buildings) and records six housing units in one of them; a registrar
// registers a household that lived in one; its claim is filed, verified by a claims officer and
// approved by another committee member; an administrator records a project with a commitment and a
// disbursement. In Arabic on a 360 px phone: the tiles, the bars per damage class, the map shaded
// by damaged units, Gaza opened onto its localities, a claim withheld ("<5": the committee sees only
// aggregates) and the HXL CSV downloaded; then the same figures in English. Every name is invented.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { projectBody } from '../reconstruction/projectFixture.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const ADMIN = 'admin.recdash.e2e';
const REGISTRAR = 'registrar.recdash.e2e';
const ENGINEER = 'engineer.recdash.e2e';
const OFFICER = 'officer.recdash.e2e';
const DECIDER = 'decider.recdash.e2e';
const COMMITTEE = 'committee.recdash.e2e';
const run = browserAvailable();
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A and AA violations on the page now (rule ids and where). */
async function violations(): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.addScriptTag({ content: AXE });
  return page.evaluate<string[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => v.id + ' ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`,
  );
}

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-recdash-'));
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-recdash-files-'));

/** Rows of a damage file: points ~110 m apart around a centre, one class each. */
function rows(centre: [number, number], classes: string[], from: number): string[] {
  return classes.map(
    (c, i) =>
      `S${from + i},${(centre[0] + (i % 3) * 0.0012).toFixed(5)},${(centre[1] + Math.floor(i / 3) * 0.001).toFixed(5)},${c},2025-08-05`,
  );
}

async function scene() {
  const call = async (user: string) => apiCaller(server.url, await apiSignIn(server.url, user, PASSWORD));
  const engineer = await call(ENGINEER);
  const gaza = rows([34.455, 31.507], ['destroyed', 'destroyed', 'destroyed', 'destroyed', 'destroyed', 'severe', 'severe', 'moderate'], 1);
  const south = rows([34.306, 31.345], Array(6).fill('destroyed'), 100);
  const imported = await engineer('POST', '/api/v1/reconstruction/damage-imports', {
    fileName: 'unosat-2025-08.csv',
    format: 'csv',
    content: ['structure_ref,lon,lat,damage_class,imagery_date', ...gaza, ...south].join('\n'),
  });
  expect(imported).toMatchObject({ rows: 14, buildingsCreated: 14, quarantined: 0 });
  const home = await db.pool.query<{ building_id: string }>("SELECT building_id FROM remote_assessment WHERE structure_ref = 'S1'");
  const buildingId = home.rows[0]!.building_id;
  const units: string[] = [];
  for (let floor = 1; floor <= 6; floor++)
    units.push((await engineer('POST', `/api/v1/reconstruction/buildings/${buildingId}/units`, { floor, unitNumber: `${floor}A` })).id);
  const registrar = await call(REGISTRAR);
  const head = await registrar('POST', '/api/v1/persons', {
    givenName: 'سامر',
    fatherName: 'خليل',
    grandfatherName: 'إبراهيم',
    familyName: 'الحداد',
    sex: 'male',
    dateOfBirth: '1980-03-12',
    governorate: 'PS0260',
  });
  const household = await registrar('POST', '/api/v1/households', {
    governorate: 'PS0260',
    date: '2015-01-01',
    members: [{ personId: head.id, relationship: 'head' }],
  });
  await registrar('POST', `/api/v1/reconstruction/units/${units[0]}/occupancy`, {
    householdId: household.id,
    tenure: 'owner',
    validFrom: '2015-01-01',
  });
  const claim = await registrar('POST', '/api/v1/reconstruction/claims', {
    unitId: units[0],
    householdId: household.id,
    basis: 'owner',
    claimedClass: 'destroyed',
    damageDate: '2024-01-10',
  });
  await (await call(OFFICER))('POST', `/api/v1/reconstruction/cases/${claim.caseId}/check`, { step: 'verified' });
  await (await call(DECIDER))('POST', `/api/v1/reconstruction/cases/${claim.caseId}/decision`, { decision: 'approved', reason: 'ok' });
  const admin = await call(ADMIN);
  const project = await admin('POST', '/api/v1/reconstruction/projects', projectBody({ locations: [{ governorate: 'PS0260' }] }));
  await admin('POST', `/api/v1/reconstruction/projects/${project.id}/transactions`, { type: '2', date: '2026-02-01', value: 250000 });
  await admin('POST', `/api/v1/reconstruction/projects/${project.id}/transactions`, { type: '3', date: '2026-03-01', value: 100000 });
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, ADMIN, 'administrator');
    addUser(env, REGISTRAR, 'registration_officer');
    addUser(env, ENGINEER, 'engineer');
    addUser(env, OFFICER, 'claims_officer');
    addUser(env, DECIDER, 'reconstruction_committee');
    addUser(env, COMMITTEE, 'reconstruction_committee');
  }));
  await scene();
  browser = await launch();
  // bypassCSP: the app's Content-Security-Policy would refuse axe's injected script
  ({ page } = await phonePage(browser, { urls, bypassCSP: true }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir, downloads] }), 60_000);

const text = async (selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/[\u2068\u2069]/g, '').trim();

/** Downloads the CSV through the button and returns its rows (cells split on commas: no cell here has one). */
async function csvRows(label: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return fs
    .readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
}

describe.skipIf(!run)('the reconstruction dashboard (a committee member)', () => {
  test('in Arabic on a phone: tiles, bars, the map, a governorate opened onto its localities, a withheld claim, the CSV', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, COMMITTEE, PASSWORD);
    await page.locator('nav').getByRole('link', { name: 'لوحة إعادة الإعمار', exact: true }).click();
    await page.getByRole('heading', { name: 'لوحة إعادة الإعمار', level: 1 }).waitFor();
    await page.locator('[data-tile=buildings]').waitFor();
    expect(await text('[data-tile=buildings]')).toContain('١٤ مبنى متضررًا');
    expect(await text('[data-tile=units]')).toContain('٦ وحدات سكنية متضررة');
    expect(await text('[data-tile=claims]')).toContain('أقل من ٥');
    expect(await text('[data-tile=funds-USD]')).toContain('٢٥٠');
    expect(await text('[data-chart=remote] tr[data-class=destroyed] .bar-value')).toBe('١١');
    expect(await text('[data-chart=remote] tr[data-class=severely_damaged] .bar-value')).toBe('٢');
    expect(await page.locator('[data-chart=remote] svg rect').count()).toBe(6);
    await page.locator('.map-name[data-pcode=PS0260] .map-figure').waitFor();
    expect(await text('.map-name[data-pcode=PS0260] .map-figure')).toBe('٦ وحدات سكنية متضررة');
    expect(await text('[data-governorate=PS0260] [data-col=damagedBuildings]')).toBe('٨');
    expect(await text('[data-governorate=PS0270] [data-col=damagedBuildings]')).toBe('٦');
    expect(await text('[data-governorate=PS0260] [data-col=approved]')).toBe('أقل من ٥');
    await page.getByRole('button', { name: 'اعرض مناطق غزة' }).click();
    expect(await text('tr.recdash-locality[data-locality=none] th')).toBe('بلا منطقة مسجّلة');
    expect(await text('tr.recdash-locality[data-locality=none] [data-col=units]')).toBe('٦');
    expect(await text('[data-table=claims] tr[data-state=approved] [data-col=total]')).toBe('أقل من ٥');
    expect(await text('[data-table=funds] tr[data-row="total USD"] [data-col=disbursed]')).toBe('١٠٠٬٠٠٠');
    // the table by area is wider than the phone: it scrolls inside its card, the page does not widen
    const areas = page.locator('[data-table=areas] .table-scroll');
    expect(await areas.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await violations()).toEqual([]);
    const csv = await csvRows('تنزيل الأرقام (ملف \u2068CSV\u2069 بوسوم \u2068HXL\u2069)');
    const [head, hxl] = csv;
    expect(hxl![head!.indexOf('units_damaged')]).toBe('#indicator+num+units+damaged');
    const gaza = csv.find((r) => r[0] === 'governorate' && r[3] === 'PS0260')!;
    const at = (r: string[], name: string) => r[head!.indexOf(name)];
    expect([
      at(gaza, 'buildings_damaged'),
      at(gaza, 'units_remote_destroyed'),
      at(gaza, 'claims_approved'),
      at(gaza, 'committed_usd'),
    ]).toEqual(['8', '6', '<5', '250000.00']);
    await screenshots(page, 'reconstruction-dashboard', (l) =>
      page.getByRole('heading', { name: l === 'ar' ? 'لوحة إعادة الإعمار' : 'Reconstruction dashboard', level: 1 }).waitFor(),
    );
  }, 300_000);

  test('in English: the same figures in Latin digits', async () => {
    await setLang(page, 'en');
    await page.getByRole('heading', { name: 'Reconstruction dashboard', level: 1 }).waitFor();
    expect(await text('[data-tile=buildings]')).toContain('14 damaged buildings');
    expect(await text('[data-tile=units]')).toContain('6 damaged housing units');
    expect(await text('[data-tile=claims]')).toContain('<5');
    expect(await text('[data-chart=field] tr[data-class=not_assessed] .bar-value')).toBe('14');
    expect(await text('.map-name[data-pcode=PS0260] .map-figure')).toBe('6 damaged housing units');
    expect(await text('[data-governorate=PS0270] [data-col=damagedBuildings]')).toBe('6');
    expect(await text('[data-table=funds] tr[data-row="total USD"] [data-col=committed]')).toBe('250,000');
    expect(await violations()).toEqual([]);
    await page.getByRole('radio', { name: 'Buildings' }).check();
    expect(await text('.map-name[data-pcode=PS0270] .map-figure')).toBe('6 damaged buildings');
    const csv = await csvRows('Download the figures (CSV with HXL tags)');
    expect(csv.find((r) => r[0] === 'total')![csv[0]!.indexOf('buildings_damaged')]).toBe('14');
    await setLang(page, 'ar');
  }, 300_000);

  test('no figure travels in a URL', () => {
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u, u).not.toMatch(/dashboard\?/);
  });
});
