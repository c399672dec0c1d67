// End to end: after a distribution, as a distribution officer, in Arabic (right to left) at 360 px,
// then in English, from seeded households and a generated cycle: stock received into a new
// warehouse and dispatched to a distribution point (a dispatch larger than the stock is refused in
// words), balances; conflicts made in the setup through the real sync API (two officers' devices
// each handed out the same entitlements) reviewed in the app, side by side, with a reason (the
// change log keeps it); the reconciliation's figures equal the same figures computed here with SQL;
// the 3W/5W report downloaded as CSV and XLSX and read back (HXL hashtags, rows against SQL).
// axe-core finds no WCAG 2.1 AA violation on each screen with its data. Screenshots of each screen.
// Every name here is invented.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import {
  addUser,
  apiCaller,
  apiSignIn,
  browserAvailable,
  closeAll,
  generatedCycle,
  launch,
  PASSWORD,
  phonePage,
  sanad,
} from './support.ts';
import { SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const OFFICER = 'officer.after.e2e';
const OFFICER2 = 'officer2.after.e2e';
const run = browserAvailable();
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const WORDS = {
  ar: {
    stock: 'المخزون',
    conflicts: 'التعارضات',
    conflictsTitle: 'تعارضات للمراجعة',
    recon: 'المطابقة',
    reports: 'التقارير',
    newWarehouse: 'مخزن جديد',
    warehouseName: 'اسم المخزن',
    createWarehouse: 'أضف المخزن',
    item: 'الصنف',
    quantity: 'الكمية',
    point: 'نقطة التوزيع',
    receive: 'سجّل الاستلام',
    dispatch: 'سجّل الإرسال',
    notEnough: 'لا يكفي الموجود في المخزن',
    recorded: 'سُجّلت الحركة.',
    onHand: 'الموجود',
    standsThis: (n: string) => `يُعتمد التسليم ${n}`,
    others: 'تكرار: تُسترد المواد',
    reason: 'السبب',
    submit: 'سجّل القرار',
    done: 'سُجّل القرار.',
    countBefore: 'استحقاقان للمراجعة.',
    countAfter: 'استحقاق واحد للمراجعة.',
    stands: 'معتمد',
    download: /CSV/,
  },
  en: {
    stock: 'Stock',
    conflicts: 'Conflicts',
    conflictsTitle: 'Conflicts to review',
    recon: 'Reconciliation',
    reports: 'Reports',
    newWarehouse: 'New warehouse',
    warehouseName: 'Warehouse name',
    createWarehouse: 'Add the warehouse',
    item: 'Item',
    quantity: 'Quantity',
    point: 'Distribution point',
    receive: 'Record the receipt',
    dispatch: 'Record the dispatch',
    notEnough: 'Not enough stock in the warehouse',
    recorded: 'The movement is recorded.',
    onHand: 'On hand',
    standsThis: (n: string) => `Hand-over ${n} stands`,
    others: 'It was due: nothing to recover',
    reason: 'Reason',
    submit: 'Record the decision',
    done: 'The decision is recorded.',
    countBefore: '1 entitlement to review.',
    countAfter: 'No entitlements to review.',
    stands: 'Stands',
    download: /XLSX/,
  },
};
type Lang = keyof typeof WORDS;
const fmt = (lang: Lang, n: number) => new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-arab' : 'en-GB-u-nu-latn').format(n);

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let cycleId: string;
let point: { id: string; name: string };
/** The two entitlements each handed out on both devices: the Arabic run reviews the first, the English run the second. */
let conflicted: { entitlementId: string; householdId: string; north: string; south: string }[] = [];
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-after-'));

type Manifest = { entitlements: { id: string; householdId: string; itemId: string }[]; items: { id: string; code: string }[] };

/** Cards for a point's households, redemptions on two officers' devices: two conflicts and some that stand. */
async function distribute(): Promise<void> {
  const call = apiCaller(server.url, await apiSignIn(server.url, OFFICER, PASSWORD));
  const call2 = apiCaller(server.url, await apiSignIn(server.url, OFFICER2, PASSWORD));
  cycleId = await generatedCycle(call);
  let best: { p: { id: string; name: string }; m: Manifest } | undefined;
  for (const p of (await call('GET', '/api/v1/aid/points')).points as { id: string; name: string }[]) {
    const m = (await call('GET', `/api/v1/aid/cycles/${cycleId}/manifest?point=${p.id}`)) as Manifest;
    if (!best || m.entitlements.length > best.m.entitlements.length) best = { p, m };
  }
  point = best!.p;
  const food = best!.m.items.find((i) => i.code === 'food_parcel')!.id;
  const households = [...new Set(best!.m.entitlements.map((e) => e.householdId))].slice(0, 5);
  expect(households.length).toBe(5);
  const cards = new Map<string, string>();
  for (const h of households) cards.set(h, (await call('POST', '/api/v1/aid/cards', { householdId: h })).token);
  const sync = (c: typeof call, deviceId: string, ents: Manifest['entitlements']) => {
    const ids = ents.map(() => randomUUID());
    return c('POST', '/api/v1/aid/sync', {
      batchId: randomUUID(),
      pointId: point.id,
      deviceId,
      redemptions: ents.map((e, i) => ({
        id: ids[i],
        entitlementId: e.id,
        card: cards.get(e.householdId),
        redeemedAt: new Date().toISOString(),
      })),
    }).then((r: { results: { id: string; status: string }[] }) => r.results);
  };
  const twice = households.slice(0, 2).map((h) => best!.m.entitlements.find((e) => e.householdId === h && e.itemId === food)!);
  const north = await sync(call, 'tablet-north', [
    ...twice,
    ...best!.m.entitlements.filter((e) => households.slice(2).includes(e.householdId)),
  ]);
  const south = await sync(call2, 'tablet-south', twice);
  expect(south.map((r) => r.status)).toEqual(['conflict', 'conflict']);
  conflicted = twice.map((e, i) => ({ entitlementId: e.id, householdId: e.householdId, north: north[i]!.id, south: south[i]!.id }));
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, 'registrar.after.e2e', 'registration_officer');
    sanad(['seed', '--households', '30', '--seed', '11', '--user', 'registrar.after.e2e', '--no-progress'], env);
    addUser(env, OFFICER, 'distribution_officer');
    addUser(env, OFFICER2, 'distribution_officer');
  }));
  await distribute();
  browser = await launch();
  // bypassCSP: the app's Content-Security-Policy would refuse axe's injected script
  ({ page } = await phonePage(browser, { urls, bypassCSP: true }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

/** The ids of axe-core's WCAG 2.1 A and AA violations on the screen now (with its data). */
async function axe(): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.addScriptTag({ content: AXE });
  return page.evaluate<string[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ' ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`,
  );
}

const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const form = (kind: 'receipt' | 'dispatch') => page.locator(`form[data-kind="${kind}"]`);
const sql = async (text: string, params: unknown[]) => Number((await db.pool.query<{ n: string }>(text, params)).rows[0]!.n ?? 0);
const onHand = async (warehouse: string, code: string) =>
  sql(
    `SELECT sum(CASE WHEN m.kind IN ('receipt','return') THEN m.quantity ELSE -m.quantity END) AS n FROM stock_movement m
     JOIN warehouse w ON w.id = m.warehouse_id JOIN aid_item i ON i.id = m.item_id WHERE w.name = $1 AND i.code = $2`,
    [warehouse, code],
  );

/** A new warehouse (Arabic run), stock received, too much dispatched (refused in words), then a dispatch to the point. */
async function stock(lang: Lang, item: { code: string; name: string }, received: number, dispatched: number) {
  const w = WORDS[lang];
  const warehouse = 'مخزن غزة المركزي (تجريبي)';
  await nav(w.stock);
  if (lang === 'ar') {
    await page.getByRole('button', { name: w.newWarehouse }).click();
    await page.getByLabel(w.warehouseName).fill(warehouse);
    await page.getByRole('button', { name: w.createWarehouse }).click();
    await page.locator('.stock-balances, .card:has(#stock-balances)').first().waitFor();
  }
  const before = await onHand(warehouse, item.code);
  await form('receipt').getByLabel(w.item).selectOption({ label: item.name });
  await form('receipt').getByLabel(w.quantity).fill(String(received));
  await form('receipt').getByRole('button', { name: w.receive }).click();
  await form('receipt').getByText(w.recorded).waitFor();
  await expect.poll(() => onHand(warehouse, item.code)).toBe(before + received);
  const cell = page.locator(`tr[data-item="${item.code}"] td[data-col=onHand]`);
  await expect.poll(() => cell.textContent()).toBe(fmt(lang, before + received));
  // the figure sits under its heading: [item, on hand, received, dispatched, ...]
  expect(await page.locator('table.stock-balances thead th').nth(1).textContent()).toBe(w.onHand);
  expect((await page.locator(`tr[data-item="${item.code}"] td`).allTextContents())[0]).toBe(fmt(lang, before + received));

  const d = form('dispatch');
  await d.getByLabel(w.item).selectOption({ label: item.name });
  await d.getByLabel(w.point).selectOption({ label: point.name });
  await d.getByLabel(w.quantity).fill(String(before + received + 50));
  await d.getByRole('button', { name: w.dispatch }).click();
  await d.getByText(w.notEnough).waitFor();
  expect(await onHand(warehouse, item.code)).toBe(before + received);
  await d.getByLabel(w.quantity).fill(String(dispatched));
  await d.getByRole('button', { name: w.dispatch }).click();
  await d.getByText(w.recorded).waitFor();
  await expect.poll(() => onHand(warehouse, item.code)).toBe(before + received - dispatched);
  await expect.poll(() => cell.textContent()).toBe(fmt(lang, before + received - dispatched));
  expect(await axe(), `stock (${lang})`).toEqual([]);
  if (lang === 'ar') await screenshots(page, 'after-stock', (l) => page.getByRole('heading', { name: WORDS[l].stock, level: 1 }).waitFor());
}

/** The conflict shown side by side (officers, devices, no identity number), decided with a reason. */
async function review(lang: Lang, which: 0 | 1) {
  const w = WORDS[lang];
  const c = conflicted[which]!;
  await nav(w.conflicts);
  await page.locator('.conflicts-count').getByText(w.countBefore).waitFor();
  const group = page.locator('.conflict-group', { has: page.locator(`[data-redemption="${c.north}"]`) });
  const text = (await group.textContent()) ?? '';
  for (const s of [OFFICER, OFFICER2, 'tablet-north', 'tablet-south', point.name]) expect(text).toContain(s);
  const ids = await db.pool.query<{ n: string }>(
    `SELECT p.national_id AS n FROM household_member m JOIN person p ON p.id = m.person_id WHERE m.household_id = $1 AND p.national_id IS NOT NULL`,
    [c.householdId],
  );
  for (const { n } of ids.rows) expect(text).not.toContain(n);
  expect(await axe(), `conflicts (${lang})`).toEqual([]);
  if (lang === 'ar')
    await screenshots(page, 'after-conflicts', (l) => page.getByRole('heading', { name: WORDS[l].conflictsTitle, level: 1 }).waitFor());
  // Arabic: the second device's hand-over stands instead; English: the first stands, the other was due
  const chosen = lang === 'ar' ? c.south : c.north;
  const reason = lang === 'ar' ? 'أكد المشرف أن الجهاز الأول سجّل البطاقة خطأً' : 'Both officers confirmed the first hand-over';
  await group.getByLabel(w.standsThis(fmt(lang, lang === 'ar' ? 2 : 1))).check();
  await group.getByLabel(w.others).check();
  await group.getByLabel(w.reason).fill(reason);
  await group.getByRole('button', { name: w.submit }).click();
  await page.getByText(w.done).waitFor();
  await page.locator('.conflicts-count').getByText(w.countAfter).waitFor();
  const rows = (await db.pool.query('SELECT id, status, review FROM redemption WHERE entitlement_id = $1', [c.entitlementId])).rows;
  expect(rows.find((r) => r.id === chosen)).toMatchObject({ status: 'standing', review: null });
  expect(rows.find((r) => r.id !== chosen)).toMatchObject({
    status: 'conflict',
    review: lang === 'ar' ? 'duplicate_confirmed' : 'accepted',
  });
  const logged = await db.pool.query("SELECT reason FROM change_log WHERE entity = 'redemption' AND action = 'review' AND reason = $1", [
    reason,
  ]);
  expect(logged.rowCount).toBeGreaterThan(0);
}

/** The reconciliation's item table against SQL on the same tables. */
async function reconciliation(lang: Lang) {
  const w = WORDS[lang];
  await nav(w.recon);
  for (const code of ['food_parcel', 'hygiene_kit']) {
    const p = [cycleId, code];
    const entitled = await sql(
      'SELECT sum(e.quantity) AS n FROM entitlement e JOIN aid_item i ON i.id = e.item_id WHERE e.cycle_id = $1 AND i.code = $2',
      p,
    );
    const distributed = await sql(
      'SELECT coalesce(sum(r.quantity), 0) AS n FROM redemption r JOIN aid_item i ON i.id = r.item_id WHERE r.cycle_id = $1 AND i.code = $2',
      p,
    );
    const dispatched = await sql(
      "SELECT coalesce(sum(m.quantity), 0) AS n FROM stock_movement m JOIN aid_item i ON i.id = m.item_id WHERE m.cycle_id = $1 AND i.code = $2 AND m.kind = 'dispatch'",
      p,
    );
    const row = page.locator(`table[data-table="items"] tr[data-row="${code}"] td`);
    await row.first().waitFor();
    const cells = await row.allTextContents();
    expect(cells.slice(0, 3)).toEqual([fmt(lang, entitled), fmt(lang, distributed), fmt(lang, dispatched)]);
  }
  expect(await page.locator('.grouped-chart svg').count()).toBe(2);
  expect(await axe(), `reconciliation (${lang})`).toEqual([]);
  if (lang === 'ar')
    await screenshots(page, 'after-reconciliation', (l) => page.getByRole('heading', { name: WORDS[l].recon, level: 1 }).waitFor());
}

/** Whether each hashtag of the report's description is drawn left to right on screen. */
function hashtagOrder(): Promise<string[]> {
  return page.evaluate(`(() => {
    const p = [...document.querySelectorAll('section p')].find((e) => e.textContent.includes('#adm1'));
    const t = p.firstChild;
    const s = t.textContent;
    const r = document.createRange();
    const x = (k) => { r.setStart(t, k); r.setEnd(t, k + 1); return r.getBoundingClientRect().x; };
    return ['#adm1', '#adm2', '+code'].map((tag) => { const i = s.indexOf(tag); return tag + (x(i) < x(i + 1) ? ' ltr' : ' reversed'); });
  })()`);
}

/** The 3W/5W report downloaded and read back: hashtags, and households reached per governorate and item against SQL. */
async function report(lang: Lang) {
  const w = WORDS[lang];
  await nav(w.reports);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.download }).click()]);
  const file = path.join(dataDir, download.suggestedFilename());
  await download.saveAs(file);
  let rows: string[][];
  if (file.endsWith('.csv')) {
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    rows = parse(text.slice(1)) as string[][];
  } else {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    rows = [];
    const sheet = book.worksheets[0]!;
    const width = sheet.getRow(1).cellCount;
    sheet.eachRow((r) => rows.push(Array.from({ length: width }, (_, i) => String(r.getCell(i + 1).value ?? ''))));
  }
  const tags = rows[1]!;
  for (const tag of ['#adm1+code', '#adm2+code', '#adm2+name', '#reached+hh']) expect(tags).toContain(tag);
  const [gov, item, reached] = ['#adm2+code', '#item+name', '#reached+hh'].map((t) => tags.indexOf(t)) as [number, number, number];
  const data = rows.slice(2);
  expect(data.length).toBeGreaterThan(0);
  for (const r of data) {
    const n = await sql(
      `SELECT count(DISTINCT r.household_id) AS n FROM redemption r JOIN aid_item i ON i.id = r.item_id
       JOIN cycle_household ch ON ch.cycle_id = r.cycle_id AND ch.household_id = r.household_id
       WHERE r.cycle_id = $1 AND r.status = 'standing' AND ch.governorate = $2 AND i.code = $3`,
      [cycleId, r[gov], r[item]],
    );
    expect(Number(r[reached]), `${r[gov]} ${r[item]}`).toBe(n);
  }
  await page.getByText(download.suggestedFilename()).waitFor();
  expect(await axe(), `reports (${lang})`).toEqual([]);
  // the HXL hashtags in the Arabic sentence read left to right (isolated), "#" before "adm"
  if (lang === 'ar') expect(await hashtagOrder()).toEqual(['#adm1 ltr', '#adm2 ltr', '+code ltr']);
  if (lang === 'ar')
    await screenshots(page, 'after-reports', (l) => page.getByRole('heading', { name: WORDS[l].reports, level: 1 }).waitFor());
}

describe.skipIf(!run)('after distribution: stock, conflicts, reconciliation, 3W (distribution officer)', () => {
  test('in Arabic on a phone', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, OFFICER, PASSWORD);
    await stock('ar', { code: 'food_parcel', name: 'طرد غذائي' }, 100, 30);
    await review('ar', 0);
    await reconciliation('ar');
    await report('ar');
  }, 400_000);

  test('in English on a phone', async () => {
    await setLang(page, 'en');
    await stock('en', { code: 'hygiene_kit', name: 'حقيبة نظافة' }, 20, 10);
    await review('en', 1);
    await reconciliation('en');
    await report('en');
    await setLang(page, 'ar');
  }, 400_000);

  test('no personal data travels in a URL', () => {
    expect(urls.filter((u) => /national|name=|token=/i.test(new URL(u).search))).toEqual([]);
  });
});
