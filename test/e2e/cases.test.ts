// End to end: a child who lost both parents gets a child-protection case that only the case
// supervisor and then the assigned caseworker can see. From a fresh start with seeded (synthetic)
// households, both parents' deaths confirmed by official records (through the API, as a registrar
// would in the app: see lifeEvents.test.ts). In Arabic on a 360 px phone: the supervisor finds the
// case in "My cases", unassigned and due within a day, and assigns it; the caseworker records an
// interim caregiver found in the registry and submits the assessment; another caseworker sees no
// case at all, not even on the child's page. In English: the supervisor approves the assessment.
// Every name here is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, switchUser } from './support.ts';

const REGISTRAR = 'registrar.cases.e2e';
const SUPERVISOR = 'supervisor.cases.e2e';
const WORKER = 'worker.cases.e2e';
const OTHER = 'other.cases.e2e';
const run = browserAvailable();

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let child: { id: string; name: string };
let children: number; // the cases the two deaths opened: one per child left without care
let carer: { id: string; name: string };
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-cases-'));

/** A seeded household with a head, a spouse and a child under 18; and an adult of another household to care for the child. */
async function family() {
  const r = await db.pool.query<{ household_id: string; head: string; spouse: string; child: string; child_name: string }>(
    `SELECT h.household_id, h.person_id AS head, s.person_id AS spouse, c.person_id AS child, p.full_name AS child_name
       FROM household_member h
       JOIN household_member s ON s.household_id = h.household_id AND s.relationship = 'spouse' AND s.valid_to IS NULL
       JOIN household_member c ON c.household_id = h.household_id AND c.relationship IN ('son','daughter') AND c.valid_to IS NULL
       JOIN person p ON p.id = c.person_id AND p.date_of_birth > current_date - interval '17 years'
      WHERE h.relationship = 'head' AND h.valid_to IS NULL
      ORDER BY h.household_id LIMIT 1`,
  );
  const f = r.rows[0]!;
  const a = await db.pool.query<{ id: string; name: string }>(
    `SELECT p.id, p.given_name || ' ' || p.family_name AS name FROM person p JOIN household_member m ON m.person_id = p.id AND m.valid_to IS NULL
      WHERE m.household_id <> $1 AND p.date_of_birth < current_date - interval '30 years' AND p.given_name IS NOT NULL ORDER BY p.id LIMIT 1`,
    [f.household_id],
  );
  return { ...f, carer: a.rows[0]! };
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, REGISTRAR, 'registration_officer');
    addUser(env, SUPERVISOR, 'case_supervisor');
    addUser(env, WORKER, 'caseworker');
    addUser(env, OTHER, 'caseworker');
    sanad(['seed', '--households', '30', '--seed', '23', '--user', REGISTRAR, '--no-progress'], env);
  }));
  const f = await family();
  child = { id: f.child, name: f.child_name };
  const call = apiCaller(server.url, await apiSignIn(server.url, REGISTRAR, PASSWORD));
  for (const id of [f.head, f.spouse])
    await call('POST', `/api/v1/persons/${id}/life-events`, { kind: 'death', source: 'official_record' });
  children = (await db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM case_file WHERE type = 'child_protection'")).rows[0]!.n;
  expect(children).toBeGreaterThanOrEqual(1);
  carer = f.carer;
  browser = await launch();
  ({ page } = await phonePage(browser, { urls }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const as = (user: string, lang: 'ar' | 'en') => switchUser(page, user, lang);

const openMyCase = async (nav: string) => {
  await page.locator('nav').getByRole('link', { name: nav, exact: true }).click();
  const item = page.locator('li.case-item', { hasText: child.name }).first();
  await item.waitFor();
  await item.getByRole('link').click();
};

describe.skipIf(!run)('a child-protection case (case supervisor, caseworker)', () => {
  test('in Arabic on a phone: assigned by the supervisor, an interim caregiver recorded, the assessment submitted; hidden from another caseworker', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await as(SUPERVISOR, 'ar');
    await page.locator('nav').getByRole('link', { name: 'حالاتي', exact: true }).click();
    await expect.poll(() => page.locator('li.case-item').count()).toBe(children);
    const item = page.locator('li.case-item', { hasText: child.name });
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('حماية الطفل');
    expect(text).toContain('حساسة');
    expect(text).toContain('لم تُسند إلى أحد');
    await item.getByRole('link').click();
    await page.getByRole('heading', { name: 'ملف الحالة' }).waitFor();
    await page.getByText('توفي الوالدان.').waitFor();
    await page.getByLabel('إلى', { exact: true }).selectOption({ label: `${WORKER} (باحث حالة)` });
    await page.getByRole('button', { name: 'أسند', exact: true }).click();
    await page.getByText(`المسؤول: \u2068${WORKER}\u2069`).first().waitFor();

    await as(WORKER, 'ar');
    await openMyCase('حالاتي');
    await page.getByText('ابحث عن مقدّم رعاية مؤقت خلال ٢٤ ساعة').waitFor();
    await page.getByRole('textbox', { name: 'ابحث عن مقدّم الرعاية في السجل' }).fill(carer.name);
    await page.getByRole('search').getByRole('button').click();
    await page.getByRole('button', { name: 'اختر' }).first().click();
    await page.getByLabel(/^النص/).fill('الخالة ترعى الطفل مؤقتًا');
    await page.getByRole('button', { name: 'أضف', exact: true }).click();
    await page.locator('.timeline li[data-kind="caregiver"]').waitFor();
    expect(await page.getByText('ابحث عن مقدّم رعاية مؤقت خلال ٢٤ ساعة').count()).toBe(0);
    await page.getByLabel('ما تضيفه').selectOption({ label: 'تقييم' });
    await page.getByLabel(/^النص/).fill('الطفل بصحة جيدة ويحتاج إلى دعم نفسي');
    await page.getByRole('button', { name: 'أضف', exact: true }).click();
    await page.getByText('التقييم بانتظار موافقة المشرف').first().waitFor();
    await screenshots(page, 'case-file', (l) => page.getByRole('heading', { name: l === 'ar' ? 'سجل الحالة' : 'Case timeline' }).waitFor());

    await as(OTHER, 'ar');
    await page.locator('nav').getByRole('link', { name: 'حالاتي', exact: true }).click();
    await page.getByText('لا توجد حالات مفتوحة لك.').waitFor();
    const other = apiCaller(server.url, await apiSignIn(server.url, OTHER, PASSWORD));
    expect(await other('GET', `/api/v1/persons/${child.id}/cases`)).toEqual({ items: [] });
  }, 300_000);

  test('in English: the supervisor approves the assessment and the case moves to its plan', async () => {
    await setLang(page, 'en');
    await as(SUPERVISOR, 'en');
    await openMyCase('My cases');
    await page.getByRole('heading', { name: 'Supervisor’s decision' }).waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Stage: Case plan').first().waitFor();
    await page.locator('.timeline li[data-kind="approved"]').waitFor();
    await setLang(page, 'ar');
  }, 300_000);

  test('no name travels in a URL', () => {
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) for (const n of [child.name, carer.name]) expect(decodeURIComponent(u)).not.toContain(n);
  });
});
