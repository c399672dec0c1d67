// End to end: the duplicate review queue and the dashboard charts, in Debian's chromium against a
// real `sanad serve` on a real PostgreSQL database. A registration officer registers a household,
// then registers the same man again with other spellings and no ID number: the form warns while
// typing, the officer saves anyway; `sanad dedupe` (the real path into the queue) puts the pair in
// the review queue; a caseworker opens it, sees both records side by side with the evidence per
// field, decides "same person" and undoes it, checked in the database each time. A registration
// officer has no review entry and the API refuses the queue. The dashboard shows people reached
// by aid and sites over capacity (data made through the API). Screenshots of the new screens in
// Arabic and English at phone and desktop widths (SANAD_SCREENSHOTS=1 writes docs/screenshots).
// Every name here is invented.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nationalIdCheckDigit } from '../../src/registry/nationalId.ts';
import type { TestDb } from '../support/db.ts';
import { addUser, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, PHONE, phonePage, sanad, SCREENSHOTS } from './support.ts';
import { screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const REGISTRAR = 'registrar.review';
const CASEWORKER = 'caseworker.review';
const ANALYST = 'analyst.review';
const DISTRIBUTOR = 'distributor.review';
const MANAGER = 'manager.review';
const id8 = '40318256';
const NATIONAL_ID = id8 + String(nationalIdCheckDigit(id8));
// The same invented man twice: hamza and taa marbuta dropped the second time, the year of birth
// only, no ID number.
const FIRST = { given: 'أسامة', father: 'خليل', grandfather: 'إبراهيم', family: 'الحلو', dob: '1979-02-11' };
const AGAIN = { given: 'اسامه', father: 'خليل', grandfather: 'ابراهيم', family: 'الحلو', dob: '1979' };
const fullName = (p: typeof FIRST) => `${p.given} ${p.father} ${p.grandfather} ${p.family}`;
const PERSONAL = [NATIONAL_ID, ...[FIRST.given, AGAIN.given, FIRST.family].flatMap((s) => [s, encodeURIComponent(s)])];
const arabic = (n: number) => new Intl.NumberFormat('ar-u-nu-arab').format(n);

const run = browserAvailable();

// The state, the start and the end of this file's run; the tests follow in groups of steps.
let db: TestDb;
let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-review-'));
const settingsFile = path.join(dataDir, 'review-every-pair.json');
let env: NodeJS.ProcessEnv;
let registrar: Page;
let caseworker: Page;
let candidateId = '';

beforeAll(async () => {
  if (!run) return;
  ({ db, server, env } = await serveFresh(dataDir, (env) => {
    for (const [username, role] of [
      [REGISTRAR, 'registration_officer'],
      [CASEWORKER, 'caseworker'],
      [ANALYST, 'analyst'],
      [DISTRIBUTOR, 'distribution_officer'],
      [MANAGER, 'site_manager'],
    ]) {
      addUser(env, username!, role!);
    }
    sanad(['seed', '--households', '60', '--seed', '11', '--user', REGISTRAR, '--no-progress'], env);
    sanad(['dedupe', '--user', CASEWORKER, '--no-progress'], env); // fits the model the check while typing uses
    // An organisation that wants a person to look at every likely pair: nothing linked automatically
    // below a match probability of 1 - 1e-12 (the upper threshold must stay below 1).
    fs.writeFileSync(settingsFile, JSON.stringify({ thresholds: { upper: 0.999999999999, lower: 0.5 } }));
  }));
  browser = await launch();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

async function open(username: string): Promise<Page> {
  const { ctx, page: p } = await phonePage(browser, { urls });
  contexts.push(ctx);
  await p.goto(server.url);
  await signIn(p, username, PASSWORD);
  return p;
}

async function fillPerson(page: Page, p: typeof FIRST, nationalId?: string) {
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'بيانات الفرد' }) });
  await form.getByLabel('الاسم الأول').fill(p.given);
  await form.getByLabel('اسم الأب').fill(p.father);
  await form.getByLabel('اسم الجد').fill(p.grandfather);
  await form.getByLabel('اسم العائلة').fill(p.family);
  await form.getByText('ذكر', { exact: true }).click();
  await form.getByLabel('تاريخ الميلاد').fill(p.dob);
  if (nationalId) await form.getByLabel('رقم الهوية').fill(nationalId);
  await form.getByLabel('محافظة التسجيل').selectOption('PS0260');
  return form;
}

async function registerHousehold(page: Page) {
  await page.getByRole('button', { name: 'احفظ الأسرة' }).click();
  await page.getByRole('heading', { name: 'الأسرة', exact: true }).waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/households\/[0-9a-f-]{36}$/);
}

const personId = async (name: string) =>
  (await db.pool.query<{ id: string }>('SELECT id FROM person WHERE full_name = $1', [name])).rows.map((r) => r.id);
const candidate = async () =>
  (
    await db.pool.query<{ status: string; decided_by: string | null }>('SELECT status, decided_by FROM match_candidate WHERE id = $1', [
      candidateId,
    ])
  ).rows[0]!;
const activeLinks = async () =>
  (
    await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM person_link WHERE candidate_id = $1 AND undone_at IS NULL', [
      candidateId,
    ])
  ).rows[0]!.n;
const userId = async (username: string) =>
  (await db.pool.query<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [username])).rows[0]!.id;

/** Steps 1 to 3: the registrar registers a man, then the same man spelled differently (warned while typing, saved anyway). */
async function registerTheSameManTwice(): Promise<[string, string]> {
  // 1. A registration officer registers a household.
  registrar = await open(REGISTRAR);
  await registrar.getByRole('link', { name: 'تسجيل جديد' }).click();
  await registrar.getByRole('heading', { name: 'تسجيل أسرة جديدة' }).waitFor();
  await registrar.getByLabel('محافظة تسجيل الأسرة').selectOption('PS0260');
  let form = await fillPerson(registrar, FIRST, NATIONAL_ID);
  await form.getByRole('button', { name: 'أضف الفرد' }).click();
  await registrar.getByText('الأفراد المضافون (١)').waitFor();
  await registerHousehold(registrar);

  // 2. The same man again, spelled differently, year of birth only, no ID: the form warns while typing.
  await registrar.getByRole('link', { name: 'تسجيل جديد' }).click();
  await registrar.getByRole('heading', { name: 'تسجيل أسرة جديدة' }).waitFor();
  await registrar.getByLabel('محافظة تسجيل الأسرة').selectOption('PS0260');
  form = await fillPerson(registrar, AGAIN);
  await form.getByText('قد يكون هذا الشخص مسجّلاً من قبل:').waitFor();
  await form.locator('.matches li', { hasText: fullName(FIRST) }).waitFor();
  // 3. Saved anyway (the officer cannot be sure; the review queue decides).
  await form.getByRole('button', { name: 'أضف الفرد' }).click();
  await registrar.getByText('الأفراد المضافون (١)').waitFor();
  await registerHousehold(registrar);
  const [a, ...others] = await personId(fullName(FIRST));
  const [b, ...more] = await personId(fullName(AGAIN));
  expect(a && b).toBeTruthy();
  expect([...others, ...more]).toEqual([]);
  expect((await db.pool.query('SELECT count(*)::int AS n FROM match_candidate WHERE $1 IN (person_a, person_b)', [b])).rows[0].n).toBe(0); // nothing yet: saving does not queue
  return [a!, b!];
}

/** Aid through the API: two programmes, a cycle each, part of the households served. */
async function distribute(): Promise<void> {
  const token = await apiSignIn(server.url, DISTRIBUTOR, PASSWORD);
  const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const r = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await r.json()) as any;
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  await call('POST', '/api/v1/aid/items', { code: 'food_parcel', name: 'Food parcel', unit: 'parcel', sector: 'food' });
  await call('POST', '/api/v1/aid/items', { code: 'hygiene_kit', name: 'Hygiene kit', unit: 'kit', sector: 'hygiene' });
  const govs = (await db.pool.query<{ governorate: string }>('SELECT DISTINCT governorate FROM household ORDER BY 1')).rows.map(
    (r) => r.governorate,
  );
  const points: string[] = [];
  for (const g of govs) points.push((await call('POST', '/api/v1/aid/points', { name: `Point ${g} (synthetic)`, governorate: g })).id);
  const today = new Date().toISOString().slice(0, 10);
  const cards = new Map<string, string>();
  for (const [name, sector, item, share] of [
    ['Food assistance', 'food', 'food_parcel', 0.6],
    ['Hygiene kits', 'hygiene', 'hygiene_kit', 0.3],
  ] as const) {
    const programme = await call('POST', '/api/v1/aid/programmes', { name, sector, rules: [{ item, quantity: { base: 1 } }] });
    const cycle = await call('POST', `/api/v1/aid/programmes/${programme.id}/cycles`, { cutoffDate: today });
    await call('POST', `/api/v1/aid/cycles/${cycle.id}/generate`);
    for (const point of points) {
      const m = await call('GET', `/api/v1/aid/cycles/${cycle.id}/manifest?point=${point}`);
      const ents = m.entitlements as { id: string; householdId: string }[];
      for (const e of ents.slice(0, Math.ceil(ents.length * share))) {
        if (!cards.has(e.householdId))
          cards.set(e.householdId, (await call('POST', '/api/v1/aid/cards', { householdId: e.householdId })).token);
        await call('POST', '/api/v1/aid/redemptions', {
          id: randomUUID(),
          entitlementId: e.id,
          card: cards.get(e.householdId),
          pointId: point,
        });
      }
    }
  }
}

/** A small shelter (8 places by the Sphere standard of 3.5 m² a person) with three households moved in. */
async function crowdSite(): Promise<string> {
  const token = await apiSignIn(server.url, MANAGER, PASSWORD);
  const post = async (url: string, body: unknown) => {
    const r = await fetch(`${server.url}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as any;
  };
  const name = 'مدرسة الكرمل (تجريبي)';
  const site = await post('/api/v1/sites', {
    kind: 'school',
    name,
    governorate: 'PS0270',
    coveredAreaM2: 28,
    toilets: 2,
    waterPoints: 1,
  });
  await post('/api/v1/sites', {
    kind: 'camp',
    name: 'مخيم الريحان (تجريبي)',
    governorate: 'PS0270',
    coveredAreaM2: 5000,
    toilets: 30,
    waterPoints: 5,
  });
  const hh = (
    await db.pool.query<{ id: string }>(
      'SELECT h.id FROM household h JOIN household_member m ON m.household_id = h.id AND m.valid_to IS NULL GROUP BY h.id HAVING count(*) >= 3 ORDER BY h.id LIMIT 3',
    )
  ).rows;
  for (const h of hh)
    await post(`/api/v1/households/${h.id}/displacements`, {
      date: new Date().toISOString().slice(0, 10),
      toSite: site.id,
      reason: 'evacuation_order',
    });
  return name;
}

describe.skipIf(!run)('duplicate review and dashboard charts, end to end (1 of 4)', () => {
  test('register a household; get a duplicate warning and merge from the queue', async () => {
    const [a, b] = await registerTheSameManTwice();

    // 4. `sanad dedupe` fills the review queue.
    const out = sanad(['dedupe', '--user', CASEWORKER, '--settings', settingsFile, '--no-progress'], env);
    expect(out).toMatch(/0 linked automatically/);
    const [x, y] = [a, b].sort();
    const row = (
      await db.pool.query<{ id: string; status: string }>('SELECT id, status FROM match_candidate WHERE person_a = $1 AND person_b = $2', [
        x,
        y,
      ])
    ).rows[0];
    expect(row?.status).toBe('pending');
    candidateId = row!.id;

    // 5. A caseworker opens the queue: the pair is there.
    caseworker = await open(CASEWORKER);
    const nav = caseworker.getByRole('navigation', { name: 'القائمة الرئيسية' });
    await nav.getByRole('link', { name: 'مراجعة التكرار' }).click();
    await caseworker.getByRole('heading', { name: 'مراجعة السجلات المكررة المحتملة' }).waitFor();
    const entry = caseworker.getByRole('link', { name: new RegExp(fullName(AGAIN)) }).filter({ hasText: fullName(FIRST) });
    await entry.waitFor();
    await screenshots(caseworker, 'review-queue', (lang) =>
      caseworker.getByRole('heading', { name: lang === 'ar' ? 'مراجعة السجلات المكررة المحتملة' : 'Possible duplicate records' }).waitFor(),
    );

    // 6. The pair: both records side by side, the evidence per field in words.
    await entry.click();
    await caseworker.getByRole('heading', { name: 'مقارنة سجلين' }).waitFor();
    expect(new URL(caseworker.url()).pathname).toBe(`/review/${candidateId}`);
    const table = caseworker.locator('table.compare');
    const evidence = (field: string) =>
      table.locator('tr', { has: caseworker.getByRole('rowheader', { name: field, exact: true }) }).locator('td.compare-evidence');
    await expect.poll(() => evidence('الاسم الأول').textContent()).toContain('الاسم نفسه بكتابة مختلفة قليلاً'); // hamza and taa marbuta do not count as a difference
    expect(await evidence('اسم الأب').textContent()).toContain('متطابق تماماً');
    await expect.poll(() => evidence('الاسم الأول').textContent()).toContain('يرجّح بقوة أنهما الشخص نفسه');
    expect(await evidence('رقم الهوية').textContent()).toContain('غير مسجّل في أحد السجلين');
    expect(await evidence('الهاتف').textContent()).toContain('غير مسجّل في أيٍّ من السجلين'); // neither record has a phone
    expect(await evidence('تاريخ الميلاد').textContent()).toContain('السنة نفسها، وأحد التاريخين بالسنة فقط');
    expect(await table.locator('tr', { hasText: 'اسم الجد' }).textContent()).toContain(FIRST.grandfather);
    expect(await table.locator('tr', { hasText: 'اسم الجد' }).textContent()).toContain(AGAIN.grandfather);
    await screenshots(caseworker, 'review-pair', (lang) =>
      caseworker.getByRole('heading', { name: lang === 'ar' ? 'مقارنة سجلين' : 'Compare two records' }).waitFor(),
    );

    // 7. Same person: the two records are linked (both kept), recorded with who decided.
    await caseworker.getByRole('button', { name: 'الشخص نفسه', exact: true }).click();
    await caseworker.getByText('قُرّر: الشخص نفسه. رُبط السجلان كشخص واحد، وبقي السجلان كلاهما.').waitFor();
    await caseworker.getByRole('link', { name: 'افتح السجل الأول' }).waitFor();
    expect(await candidate()).toEqual({ status: 'same', decided_by: await userId(CASEWORKER) });
    expect(await activeLinks()).toBe(1);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM person WHERE id = ANY($1::uuid[])', [[a, b]])).rows[0].n).toBe(2);

    // 8. Undo: the link is removed and the pair is back in the queue.
    await caseworker.getByRole('button', { name: 'تراجع عن القرار' }).click();
    await caseworker.getByText('أُلغي القرار. عاد الزوج إلى قائمة المراجعة، والسجلان غير مربوطين.').waitFor();
    expect(await candidate()).toEqual({ status: 'pending', decided_by: null });
    expect(await activeLinks()).toBe(0);

    // 9. Decide again, then undo the last decision from the queue.
    await caseworker.getByRole('button', { name: 'الشخص نفسه', exact: true }).click();
    await caseworker.getByText('قُرّر: الشخص نفسه. رُبط السجلان كشخص واحد، وبقي السجلان كلاهما.').waitFor();
    expect((await candidate()).status).toBe('same');
    await caseworker.getByRole('link', { name: 'قائمة المراجعة' }).click();
    await caseworker.getByText('قرارك الأخير: الشخص نفسه.').waitFor();
    expect(await entry.count()).toBe(0); // decided pairs leave the queue
    await caseworker.getByRole('button', { name: 'تراجع عن القرار' }).click();
    await caseworker.getByText('أُلغي القرار. عاد الزوج إلى قائمة المراجعة، والسجلان غير مربوطين.').waitFor();
    await entry.waitFor();
    expect(await candidate()).toEqual({ status: 'pending', decided_by: null });
    expect(await activeLinks()).toBe(0);

    // Different people, seen under its filter.
    await entry.click();
    await caseworker.getByRole('button', { name: 'شخصان مختلفان' }).click();
    await caseworker.getByText('قُرّر: شخصان مختلفان. لن يُقترح هذا الزوج مرة أخرى.').waitFor();
    expect((await candidate()).status).toBe('different');
    await caseworker.getByRole('link', { name: 'قائمة المراجعة' }).click();
    await caseworker.getByLabel('اعرض').selectOption('different');
    await entry.waitFor();
  }, 300_000);
});

describe.skipIf(!run)('duplicate review and dashboard charts, end to end (2 of 4)', () => {
  test('a registration officer has no review entry, and the API refuses the queue (403)', async () => {
    const nav = registrar.getByRole('navigation', { name: 'القائمة الرئيسية' });
    await nav.getByRole('link', { name: 'البحث' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).not.toContain('مراجعة التكرار');
    await registrar.goto(`${server.url}/review/${candidateId}`);
    await registrar.getByRole('heading', { name: 'دورك لا يسمح بهذا.' }).waitFor();
    const token = await registrar.evaluate<string>("JSON.parse(sessionStorage.getItem('sanad.session')).token");
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${server.url}/api/v1/duplicates`, { headers: auth })).status).toBe(403);
    expect((await fetch(`${server.url}/api/v1/duplicates/${candidateId}`, { headers: auth })).status).toBe(403);
    const decide = await fetch(`${server.url}/api/v1/duplicates/${candidateId}/undo`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(decide.status).toBe(403);
    expect((await candidate()).status).toBe('different');
  }, 60_000);
});

describe.skipIf(!run)('duplicate review and dashboard charts, end to end (3 of 4)', () => {
  test('the dashboard: people reached by aid and the shelters over capacity, as SVG charts with a table', async () => {
    await distribute();
    const crowded = await crowdSite();
    const analyst = await open(ANALYST);
    await analyst.getByRole('heading', { name: 'التغطية: الأفراد الذين وصلتهم المساعدة من المستهدفين' }).waitFor();
    const reach = analyst.locator('section.card', {
      has: analyst.getByRole('heading', { name: 'التغطية: الأفراد الذين وصلتهم المساعدة من المستهدفين' }),
    });
    const capacity = analyst.locator('section.card', { has: analyst.getByRole('heading', { name: 'مواقع إيواء فوق سعتها' }) });
    await reach.locator('svg[role=img]').waitFor();
    await capacity.locator('svg[role=img]').waitFor();

    // Reach: one row per cycle, the figures equal to the database's.
    const truth = (
      await db.pool.query<{ programme: string; t_people: number; r_people: number; r_hh: number }>(
        // targeted: the households the cycle entitled to something (not every household of the snapshot)
        `SELECT p.name AS programme, sum(s.size)::int AS t_people,
              coalesce(sum(s.size) FILTER (WHERE EXISTS (SELECT 1 FROM redemption r WHERE r.cycle_id = c.id AND r.household_id = s.household_id AND r.status = 'standing')), 0)::int AS r_people,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM redemption r WHERE r.cycle_id = c.id AND r.household_id = s.household_id AND r.status = 'standing'))::int AS r_hh
         FROM aid_cycle c JOIN programme p ON p.id = c.programme_id JOIN cycle_household s ON s.cycle_id = c.id
        WHERE EXISTS (SELECT 1 FROM entitlement e WHERE e.cycle_id = c.id AND e.household_id = s.household_id)
        GROUP BY p.name`,
      )
    ).rows;
    expect(truth).toHaveLength(2);
    await reach.getByText('اعرض الأرقام في جدول').click();
    for (const t of truth) {
      expect(t.r_people).toBeGreaterThan(0);
      expect(t.r_people).toBeLessThan(t.t_people);
      const row = reach.locator('tbody tr', { hasText: t.programme });
      const cells = await row.locator('td').allTextContents();
      // reached, targeted, coverage, households reached
      expect([cells[0], cells[1], cells[3]]).toEqual([arabic(t.r_people), arabic(t.t_people), arabic(t.r_hh)]);
      expect(await reach.locator('svg desc').textContent()).toContain(`${arabic(t.r_people)} من ${arabic(t.t_people)} `);
    }
    await reach.getByText('اعرض الأرقام في جدول').click();

    // Capacity: the crowded school is listed with its figures; the large camp is not.
    const people = (
      await db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM household_member m WHERE m.valid_to IS NULL AND m.household_id IN (SELECT household_id FROM displacement_event WHERE to_site = (SELECT id FROM site WHERE name = $1))`,
        [crowded],
      )
    ).rows[0]!.n;
    await capacity.getByText(`${arabic(1)} من موقعين فوق سعتهما`).waitFor();
    const desc = (await capacity.locator('svg desc').textContent()) ?? '';
    expect(desc.startsWith(`${crowded}: ${arabic(people)} `)).toBe(true);
    expect(desc.endsWith(`لسعة ${arabic(8)}: ${arabic(people - 8)} فوق السعة`)).toBe(true);
    expect(await capacity.locator('svg').textContent()).not.toContain('مخيم الريحان');
    await screenshots(analyst, 'dashboard-charts', (lang) =>
      analyst
        .getByRole('heading', {
          name: lang === 'ar' ? 'التغطية: الأفراد الذين وصلتهم المساعدة من المستهدفين' : 'Coverage: people reached of the people targeted',
        })
        .waitFor(),
    );

    // In English, left to right: the bars start on the left; in Arabic, on the right.
    const barStart = async () =>
      analyst.evaluate<number[]>(
        `(() => { const s = document.querySelector('.meter-chart-frame svg'); const r = s.querySelector('.meter-chart-reference'); return [r.getBoundingClientRect().left - s.getBoundingClientRect().left, s.getBoundingClientRect().right - r.getBoundingClientRect().right]; })()`,
      );
    const [leftAr, rightAr] = await barStart();
    expect(rightAr).toBeLessThan(1);
    expect(leftAr).toBeGreaterThanOrEqual(0);
    await setLang(analyst, 'en');
    await analyst.getByRole('heading', { name: 'Coverage: people reached of the people targeted' }).waitFor();
    const [leftEn] = await barStart();
    expect(leftEn).toBeLessThan(1);
    // The tables, opened at phone width, fit too.
    await analyst.setViewportSize(PHONE);
    for (const summary of await analyst.getByText('Show the figures as a table').all()) await summary.click();
    expect(await analyst.locator('details[open] table').count()).toBe(2);
    expect(await analyst.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    for (const summary of await analyst.getByText('Show the figures as a table').all()) await summary.click();
    await setLang(analyst, 'ar');

    // An analyst has no review queue either.
    const nav = analyst.getByRole('navigation', { name: 'القائمة الرئيسية' });
    expect(await nav.getByRole('link').allTextContents()).not.toContain('مراجعة التكرار');
  }, 300_000);
});

describe.skipIf(!run)('duplicate review and dashboard charts, end to end (4 of 4)', () => {
  test('no personal data went into a URL; review pages carry the pair id only', () => {
    expect(urls.filter((u) => PERSONAL.some((p) => u.includes(p)))).toEqual([]);
    const review = urls.filter((u) => new URL(u).pathname.includes('/review') || new URL(u).pathname.startsWith('/api/v1/duplicates'));
    expect(review.length).toBeGreaterThan(0);
    for (const u of review)
      expect(new URL(u).pathname).toMatch(/^(\/review|\/api\/v1\/duplicates)(\/check|\/[0-9a-f-]{36}(\/(decision|undo))?)?$/);
  });
});
