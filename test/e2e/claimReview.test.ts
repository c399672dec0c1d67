// End to end: a decision reviewed, in the web app, from a fresh start with seeded (synthetic)
// households. A joint case of owner and tenant on a destroyed unit was checked by a claims officer and
// rejected by one committee member (through the API, as test/e2e/claims.test.ts does it on screen).
// In Arabic on a 360 px phone: a second committee member finds it among the decisions taken, reads it
// and reopens it for review with a reason (the grievance upheld); the case is back in inspection and
// its steps keep the rejection. The claims officer verifies it again (API). Then in English: the member
// who rejected it is told another member decides the review (no decision buttons); the second member
// approves it and the grant shows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { destroyedUnit } from './claimScene.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage, switchUser } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang } from './support.ts';

const REGISTRAR = 'registrar.review.e2e';
const OFFICER = 'officer.review.e2e';
const FIRST = 'first.review.e2e';
const SECOND = 'second.review.e2e';
const run = browserAvailable();

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let caseId: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-review-'));

/** Filed by the registrar, verified by the officer, rejected by the first committee member. */
async function rejectedCase() {
  const { unitId, owner, tenant } = await destroyedUnit(db, { floor: 1, unitNumber: '1C' });
  const registrar = apiCaller(server.url, await apiSignIn(server.url, REGISTRAR, PASSWORD));
  const claim = (householdId: string, basis: string) =>
    registrar('POST', '/api/v1/reconstruction/claims', { unitId, householdId, basis, claimedClass: 'destroyed', damageDate: '2024-01-10' });
  caseId = (await claim(owner.id, 'owner')).caseId as string;
  await claim(tenant.id, 'tenant');
  const officer = apiCaller(server.url, await apiSignIn(server.url, OFFICER, PASSWORD));
  await officer('POST', `/api/v1/reconstruction/cases/${caseId}/check`, { step: 'verified' });
  const first = apiCaller(server.url, await apiSignIn(server.url, FIRST, PASSWORD));
  await first('POST', `/api/v1/reconstruction/cases/${caseId}/decision`, { decision: 'rejected', reason: 'No proof of ownership' });
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, REGISTRAR, 'registration_officer');
    addUser(env, OFFICER, 'claims_officer');
    addUser(env, FIRST, 'reconstruction_committee');
    addUser(env, SECOND, 'reconstruction_committee');
    sanad(['seed', '--households', '8', '--seed', '21', '--user', REGISTRAR, '--no-progress'], env);
  }));
  await rejectedCase();
  browser = await launch();
  ({ page } = await phonePage(browser));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const caseState = () => page.locator('.claim-head [data-state]').getAttribute('data-state');
const steps = () => page.locator('ol.timeline li').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));

describe.skipIf(!run)('a rejected case reviewed', () => {
  test('in Arabic on a phone: another committee member finds the rejection among the decisions and reopens it with a reason', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await switchUser(page, SECOND, 'ar');
    await page.locator('nav').getByRole('link', { name: 'القرارات الصادرة', exact: true }).click();
    await page.getByRole('heading', { name: 'الحالات التي صدر فيها قرار' }).waitFor();
    await page.getByLabel('القرار').selectOption({ label: 'رفض' });
    const item = page.locator(`li[data-case="${caseId}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('رفضتها اللجنة');
    expect(await item.textContent()).toContain('No proof of ownership');
    expect(await item.textContent()).toContain('مطالبتان');
    await screenshots(page, 'claims-decided', () => item.waitFor());
    await item.getByRole('link').click();
    await page.getByRole('heading', { name: 'حالة مشتركة' }).waitFor();
    const reopen = page.getByRole('button', { name: 'أعد فتح الحالة' });
    expect(await reopen.isDisabled()).toBe(true); // a reason first
    await page.getByLabel('سبب إعادة الفتح').fill('قُبلت الشكوى: وُجد سند الملكية لدى البلدية');
    await screenshots(page, 'claim-reopen', (lang) =>
      page.getByRole('button', { name: lang === 'ar' ? 'أعد فتح الحالة' : 'Reopen the case' }).waitFor(),
    );
    await reopen.click();
    await expect.poll(caseState).toBe('inspection');
    expect(await steps()).toEqual(['verified', 'rejected', 'reopened']);
    expect(await page.locator('ol.timeline').textContent()).toContain('قُبلت الشكوى: وُجد سند الملكية لدى البلدية');
    expect(await page.getByRole('button', { name: 'أعد فتح الحالة' }).count()).toBe(0);
    const claims = await db.pool.query('SELECT state FROM claim WHERE case_id = $1 ORDER BY created_at', [caseId]);
    expect(claims.rows.map((r) => r.state)).toEqual(['inspection', 'inspection']);
  }, 300_000);

  test('in English: the member who rejected it may not decide the review; the other member approves it', async () => {
    const officer = apiCaller(server.url, await apiSignIn(server.url, OFFICER, PASSWORD));
    await officer('POST', `/api/v1/reconstruction/cases/${caseId}/check`, { step: 'verified', note: 'Deed checked at the municipality' });
    await setLang(page, 'en');
    await switchUser(page, FIRST, 'en');
    await page.locator('nav').getByRole('link', { name: 'Committee queue', exact: true }).click();
    const item = page.locator(`li[data-case="${caseId}"]`);
    await item.waitFor();
    await item.getByRole('link').click();
    await page.getByText('You decided this case before it was reopened: another committee member decides the review.').waitFor();
    expect(await page.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);

    await switchUser(page, SECOND, 'en');
    await page.locator('nav').getByRole('link', { name: 'Committee queue', exact: true }).click();
    await page.locator(`li[data-case="${caseId}"]`).getByRole('link').click();
    await page.getByRole('heading', { name: 'Joint case' }).waitFor();
    await page.getByLabel('Reason for the decision').fill('Ownership proven on review');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(caseState).toBe('approved');
    await page.getByText('Grant: 40,000 (rebuild)').waitFor();
    expect(await steps()).toEqual(['verified', 'rejected', 'reopened', 'verified', 'approved']);
    expect(await page.locator('ol.timeline').textContent()).toContain('Reopened for review');
    const row = (
      await db.pool.query<{ decided: string; state: string }>(
        'SELECT u.username AS decided, k.state FROM claim_case k JOIN app_user u ON u.id = k.decided_by WHERE k.id = $1',
        [caseId],
      )
    ).rows[0];
    expect(row).toEqual({ decided: SECOND, state: 'approved' });
    await screenshots(page, 'claim-reviewed', () => page.locator('.claim-head [data-state="approved"]').waitFor());
  }, 300_000);
});
