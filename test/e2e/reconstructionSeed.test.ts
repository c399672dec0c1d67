// End to end: the reconstruction picture `sanad seed` leaves on a fresh start, as its seeded users
// see it (nothing added by the test: the store is exactly what a newcomer gets). In Arabic on a
// 360 px phone, the seeded claims officer opens the ranked claims of Gaza, a case with its evidence,
// then the grant plans, the joint case's plan (its code, the released tranche), follows the plan's
// link to its case and the case's link back to the plan. Then in English, the seeded committee
// member opens the committee's queue (a verified case waiting) and walks the same links.
// Screenshots of the case with its plan link and of the plan, in both languages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { browserAvailable, closeAll, launch, PASSWORD, phonePage, SCREENSHOTS, screenshots } from './support.ts';
import { sanad, serveFresh, type Server, setLang, switchUser } from './support.ts';

const run = browserAvailable();

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let seedOut = '';
let plan: { caseId: string; code: string; governorate: string };
let queued: { id: string; governorate: string };
const pageErrors: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-reconseed-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    // a fresh start: no users, so seed creates the demo administrator and the reconstruction users
    seedOut = sanad(['seed', '--households', '60', '--seed', '9', '--password', PASSWORD, '--no-progress'], env);
  }));
  plan = (
    await db.pool.query<{ caseId: string; code: string; governorate: string }>(
      'SELECT case_id AS "caseId", code, governorate FROM reconstruction_plan',
    )
  ).rows[0]!;
  queued = (
    await db.pool.query<{ id: string; governorate: string }>(
      "SELECT id, governorate FROM claim_case WHERE state = 'verified' ORDER BY governorate = 'PS0260' DESC, priority_score DESC LIMIT 1",
    )
  ).rows[0]!;
  browser = await launch();
  ({ page } = await phonePage(browser, { pageErrors }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const nav = (name: string) => page.locator('nav').getByRole('link', { name, exact: true }).click();
const caseState = () => page.locator('.claim-head [data-state]').getAttribute('data-state');
const fits = async () => expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

/** From the list of plans to the seeded plan, its case, and back to the plan by the case's link. */
async function planAndBack(t: { plans: string; plan: string; toCase: string; caseTitle: string; planLink: RegExp }) {
  await nav(t.plans);
  await page.locator(`li[data-plan="${plan.code}"]`).getByRole('link').click();
  await page.getByRole('heading', { name: t.plan, level: 1 }).waitFor();
  expect(await page.locator('[data-plan-code]').textContent()).toBe(plan.code);
  // the first tranche released after the signing inspection; the next waits for its own
  await page.locator('li.tranche[data-tranche="1"][data-state="paid"]').waitFor();
  expect(await page.locator('li.tranche[data-tranche="2"]').getAttribute('data-state')).not.toBe('paid');
  await fits();
  await page.getByRole('link', { name: t.toCase }).click();
  await page.getByRole('heading', { name: t.caseTitle, level: 1 }).waitFor();
  expect(page.url()).toContain(`/reconstruction/cases/${plan.caseId}`);
  await expect.poll(caseState).toBe('approved');
  const link = page.locator('.claim-head').getByRole('link', { name: t.planLink });
  expect(await link.textContent()).toContain(plan.code);
  await fits();
  await link.click();
  await page.getByRole('heading', { name: t.plan, level: 1 }).waitFor();
  expect(page.url()).toContain(`/reconstruction/cases/${plan.caseId}/plan`);
  expect(await page.locator('[data-plan-code]').textContent()).toBe(plan.code);
}

describe.skipIf(!run)('the reconstruction picture of a fresh seed', () => {
  test('in Arabic on a phone: the seeded claims officer ranks the claims, opens a case, and goes from the plan to its case and back', async () => {
    expect(seedOut).toContain("'demo-claims-officer' (claims_officer)");
    expect(seedOut).toMatch(/Claims: 3 field assessments, \d+ claims in \d+ cases/);
    await page.goto(server.url);
    await setLang(page, 'ar');
    await switchUser(page, 'demo-claims-officer', 'ar');
    await nav('ترتيب المطالبات');
    await page.getByRole('heading', { name: 'المطالبات مرتبة حسب الأولوية' }).waitFor();
    const first = page.locator('ol.claim-ranked > li').first();
    await first.waitFor();
    expect(await page.locator('ol.claim-ranked > li').count()).toBeGreaterThan(0);
    await fits();
    await first.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'حالة مشتركة', level: 1 }).waitFor();
    await page.locator('table.claim-evidence').waitFor();
    expect(await page.locator('table.claim-evidence tr[data-item="registry"]').count()).toBe(1);
    await fits();

    await planAndBack({
      plans: 'خطط المنح',
      plan: 'خطة المنحة',
      toCase: 'الحالة المشتركة لهذه الخطة',
      caseTitle: 'حالة مشتركة',
      planLink: /^خطة المنحة/,
    });
    // the joint case: an owner and a tenant side by side
    await page.getByRole('link', { name: 'الحالة المشتركة لهذه الخطة' }).click();
    const heads = page.locator('table.claim-evidence thead th');
    await expect.poll(() => heads.count()).toBe(3);
    const bases = (await heads.allTextContents()).slice(1).map((h) => h.split(':')[0]);
    expect(bases.sort()).toEqual(['بصفة مالك', 'بصفة مستأجر']);
    await screenshots(page, 'seeded-claim-case', () => page.locator('.claim-head').getByRole('link').first().waitFor());
    await page.locator('.claim-head').getByRole('link').first().click();
    await screenshots(page, 'seeded-plan', () => page.locator('[data-plan-code]').waitFor());
    expect(pageErrors).toEqual([]);
  }, 300_000);

  test('in English: the seeded committee member opens the queue and walks the same links', async () => {
    await setLang(page, 'en');
    await switchUser(page, 'demo-committee', 'en');
    await nav('Committee queue');
    await page.getByRole('heading', { name: 'Cases waiting for the committee' }).waitFor();
    await page.getByLabel('Governorate').selectOption(queued.governorate);
    const item = page.locator(`li[data-case="${queued.id}"]`);
    await item.waitFor();
    await fits();
    await item.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Joint case', level: 1 }).waitFor();
    await expect.poll(caseState).toBe('verified');
    // the committee member neither checked nor assessed it: the decision is theirs to take
    await page.getByRole('button', { name: 'Approve', exact: true }).waitFor();
    await planAndBack({
      plans: 'Grant plans',
      plan: 'Grant plan',
      toCase: 'The joint case of this plan',
      caseTitle: 'Joint case',
      planLink: /^Grant plan /,
    });
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
