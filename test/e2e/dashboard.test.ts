// End to end: the dashboard as an analyst (aggregate-only) sees it, in Debian's chromium against a
// real server, on a 360 px phone, in Arabic (right to left) and then in English. Seeded synthetic
// registry (`sanad seed`, with displacements); an administrator sets up, through the API, a
// programme that entitles only displaced households, generates a cycle and hands out aid to a few
// of them. Each figure is then computed independently with SQL on the raw tables (members valid at
// the cut-off date, latest displacements) and compared with what the API answers and what the
// screen shows: coverage (people reached of the people the cycle targeted, not of the registry),
// the totals registered in / living in, the governorate names on the map. Screenshots saved.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { governorates } from '../../src/places/governorates.ts';
import { dash2Ar } from '../../web/src/i18n/parts/dash2.ar.ts';
import { dash2En } from '../../web/src/i18n/parts/dash2.en.ts';
import type { TestDb } from '../support/db.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage, SCREENSHOTS, sanad } from './support.ts';
import { screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const ADMIN = 'admin.dash';
const ANALYST = 'analyst.dash';
const run = browserAvailable();
const REDEEMED = 8;

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let cycleId = '';
let smallSite = { id: '', people: 0 };
let analystSession: Promise<ReturnType<typeof apiCaller>> | undefined;
/** The analyst's API session, signed in once for the file (each sign-in takes a second-factor code). */
const analystApi = () => (analystSession ??= apiSignIn(server.url, ANALYST, PASSWORD).then((token) => apiCaller(server.url, token)));
const pageErrors: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-dash-'));

const rows = async <T extends object>(sql: string, params: unknown[] = []) =>
  (await db.pool.query<T & import('pg').QueryResultRow>(sql, params)).rows;

/** A programme for displaced households only, a generated cycle, and aid handed out to REDEEMED of them. */
async function setUp(): Promise<void> {
  const call = apiCaller(server.url, await apiSignIn(server.url, ADMIN, PASSWORD));
  await call('POST', '/api/v1/aid/items', { code: 'hygiene_kit', name: 'حقيبة نظافة', unit: 'حقيبة', sector: 'hygiene' });
  const programme = await call('POST', '/api/v1/aid/programmes', {
    name: 'حقائب للنازحين (تجريبي)',
    sector: 'hygiene',
    rules: [{ item: 'hygiene_kit', when: { displaced: true }, quantity: { base: 1 } }],
  });
  for (const g of governorates) await call('POST', '/api/v1/aid/points', { name: `نقطة ${g.nameAr}`, governorate: g.pcode });
  cycleId = (await call('POST', `/api/v1/aid/programmes/${programme.id}/cycles`, { cutoffDate: new Date().toISOString().slice(0, 10) })).id;
  await call('POST', `/api/v1/aid/cycles/${cycleId}/generate`);
  const entitled = await rows<{ id: string; household_id: string; point_id: string }>(
    'SELECT id, household_id, point_id FROM entitlement WHERE cycle_id = $1 ORDER BY household_id LIMIT $2',
    [cycleId, REDEEMED],
  );
  expect(entitled.length).toBe(REDEEMED);
  for (const e of entitled) {
    const card = await call('POST', '/api/v1/aid/cards', { householdId: e.household_id });
    const r = await call('POST', '/api/v1/aid/redemptions', {
      id: crypto.randomUUID(),
      entitlementId: e.id,
      card: card.token,
      pointId: e.point_id,
    });
    expect(r.status).toBe('standing');
  }
  // a shelter for one person (3.5 m2) where a household of 2 to 4 people moved: over capacity, and small
  const site = await call('POST', '/api/v1/sites', {
    kind: 'school',
    name: 'مدرسة الصغيرة (تجريبي)',
    governorate: 'PS0260',
    coveredAreaM2: 3.5,
  });
  const small = (
    await rows<{ id: string; n: number }>(
      `SELECT h.id, count(*)::int AS n FROM household h JOIN household_member m ON m.household_id = h.id AND m.valid_to IS NULL
        GROUP BY h.id HAVING count(*) BETWEEN 2 AND 4 ORDER BY h.id LIMIT 1`,
    )
  )[0]!;
  smallSite = { id: site.id, people: small.n };
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await call('POST', `/api/v1/households/${small.id}/displacements`, { date: yesterday, toSite: site.id, reason: 'hostilities' });
}

/** The figures, computed from the raw tables (not from the cycle snapshot or the code under test). */
async function truth() {
  const members = (households: string) =>
    `SELECT count(*)::int AS n FROM household_member m JOIN aid_cycle c ON c.id = $1
      WHERE m.household_id IN (${households}) AND m.valid_from <= c.cutoff_date AND (m.valid_to IS NULL OR m.valid_to > c.cutoff_date)`;
  const targeted = (await rows<{ n: number }>(members('SELECT household_id FROM entitlement WHERE cycle_id = $1'), [cycleId]))[0]!.n;
  const reached = (
    await rows<{ n: number }>(members("SELECT household_id FROM redemption WHERE cycle_id = $1 AND status = 'standing'"), [cycleId])
  )[0]!.n;
  const registry = (await rows<{ n: number }>('SELECT count(*)::int AS n FROM person'))[0]!.n;
  const living = (
    await rows<{ households: number; people: number; displaced: number }>(
      `SELECT count(*)::int AS households,
              count(*) FILTER (WHERE l.reason IS NOT NULL AND l.reason <> 'return')::int AS displaced,
              sum((SELECT count(*) FROM household_member m WHERE m.household_id = h.id AND m.valid_from <= current_date
                    AND (m.valid_to IS NULL OR m.valid_to > current_date)))::int AS people
         FROM household h
         LEFT JOIN LATERAL (SELECT reason FROM displacement_event d WHERE d.household_id = h.id AND d.event_date <= current_date
                             ORDER BY event_date DESC, recorded_at DESC LIMIT 1) l ON true`,
    )
  )[0]!;
  const registered = (
    await rows<{ people: number; households: number }>(
      'SELECT (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM household)::int AS households',
    )
  )[0]!;
  const byGov = await rows<{ gov: string; registered: number; living: number }>(
    `WITH here AS (
       SELECT h.id, coalesce(l.to_governorate, s.governorate, lo.governorate, h.governorate) AS gov
         FROM household h
         LEFT JOIN LATERAL (SELECT to_governorate, to_site, to_locality FROM displacement_event d WHERE d.household_id = h.id
                             AND d.event_date <= current_date ORDER BY event_date DESC, recorded_at DESC LIMIT 1) l ON true
         LEFT JOIN site s ON s.id = l.to_site
         LEFT JOIN locality lo ON lo.id = l.to_locality)
     SELECT g.pcode AS gov,
            (SELECT count(*) FROM person p WHERE p.governorate = g.pcode)::int AS registered,
            (SELECT count(*) FROM here JOIN household_member m ON m.household_id = here.id AND m.valid_to IS NULL WHERE here.gov = g.pcode)::int AS living
       FROM governorate g ORDER BY g.pcode`,
  );
  const sexes = (
    await rows<{ female: number; male: number }>(
      "SELECT count(*) FILTER (WHERE sex = 'female')::int AS female, count(*) FILTER (WHERE sex = 'male')::int AS male FROM person",
    )
  )[0]!;
  return { targeted, reached, registry, living, registered, byGov, sexes };
}

/** What the analyst may see of a count: exact, or withheld (always when 1 to 4; a larger one only with it). */
function published(seen: number | null, real: number, what: string): void {
  if (seen === null) return;
  expect(seen, what).toBe(real);
  expect(real === 0 || real >= 5, what).toBe(true);
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, 'registrar.dash', 'registration_officer');
    sanad(['seed', '--households', '60', '--seed', '31', '--user', 'registrar.dash', '--no-progress'], env);
    addUser(env, ADMIN, 'administrator');
    addUser(env, ANALYST, 'analyst');
  }));
  await setUp();
  browser = await launch();
  ({ page } = await phonePage(browser, { pageErrors }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const digitsAr = (n: number) => new Intl.NumberFormat('ar-u-nu-arab').format(n);
const digitsEn = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const form = (lang: string, n: number) => (n === 0 ? 'zero' : new Intl.PluralRules(lang).select(n));
const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k]!);

function coverageText(lang: 'ar' | 'en', reached: number, targeted: number): string {
  const d = lang === 'ar' ? digitsAr : digitsEn;
  const dict = (lang === 'ar' ? dash2Ar : dash2En) as Record<string, string>;
  const key = `dash2.reach.text.${form(lang, targeted)}`;
  return fill(dict[key]!, { reached: d(reached), targeted: d(targeted), percent: d(Math.round((reached / targeted) * 100)) });
}

async function mapNames(): Promise<string[]> {
  return page
    .locator('.map-name')
    .evaluateAll((gs) => gs.map((g) => [...g.querySelectorAll('.map-label')].map((s) => s.textContent ?? '').join(' ')));
}

/** The map card and the coverage card alone, at phone width (legible at their real size). */
async function cardShots(lang: 'ar' | 'en'): Promise<void> {
  for (const [name, id] of [
    ['map', 'dash-map'],
    ['reach', 'dash-reach'],
    ['totals', 'dash-living'],
  ] as const)
    await page
      .locator(`section[aria-labelledby="${id}"]`)
      .screenshot({ path: path.join(SCREENSHOTS, `dashboard-${name}-${lang}-phone.png`) });
}

/** The bars say, per governorate, the people registered in it and living in it, as the API counts them (English). */
async function barsMatch(byGov: { gov: string; living: number }[]): Promise<void> {
  const call = await analystApi();
  const stats = (await call('GET', '/api/v1/stats/governorates')).items as {
    governorate: string;
    people: number | null;
    livingPeople: number | null;
  }[];
  const people = (n: number | null) =>
    n === null ? '<5 people' : fill(dash2En[`dash2.people.${form('en', n)}` as keyof typeof dash2En], { count: digitsEn(n) });
  for (const [n, g] of byGov.entries()) {
    const row = page.locator(`table.bars tr[data-governorate="${g.gov}"]`);
    expect(await row.locator('td[data-col="people"] .bar-value').textContent()).toBe(people(stats[n]!.people));
    expect(await row.locator('td[data-col="livingPeople"] .bar-value').textContent()).toBe(people(stats[n]!.livingPeople));
    if (stats[n]!.livingPeople !== null) expect(stats[n]!.livingPeople).toBe(g.living);
  }
}

describe.skipIf(!run)('the dashboard, as an analyst, end to end', () => {
  test('the API answers the figures computed independently with SQL', async () => {
    const want = await truth();
    expect(want.targeted).toBeGreaterThan(0);
    expect(want.targeted).toBeLessThan(want.registry); // the cycle targets the displaced, not the registry
    expect(want.reached).toBeGreaterThanOrEqual(REDEEMED);
    const call = await analystApi();
    const reach = (await call('GET', '/api/v1/stats/reach')).cycles.find((c: { id: string }) => c.id === cycleId);
    expect(reach.targeted.people).toBe(want.targeted);
    expect(reach.reached.people).toBe(want.reached);
    const stats = await call('GET', '/api/v1/stats/governorates');
    expect(stats.totals).toMatchObject({
      people: want.registered.people,
      households: want.registered.households,
      livingPeople: want.living.people,
      livingHouseholds: want.living.households,
      displacedHouseholds: want.living.displaced,
    });
    expect(stats.totals).toMatchObject({ female: want.sexes.female, male: want.sexes.male });
    expect(stats.items.map((i: { governorate: string }) => i.governorate)).toEqual(want.byGov.map((g) => g.gov));
    want.byGov.forEach((g, n) => {
      published(stats.items[n].people, g.registered, `${g.gov} registered in`);
      published(stats.items[n].livingPeople, g.living, `${g.gov} living in`);
      if (g.registered > 0 && g.registered < 5) expect(stats.items[n].people).toBeNull();
      if (g.living > 0 && g.living < 5) expect(stats.items[n].livingPeople).toBeNull();
    });
    // people moved: living in differs from registered in somewhere
    expect(want.byGov.some((g) => g.living !== g.registered)).toBe(true);
  }, 60_000);

  test('the site over capacity: exact for the administrator, withheld for the analyst', async () => {
    const call = await analystApi();
    const seen = (await call('GET', '/api/v1/sites/capacity')).sites.find((x: { site: { id: string } }) => x.site.id === smallSite.id);
    expect(seen).toMatchObject({ people: null, households: null, overBy: null, capacity: 1, kcalNeededPerDay: null });
    const admin = apiCaller(server.url, await apiSignIn(server.url, ADMIN, PASSWORD));
    const exact = (await admin('GET', '/api/v1/sites/capacity')).sites.find((x: { site: { id: string } }) => x.site.id === smallSite.id);
    expect(exact).toMatchObject({ people: smallSite.people, households: 1, overBy: smallSite.people - 1, capacity: 1 });
  }, 60_000);

  test('Arabic at 360 px: coverage equals the SQL figure; counts say registered in / living in; the map names the governorates', async () => {
    const want = await truth();
    await page.goto(server.url);
    await signIn(page, ANALYST, PASSWORD);
    await page.getByRole('heading', { name: 'لوحة المتابعة', level: 1 }).waitFor();
    const cover = page.locator(`[data-cycle="${cycleId}"] .reach-text`);
    await cover.waitFor();
    expect(await cover.textContent()).toBe(coverageText('ar', want.reached, want.targeted));
    await page.getByRole('heading', { name: 'مسجّلون في محافظاتك' }).waitFor();
    await page.getByRole('heading', { name: 'يقيمون الآن في محافظاتك' }).waitFor();
    expect(await page.locator('[data-total="livingPeople"] .total-value').textContent()).toBe(digitsAr(want.living.people));
    expect(await page.locator('[data-total="people"] .total-value').textContent()).toBe(digitsAr(want.registered.people));
    expect(await page.locator('[data-total="households"]').textContent()).toContain(
      fill(dash2Ar[`dash2.households.${form('ar', want.registered.households)}` as keyof typeof dash2Ar], {
        count: digitsAr(want.registered.households),
      }),
    );
    await page.locator('.map-name').first().waitFor();
    expect((await mapNames()).sort()).toEqual(governorates.map((g) => g.nameAr).sort());
    // the site over capacity: its people withheld from the analyst, its capacity shown
    const capacity = page.locator('[data-chart="capacity"]');
    await capacity.locator('text.meter-chart-text').first().waitFor();
    expect(await capacity.locator('text.meter-chart-text').allTextContents()).toContain('أقل من ٥ أفراد لسعة ١: أقل من ٥ فوق السعة');
    await page.getByRole('heading', { name: 'مفتاح الخريطة' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // the map names are drawn at a readable size on the phone
    const size = await page
      .locator('.map-name .map-label')
      .first()
      .evaluate((e) =>
        Number.parseFloat(
          (globalThis as unknown as { getComputedStyle: (x: unknown) => { fontSize: string } }).getComputedStyle(e).fontSize,
        ),
      );
    expect(size).toBeGreaterThanOrEqual(12);
    await cardShots('ar');
    await screenshots(page, 'dashboard-coverage', async () => {
      await page.locator('.map-name').first().waitFor();
    });
  }, 180_000);

  test('English: the same coverage, labels and names', async () => {
    const want = await truth();
    await setLang(page, 'en');
    await page.getByRole('heading', { name: 'Registered in your governorates' }).waitFor();
    await page.getByRole('heading', { name: 'Living in your governorates now' }).waitFor();
    expect(await page.locator(`[data-cycle="${cycleId}"] .reach-text`).textContent()).toBe(coverageText('en', want.reached, want.targeted));
    expect((await mapNames()).sort()).toEqual(governorates.map((g) => g.nameEn).sort());
    await barsMatch(want.byGov);
    expect(await page.locator('[data-total="livingHouseholds"] .total-value').textContent()).toBe(digitsEn(want.living.households));
    await cardShots('en');
    // the map shows people registered in each governorate on request
    await page.getByLabel('Registered in', { exact: true }).check();
    await page.getByRole('heading', { name: 'Map of the governorates: people registered in each' }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
