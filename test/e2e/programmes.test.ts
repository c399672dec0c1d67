// End to end: a distribution officer sets up a programme in the web app, from seeded (synthetic)
// households. In Arabic on a 360 px phone, then in English: add an item, define a programme with
// the rule editor (form fields, no JSON), preview how many households the rules select (the same
// count the API gives), save it, open a cycle with a cut-off date, generate it and read its
// entitlement count (the same the database holds). Screenshots to docs/screenshots/programmes-*.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage, SCREENSHOTS, screenshots } from './support.ts';
import { seedForDistribution, serveFresh, type Server, setLang, signIn } from './support.ts';

const USER = 'programmes.e2e';
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A and AA violations on the page now (rule ids and where). */
async function violations(): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.addScriptTag({ content: AXE });
  return page.evaluate<string[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => v.id + ' ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`,
  );
}
const run = browserAvailable();

const WORDS = {
  ar: {
    nav: 'البرامج',
    title: 'البرامج والمواد',
    newItem: 'مادة جديدة',
    code: 'الرمز',
    name: 'الاسم',
    unit: 'الوحدة',
    addItem: 'أضف المادة',
    itemAdded: 'أُضيفت المادة.',
    newProg: 'برنامج جديد',
    progName: 'اسم البرنامج',
    addRule: 'أضف قاعدة',
    item: 'المادة',
    minSize: 'أقل حجم للأسرة',
    base: 'لكل أسرة',
    perPerson: 'لكل فرد',
    preview: 'معاينة',
    save: 'احفظ البرنامج',
    saved: 'حُفظ البرنامج.',
    openCycle: 'افتح الدورة',
    cycle1: 'الدورة ١',
    generate: 'ولّد قائمة الاستحقاقات',
    rulesForm: 'قواعد البرنامج',
    saveRules: 'احفظ القواعد',
    rulesSaved: 'حُفظت القواعد.',
    digits: (n: number) => n.toLocaleString('ar-EG', { useGrouping: false }),
  },
  en: {
    nav: 'Programmes',
    title: 'Programmes and items',
    newItem: 'New item',
    code: 'Code',
    name: 'Name',
    unit: 'Unit',
    addItem: 'Add the item',
    itemAdded: 'Item added.',
    newProg: 'New programme',
    progName: 'Programme name',
    addRule: 'Add a rule',
    item: 'Item',
    minSize: 'Smallest household size',
    base: 'Per household',
    perPerson: 'Per person',
    preview: 'Preview',
    save: 'Save the programme',
    saved: 'Programme saved.',
    openCycle: 'Open the cycle',
    cycle1: 'Cycle 1',
    generate: 'Generate the entitlement list',
    rulesForm: 'The programme’s rules',
    saveRules: 'Save the rules',
    rulesSaved: 'Rules saved.',
    digits: (n: number) => String(n),
  },
};

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let token: string;
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-prog-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => seedForDistribution(env, { seed: 23, officers: [USER] })));
  token = await apiSignIn(server.url, USER, PASSWORD);
  browser = await launch();
  ({ page } = await phonePage(browser, { urls, bypassCSP: true })); // axe-core is injected inline
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const label = (s: string) => new RegExp(`^${s}`);

async function addItem(lang: 'ar' | 'en', code: string, name: string, unit: string) {
  const w = WORDS[lang];
  const form = page.getByRole('form', { name: w.newItem });
  await form.getByLabel(label(w.code)).fill(code);
  await form.getByLabel(label(w.name)).fill(name);
  await form.getByLabel(label(w.unit)).fill(unit);
  await form.getByRole('button', { name: w.addItem }).click();
  await form.getByText(w.itemAdded).waitFor();
}

/** One rule with the editor: the item, households of at least `minSize`, a base and a per-person amount. */
async function defineAndPreview(lang: 'ar' | 'en', p: { name: string; item: string; minSize: number }) {
  const w = WORDS[lang];
  const form = page.getByRole('form', { name: w.newProg });
  await form.getByLabel(label(w.progName)).fill(p.name);
  await form.getByRole('button', { name: w.addRule }).click();
  await form.getByLabel(label(w.item)).selectOption({ label: `${p.item} (kit)` });
  await form.getByLabel(label(w.minSize)).fill(w.digits(p.minSize));
  await form.getByLabel(label(w.base)).fill(w.digits(1));
  await form.getByLabel(label(w.perPerson)).fill(lang === 'ar' ? '٠٫٥' : '0.5');
  await form.locator('summary', { hasText: lang === 'ar' ? 'المحافظات' : 'Governorates' }).click(); // the folded choices open
  await form.getByRole('button', { name: w.preview }).click();
  const out = form.locator('output.preview');
  await out.waitFor();
  expect(await violations(), `editor ${lang}`).toEqual([]);
  return out;
}

async function programme(lang: 'ar' | 'en', code: string, itemName: string, progName: string) {
  const w = WORDS[lang];
  await page.getByRole('link', { name: w.nav, exact: true }).click();
  await page.getByRole('heading', { name: w.title }).waitFor();
  await addItem(lang, code, itemName, 'kit');
  const out = await defineAndPreview(lang, { name: progName, item: itemName, minSize: 3 });
  // The preview says what the API says for the same rule: households selected out of all.
  const rules = [{ item: code, when: { minSize: 3 }, quantity: { base: 1, perPerson: 0.5, rounding: 'none' } }];
  const want = (await apiCaller(server.url, token)('POST', '/api/v1/aid/programmes/preview', { rules })) as {
    households: number;
    selected: number;
  };
  expect(want.households).toBe(40);
  expect(want.selected).toBeGreaterThan(0);
  expect(want.selected).toBeLessThan(40);
  await expect.poll(() => out.textContent()).toContain(w.digits(want.households));
  expect(await out.textContent()).toContain(w.digits(want.selected));
  if (lang === 'ar')
    await screenshots(page, 'programmes-editor', (l) =>
      page.getByRole('form', { name: WORDS[l].newProg }).locator('output.preview').waitFor(),
    );
  const form = page.getByRole('form', { name: w.newProg });
  await form.getByRole('button', { name: w.save }).click();
  await form.getByText(w.saved).waitFor();
  await page.getByRole('link', { name: progName }).click();
  await page.getByRole('heading', { name: progName }).waitFor();
  const saved = await db.pool.query('SELECT id, rules FROM programme WHERE name = $1', [progName]);
  expect(saved.rows[0].rules[0]).toMatchObject({ item: code, when: { minSize: 3 }, quantity: { base: 1, perPerson: 0.5 } });
  return { id: saved.rows[0].id as string, selected: want.selected };
}

async function cycle(lang: 'ar' | 'en', programmeId: string, selected: number, itemName: string) {
  const w = WORDS[lang];
  await page.getByRole('button', { name: w.openCycle }).click();
  const row = page.locator('li.cycle', { hasText: w.cycle1 });
  await row.waitFor();
  await row.getByRole('button', { name: w.generate }).click();
  await row.locator('.cycle-count').waitFor();
  const n = await db.pool.query(
    'SELECT count(*)::int AS n, count(DISTINCT e.household_id)::int AS h FROM entitlement e JOIN aid_cycle c ON c.id = e.cycle_id WHERE c.programme_id = $1',
    [programmeId],
  );
  expect(n.rows[0].h).toBe(selected);
  expect(n.rows[0].n).toBe(selected); // one item: one entitlement per household
  expect(await violations(), `cycles ${lang}`).toEqual([]);
  // the item's total: its name and unit isolated from the text around them
  await expect.poll(() => row.locator('.cycle-totals li bdi').allTextContents()).toEqual([itemName, 'kit']);
  await expect.poll(() => row.locator('.cycle-count').textContent()).toContain(w.digits(n.rows[0].n));
  if (lang === 'ar') await screenshots(page, 'programmes-cycle', () => page.locator('li.cycle .cycle-count').waitFor());
}

/** The saved rule in the same editor on the programme's page: the smallest size changed and saved (a new version). */
async function editRules(lang: 'ar' | 'en', programmeId: string) {
  const w = WORDS[lang];
  const form = page.getByRole('form', { name: w.rulesForm });
  const minSize = form.getByLabel(label(w.minSize));
  expect(await minSize.inputValue()).toBe('3');
  await minSize.fill(w.digits(2));
  await form.getByRole('button', { name: w.saveRules }).click();
  await form.getByText(w.rulesSaved).waitFor();
  const p = await db.pool.query('SELECT version, rules FROM programme WHERE id = $1', [programmeId]);
  expect([p.rows[0].version, p.rows[0].rules[0].when]).toEqual([2, { minSize: 2 }]);
}

describe.skipIf(!run)('programmes: an item, a programme with the rule editor, its preview, a cycle (distribution officer)', () => {
  test('in Arabic on a phone', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, USER, PASSWORD);
    await page.getByRole('link', { name: WORDS.ar.nav, exact: true }).waitFor();
    const p = await programme('ar', 'hygiene_kit_ar', 'حقيبة نظافة', 'برنامج النظافة');
    await cycle('ar', p.id, p.selected, 'حقيبة نظافة');
    await editRules('ar', p.id);
  }, 300_000);

  test('in English on a phone', async () => {
    await setLang(page, 'en');
    const p = await programme('en', 'hygiene_kit_en', 'Hygiene kit', 'Hygiene programme');
    await cycle('en', p.id, p.selected, 'Hygiene kit');
    await editRules('en', p.id);
    await setLang(page, 'ar');
  }, 300_000);

  test('no programme or item name travels in a URL', () => {
    expect(urls.filter((u) => u.includes('Hygiene') || u.includes(encodeURIComponent('حقيبة')))).toEqual([]);
  });
});
