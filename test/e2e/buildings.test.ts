// End to end: an engineer's buildings and remote damage, from a fresh start with seeded (synthetic)
// households, buildings and January 2024 / August 2025 assessments. In Arabic on a 360 px phone:
// the buildings of North Gaza by damage class with the map; a building's assessment history; a unit
// added; a seeded household recorded as its tenant, picked from the registry, and "who lived here"
// on a day before and after; then a damage file imported through a mapping, with a row outside
// Palestine kept in quarantine and its reason named. In English: the same screens, and a later file
// on the same structures keeps both assessments. Every name and place here is invented.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const REGISTRAR = 'registrar.buildings.e2e';
const ENGINEER = 'engineer.buildings.e2e';
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
let person: { id: string; name: string };
let building: string;
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-buildings-'));
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-damage-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, REGISTRAR, 'registration_officer');
    addUser(env, ENGINEER, 'engineer');
    sanad(['seed', '--households', '30', '--seed', '43', '--user', REGISTRAR, '--no-progress'], env);
  }));
  const p = await db.pool.query<{ id: string; name: string }>(
    `SELECT p.id, p.given_name || ' ' || p.family_name AS name FROM person p JOIN household_member m ON m.person_id = p.id AND m.valid_to IS NULL
      WHERE p.given_name IS NOT NULL AND p.family_name IS NOT NULL AND m.relationship = 'head' ORDER BY p.id LIMIT 1`,
  );
  person = p.rows[0]!;
  const b = await db.pool.query<{ id: string }>(
    "SELECT b.id FROM building b WHERE b.governorate = 'PS0255' AND NOT EXISTS (SELECT 1 FROM housing_unit u WHERE u.building_id = b.id) ORDER BY b.lat DESC LIMIT 1",
  );
  building = b.rows[0]!.id;
  browser = await launch();
  // bypassCSP: the app's Content-Security-Policy would refuse axe's injected script
  ({ page } = await phonePage(browser, { urls, bypassCSP: true }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir, files] }), 60_000);

const nav = (name: string) => page.locator('nav').getByRole('link', { name, exact: true }).click();
const mapping = JSON.stringify({ columns: { X: 'lon', Y: 'lat', Class: 'damage_class', Date: 'imagery_date', Site: 'structure_ref' } });

async function importFile(name: string, rows: string[], lang: 'ar' | 'en') {
  const file = path.join(files, name);
  fs.writeFileSync(file, ['Site,X,Y,Class,Date', ...rows].join('\n'));
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByLabel(lang === 'ar' ? /^ملف الربط/ : /^Mapping/).fill(mapping);
  await page.getByRole('button', { name: lang === 'ar' ? 'استيراد' : 'Import', exact: true }).click();
}

describe.skipIf(!run)('buildings and remote damage (an engineer)', () => {
  test('in Arabic on a phone: the damage map, a building, a unit and its tenant, a damage file with a row in quarantine', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, ENGINEER, PASSWORD);
    await nav('المباني والأضرار');
    await expect.poll(() => page.locator('.building-map circle').count()).toBeGreaterThan(5);
    await expect.poll(() => page.locator('ul.list li.ticket-item').count()).toBeGreaterThan(5);
    await page.locator('.recon-counts li[data-class=destroyed]').getByText(/مدمَّر/).waitFor();
    expect(await violations()).toEqual([]);
    await screenshots(page, 'buildings', (l) =>
      page.getByRole('heading', { name: l === 'ar' ? 'المباني حسب آخر فئة ضرر' : 'Buildings by latest damage class' }).waitFor(),
    );

    await page.goto(`${server.url}/reconstruction/buildings/${building}`);
    await page.getByRole('heading', { name: 'تقييمات الأضرار عن بُعد' }).waitFor();
    await expect.poll(() => page.locator('ol.assessment-history li').count()).toBe(2);
    await page.getByLabel('رقم الوحدة').fill('ب1');
    await page.getByRole('button', { name: 'إضافة وحدة' }).click();
    await page.getByRole('button', { name: 'عرض من سكنها' }).click();
    await page.getByText('لا أسرة مسجلة في هذه الوحدة لهذا اليوم.').waitFor();
    await page.getByRole('textbox', { name: 'ابحث عن فرد من الأسرة' }).fill(person.name);
    await page.getByRole('search').getByRole('button').click();
    await page.getByRole('button', { name: 'اختر' }).first().click();
    await page.getByLabel('صفة السكن').selectOption({ label: 'مستأجر' });
    await page.getByLabel('من تاريخ').fill('2019-03-01');
    await page.getByRole('button', { name: 'تسجيل أسرة سكنت الوحدة' }).click();
    await page.getByText('سُجِّلت الأسرة في الوحدة.').waitFor();
    await expect.poll(() => page.locator('ul.occupancy-list li').count()).toBe(1);
    await page.locator('ul.occupancy-list li').getByText('مستأجر').waitFor();
    // who lived here before they came: nobody recorded
    await page.getByLabel('في يوم').fill('2018-06-01');
    await page.getByText('لا أسرة مسجلة في هذه الوحدة لهذا اليوم.').waitFor();
    await page.getByLabel('في يوم').fill('2023-10-01');
    await expect.poll(() => page.locator('ul.occupancy-list li').count()).toBe(1);
    expect(await violations()).toEqual([]);
    await screenshots(page, 'building', (l) =>
      page.getByRole('heading', { name: l === 'ar' ? 'الوحدات السكنية' : 'Housing units' }).waitFor(),
    );

    await nav('استيراد تقييمات الأضرار');
    await importFile('jan.csv', ['E1,34.5100,31.5370,Destroyed,2024-01-06', 'E2,34.2000,31.6000,Destroyed,2024-01-06'], 'ar');
    await page.locator('bdi', { hasText: 'jan.csv' }).waitFor();
    expect(await page.locator('.import-counts li[data-count=quarantined] strong').textContent()).toBe('١');
    await page.locator('.quarantine-list').getByText('الموقع خارج حدود دولة فلسطين.').waitFor();
    expect(await violations()).toEqual([]);
    await screenshots(page, 'damage-import', (l) =>
      page.getByRole('heading', { name: l === 'ar' ? 'نتيجة الاستيراد' : 'Import result' }).waitFor(),
    );
  }, 300_000);

  test('in English: the building page, and a later file keeps both assessments of a structure', async () => {
    await setLang(page, 'en');
    await nav('Import damage assessments');
    await importFile('aug.csv', ['E1,34.51001,31.53701,Severe Damage,2025-08-05'], 'en');
    await page.locator('bdi', { hasText: 'aug.csv' }).waitFor();
    expect(await page.locator('.import-counts li[data-count=matched] strong').textContent()).toBe('1');
    const r = await db.pool.query<{ classes: string[] }>(
      `SELECT array_agg(a.damage_class ORDER BY a.imagery_date) AS classes FROM remote_assessment a
        WHERE a.building_id IN (SELECT building_id FROM remote_assessment WHERE structure_ref = 'E1') GROUP BY a.building_id`,
    );
    expect(r.rows.map((x) => x.classes)).toEqual([['destroyed', 'severely_damaged']]);
    await page.goto(`${server.url}/reconstruction/buildings/${building}`);
    await page.getByRole('heading', { name: 'Remote damage assessments' }).waitFor();
    await page.getByRole('button', { name: 'Show who lived here' }).click();
    await page.locator('ul.occupancy-list li').getByText('Tenant').waitFor();
    await setLang(page, 'ar');
  }, 300_000);

  test('no name travels in a URL', () => {
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u, u).not.toContain(encodeURIComponent(person.name.split(' ')[0]!));
  });
});
