// End to end: an engineer records field assessments on a phone with no connection. In Arabic, right
// to left, at 360 px: prepare the governorate's buildings while online, go offline, record a severe,
// uninhabitable building with a bill of quantities (cement and rebar) and a camera photo (a JPEG made
// in the browser, with an EXIF block naming a person and a GPS position, and a comment), save it to
// the device; come back online and it syncs by itself, exactly once even though the first answers to
// the assessment and to the photo are lost on the way back (the outbox sends again; the server
// replays). The stored photo has no EXIF and no name; the building's page shows the field
// assessment with its photo. Then the same in English. Screenshots to docs/screenshots/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../../src/access/actor.ts';
import { createBuilding } from '../../src/store/reconstruction/createBuilding.ts';
import { write } from '../../src/store/write.ts';
import type { TestDb } from '../support/db.ts';
import {
  addUser,
  browserAvailable,
  closeAll,
  launch,
  PASSWORD,
  PHONE,
  SCREENSHOTS,
  screenshots,
  serveFresh,
  type Server,
  setLang,
  signIn,
} from './support.ts';

const USER = 'engineer.e2e';
const OWNER = 'Ahmad Khalil Mansour'; // invented: the name hidden in the photo's metadata
const run = browserAvailable();

const WORDS = {
  ar: {
    nav: 'تقييم ميداني',
    title: 'تقييم ميداني للأضرار',
    prepare: 'جهّز القائمة',
    ready: 'القائمة جاهزة',
    offline: 'غير متصل',
    building: 'المبنى',
    addLine: 'أضف بندًا',
    quantity: 'الكمية',
    save: 'احفظ التقييم',
    saved: 'حُفظ التقييم على هذا الجهاز',
    oneWaiting: 'تقييم واحد بانتظار الإرسال',
    noneWaiting: 'لا تقييمات بانتظار الإرسال',
    onePhoto: 'صورة واحدة',
    sent: 'أُرسل',
    field: 'التقييمات الميدانية',
  },
  en: {
    nav: 'Field assessment',
    title: 'Field damage assessment',
    prepare: 'Prepare the list',
    ready: 'The list is ready',
    offline: 'Offline',
    building: 'Building',
    addLine: 'Add a line',
    quantity: 'Quantity',
    save: 'Save the assessment',
    saved: 'The assessment is saved on this device',
    oneWaiting: '1 assessment waiting to be sent',
    noneWaiting: 'No assessments waiting to be sent',
    onePhoto: '1 photo',
    sent: 'Sent',
    field: 'Field assessments',
  },
};

let db: TestDb;
let server: Server;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const buildings: string[] = [];
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-field-'));

/** Three buildings in Gaza City, recorded through the store as the engineer. */
async function seedBuildings(): Promise<void> {
  const u = (await db.pool.query<{ id: string; org_id: string }>('SELECT id, org_id FROM app_user WHERE username = $1', [USER])).rows[0]!;
  const actor: Actor = { userId: u.id, orgId: u.org_id, role: 'engineer', governorates: ['PS0260'] };
  for (const [i, c] of [
    [34.4545, 31.5069],
    [34.456, 31.508],
    [34.458, 31.51],
  ].entries()) {
    const o = await write(db.pool, actor, { route: 'test' }, async (w) => ({
      status: 201,
      body: await createBuilding(w, {
        geometry: { type: 'Point', coordinates: c },
        governorate: null,
        localityId: null,
        use: 'residential',
        floors: i + 2,
      }),
    }));
    buildings.push(o.body.id);
  }
}

/** A real JPEG drawn by the browser, with an EXIF segment (a GPS tag and the owner's name) and a comment spliced in after SOI. */
async function photoWithExif(): Promise<Buffer> {
  const b64 = await page.evaluate<string>(`(async () => {
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 48;
    const g = c.getContext('2d');
    g.fillStyle = '#8a6d3b';
    g.fillRect(0, 0, 64, 48);
    g.fillStyle = '#333';
    g.fillRect(8, 20, 48, 20);
    const blob = await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const x of bytes) s += String.fromCharCode(x);
    return btoa(s);
  })()`);
  const jpeg = Buffer.from(b64, 'base64');
  const seg = (marker: number, body: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  const exif = seg(0xe1, Buffer.from(`Exif\0\0MM\0*\0\0\0\x08GPSLatitude 31.5069 Artist ${OWNER}`, 'latin1'));
  const comment = seg(0xfe, Buffer.from(`photographed at the home of ${OWNER}`, 'latin1'));
  return Buffer.concat([jpeg.subarray(0, 2), exif, comment, jpeg.subarray(2)]);
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => addUser(env, USER, 'engineer')));
  await seedBuildings();
  browser = await launch();
  ctx = await browser.newContext({
    viewport: PHONE,
    locale: 'ar',
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    permissions: ['geolocation'],
    geolocation: { latitude: 31.5071, longitude: 34.4547 },
  });
  page = await ctx.newPage();
  page.on('request', (r) => urls.push(r.url()));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

/** Loses the server's first answer to each of these requests (the server has done the work; the phone never hears). */
async function loseFirstAnswers(): Promise<{ lost: string[] }> {
  const lost: string[] = [];
  const once = new Set<string>();
  await page.route(/\/api\/v1\/reconstruction\/field-assessments(\/[^/]+\/photos)?(\?.*)?$/, async (route) => {
    const kind = route.request().url().includes('/photos') ? 'photo' : 'assessment';
    if (route.request().method() !== 'POST' || once.has(kind)) return route.continue();
    once.add(kind);
    await route.fetch();
    lost.push(kind);
    return route.abort('connectionreset');
  });
  return { lost };
}

const count = async (sql: string, params: unknown[]) => (await db.pool.query<{ n: number }>(sql, params)).rows[0]!.n;

/** Offline: one assessment with a bill of quantities and a photo, saved on the device. */
async function recordOffline(
  lang: 'ar' | 'en',
  building: string,
  cls: string,
  habitable: string,
  lines: [string, string][],
  shot: boolean,
) {
  const w = WORDS[lang];
  await page.getByRole('link', { name: w.nav, exact: true }).click();
  await page.getByRole('heading', { name: w.title }).waitFor();
  await page.locator('select[name="governorate"]').selectOption('PS0260');
  await page.getByRole('button', { name: w.prepare }).click();
  await page.getByText(w.ready).waitFor();
  await ctx.setOffline(true);
  await page.locator('.field-queue-state .chip', { hasText: w.offline }).waitFor();
  await page.getByLabel(w.building, { exact: true }).selectOption(building);
  await page.getByRole('radio', { name: cls, exact: true }).check();
  await page.getByRole('radio', { name: habitable, exact: true }).check();
  for (const [i, [item, quantity]] of lines.entries()) {
    await page.getByRole('button', { name: w.addLine }).click();
    await page.locator(`select[name="item-${i}"]`).selectOption(item);
    await page.locator(`input[name="quantity-${i}"]`).fill(quantity);
  }
  await page
    .locator('input[type="file"][name="photo"]')
    .setInputFiles({ name: `IMG_${OWNER.replaceAll(' ', '_')}.jpg`, mimeType: 'image/jpeg', buffer: await photoWithExif() });
  await page.locator('.field-photo-count', { hasText: w.onePhoto }).waitFor();
  expect(await page.locator('input[type="file"][name="photo"]').getAttribute('capture')).toBe('environment');
  if (shot) await screenshots(page, 'field-assessment-form');
  await page.getByRole('button', { name: w.save }).click();
  await page.getByText(w.saved).waitFor();
  await page.locator('.field-waiting', { hasText: w.oneWaiting }).waitFor();
  expect(await count('SELECT count(*)::int AS n FROM field_assessment WHERE building_id = $1', [building])).toBe(0);
}

/** Online again: the outbox sends by itself; one assessment and one photo on the server, the photo without metadata. */
async function syncsOnce(lang: 'ar' | 'en', building: string, totalUsd: number, sentBefore: number) {
  const w = WORDS[lang];
  const { lost } = await loseFirstAnswers();
  await ctx.setOffline(false);
  await expect.poll(() => page.locator('.field-queue li[data-state="sent"]').count(), { timeout: 60_000 }).toBe(sentBefore + 1);
  await page.locator('.field-waiting', { hasText: w.noneWaiting }).waitFor();
  await page.unrouteAll({ behavior: 'wait' });
  expect(lost.sort()).toEqual(['assessment', 'photo']);
  const a = (await db.pool.query('SELECT id, total_usd::float8 AS total FROM field_assessment WHERE building_id = $1', [building])).rows;
  expect(a).toHaveLength(1);
  expect(a[0].total).toBe(totalUsd);
  const photos = (await db.pool.query<{ bytes: Buffer }>('SELECT bytes FROM field_photo WHERE assessment_id = $1', [a[0].id])).rows;
  expect(photos).toHaveLength(1);
  for (const s of ['Exif', OWNER, 'GPSLatitude', 'photographed'])
    expect(photos[0]!.bytes.includes(Buffer.from(s, 'latin1')), s).toBe(false);
  expect(await count("SELECT count(*)::int AS n FROM change_log WHERE entity = 'field_assessment' AND entity_id = $1", [a[0].id])).toBe(1);
  await page.getByText(w.sent, { exact: true }).first().waitFor();
}

/** The building's assessments: the field one with its bill and its photo (decoded by the browser after stripping). */
async function buildingPage(lang: 'ar' | 'en', building: string, shot: boolean) {
  await page.goto(`${server.url}/buildings/${building}/assessments`);
  await page.getByRole('heading', { name: WORDS[lang].field }).waitFor();
  const img = page.locator('img.field-photo');
  await img.waitFor();
  await expect.poll(() => img.evaluate((i: { naturalWidth: number }) => i.naturalWidth)).toBe(64);
  if (shot) await screenshots(page, 'field-assessment-building', () => page.locator('img.field-photo').waitFor());
}

describe.skipIf(!run)('an engineer records a field assessment offline, and it syncs once', () => {
  test('in Arabic on a phone: offline with a photo and a bill of quantities, then online', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, USER, PASSWORD);
    await recordOffline(
      'ar',
      buildings[0]!,
      'شديد',
      'لا يصلح للسكن',
      [
        ['cement', '3'],
        ['rebar', '0.5'],
      ],
      true,
    );
    await syncsOnce('ar', buildings[0]!, 3 * 140 + 0.5 * 950, 0);
    await screenshots(page, 'field-assessment-queue');
    await buildingPage('ar', buildings[0]!, true);
  }, 300_000);

  test('in English on a phone: the same, another building', async () => {
    await setLang(page, 'en');
    await recordOffline('en', buildings[1]!, 'Minor', 'Yes, habitable', [['labour', '4']], false);
    await syncsOnce('en', buildings[1]!, 4 * 25, 1);
    await buildingPage('en', buildings[1]!, false);
    await setLang(page, 'ar');
  }, 300_000);

  test('no name travels in a URL', () => {
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(decodeURIComponent(u)).not.toContain(OWNER.split(' ')[0]);
  });
});
