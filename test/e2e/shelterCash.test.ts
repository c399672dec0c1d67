// End to end: transitional shelter cash paid month by month (#16). From a fresh start with seeded
// households, a destroyed unit a household owned and its approved case with a grant plan whose
// shelter cash started two months ago. In Arabic on a 360 px phone, the claims officer (who releases
// tranches) sees this month's shelter cash due on the grant plans screen, pays it once, and pressing
// again pays nothing more; the plan shows the month paid and the earlier months still due. The
// household then moves into a repaired unit (an engineer's field assessment says habitable, and the
// occupancy is recorded through the API): the plan shows shelter cash ended on that day. Then
// English: the same screens in English words, a run for the month pays nothing, and the cash report
// shows the month paid as its own line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { approvedCaseWithPlan as approvedCaseWithPlanOf, unitAt } from './claimScene.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { SCREENSHOTS, sanad, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const run = browserAvailable();
const USERS = {
  registrar: 'registrar.e2e',
  officer: 'claims.e2e',
  committee: 'committee.e2e',
  engineer: 'engineer.e2e',
} as const;
let db: TestDb;
let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];
let caseId: string;
let householdId: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-shelter-'));
const thisMonth = new Date().toISOString().slice(0, 7);
const monthsAgo = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

/** The approved case and its plan, opened two months ago (its shelter cash runs from then). */
async function approvedCaseWithPlan(): Promise<void> {
  ({ caseId, householdId } = await approvedCaseWithPlanOf(db, server.url, USERS));
  // the plan was opened two months ago (its shelter cash runs from then)
  await db.pool.query('UPDATE reconstruction_plan SET shelter_from = $2 WHERE case_id = $1', [caseId, monthsAgo(2)]);
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    for (const [k, u] of Object.entries(USERS))
      addUser(
        env,
        u,
        { registrar: 'registration_officer', officer: 'claims_officer', committee: 'reconstruction_committee', engineer: 'engineer' }[k]!,
      );
    sanad(['seed', '--households', '10', '--seed', '16', '--user', USERS.registrar, '--no-progress'], env);
  }));
  await approvedCaseWithPlan();
  browser = await launch();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

async function as(username: string, pathName: string): Promise<Page> {
  const { ctx, page } = await phonePage(browser);
  contexts.push(ctx);
  await page.goto(server.url + pathName);
  await signIn(page, username, PASSWORD);
  return page;
}

const payments = async () =>
  (await db.pool.query("SELECT to_char(month, 'YYYY-MM') AS month FROM shelter_cash_payment WHERE case_id = $1", [caseId])).rows.map(
    (r) => r.month,
  );

test.skipIf(!run)('the officer pays the month once, pressing again pays nothing; a move into a repaired unit ends it', async () => {
  const officer = await as(USERS.officer, '/reconstruction/plans');
  await officer.getByRole('heading', { name: 'بدل الإيواء المؤقت لهذا الشهر' }).waitFor();
  const due = officer.locator('[data-shelter-due]');
  await expect.poll(() => due.getAttribute('data-shelter-due')).toBe('1');
  expect(await due.textContent()).toContain('خطة واحدة مستحقة لم يُصرف لها');
  expect(await due.textContent()).toContain('٢٥٠');
  const pay = officer.getByRole('button', { name: 'صرف بدل الإيواء لهذا الشهر' });
  await pay.click();
  const result = officer.locator('[data-shelter-run]');
  await result.waitFor();
  expect(await result.getAttribute('data-shelter-run')).toBe('1');
  expect(await result.textContent()).toContain('صُرف بدل الإيواء لخطة واحدة');
  await expect.poll(() => due.getAttribute('data-shelter-due')).toBe('0');
  expect(await payments()).toEqual([thisMonth]);
  await pay.click();
  await expect.poll(() => result.textContent()).toContain('لا شيء آخر للصرف');
  expect(await result.getAttribute('data-shelter-run')).toBe('0');
  expect(await payments()).toEqual([thisMonth]);
  await screenshots(officer, 'shelter-cash-due', () => officer.locator('[data-shelter-paid="1"]').waitFor());

  await officer.goto(`${server.url}/reconstruction/cases/${caseId}/plan`);
  await officer.getByRole('heading', { name: 'الأشهر المصروفة' }).waitFor();
  expect(await officer.locator('[data-shelter-month]').evaluateAll((els) => els.map((e) => e.getAttribute('data-shelter-month')))).toEqual([
    thisMonth,
  ]);
  expect(await officer.locator('[data-shelter-unpaid]').getAttribute('data-shelter-unpaid')).toBe('2');
  expect(await officer.locator('[data-shelter-state]').getAttribute('data-shelter-state')).toBe('running');

  // the household moves into a repaired unit: habitable by its field assessment, from today
  const today = new Date().toISOString().slice(0, 10);
  const repaired = await unitAt(db, USERS.registrar, 4);
  const engineer = apiCaller(server.url, await apiSignIn(server.url, USERS.engineer, PASSWORD));
  await engineer('POST', '/api/v1/reconstruction/field-assessments', {
    id: crypto.randomUUID(),
    buildingId: repaired.buildingId,
    damageClass: 'minor',
    habitable: true,
    assessedOn: today,
    lines: [],
  });
  await engineer('POST', `/api/v1/reconstruction/units/${repaired.unitId}/occupancy`, { householdId, tenure: 'tenant', validFrom: today });
  await officer.reload();
  const state = officer.locator('[data-shelter-state]');
  await expect.poll(() => state.getAttribute('data-shelter-state')).toBe('moved');
  expect(await state.textContent()).toContain('انتقلت الأسرة إلى وحدة صالحة للسكن');
  await screenshots(officer, 'shelter-cash-ended', () => officer.locator('[data-shelter-state="moved"]').waitFor());

  await setLang(officer, 'en');
  const ended = (await state.textContent())?.replace(/[\u2068\u2069]/g, '');
  expect(ended).toMatch(/^Ended on .*\d{4}: the household moved into a habitable unit\.$/);
  await officer.getByRole('heading', { name: 'Months paid' }).waitFor();
  await officer.goto(`${server.url}/reconstruction/plans`);
  await officer.getByRole('heading', { name: 'Transitional shelter cash this month' }).waitFor();
  await expect.poll(() => due.textContent()).toContain('No plan due and unpaid');
  await officer.getByRole('button', { name: "Pay this month's shelter cash" }).click();
  await expect.poll(() => result.textContent()).toContain('Nothing more to pay: this month is paid to every plan due.');
  expect(await payments()).toEqual([thisMonth]);

  // the cash reaching the household, beside any other cash, in the report per governorate
  await officer.goto(`${server.url}/reports/cash`);
  const line = officer.locator('[data-cash-line="shelter_cash"]');
  await line.waitFor();
  expect((await line.textContent())?.replace(/\s+/g, ' ')).toContain('Transitional shelter cash112');
  await screenshots(officer, 'shelter-cash-report', () => officer.locator('[data-cash-line="shelter_cash"]').waitFor());
});
