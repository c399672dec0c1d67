// End to end: reconstruction claims in the web app, from a fresh start with seeded (synthetic)
// households. A building in Gaza City with one unit that an owner's household and a tenant's
// household lived in, destroyed on the imagery (set up in the database, as the damage import and the
// occupancy records leave them). In Arabic on a 360 px phone: a registration officer files the
// owner's claim with a title deed (PDF); the tenant's claim joins it (through the API) as one joint
// case; a claims officer opens the ranked list, reads the evidence side by side (both claims, each
// item with its result and source) and verifies the case. Then in English: a committee member (not
// the officer who checked it) approves it from the queue with a reason, and the grant shows.
// Screenshots of the intake, the ranked list, the case and the decision in both languages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { PDF } from '../reconstruction/claimFiles.ts';
import { destroyedUnit, type Household } from './claimScene.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, switchUser } from './support.ts';

const REGISTRAR = 'registrar.claims.e2e';
const OFFICER = 'officer.claims.e2e';
const COMMITTEE = 'committee.claims.e2e';
const run = browserAvailable();

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let unitId: string;
let owner: Household;
let tenant: Household;
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-claims-'));

/** Two seeded households with a current head, and a destroyed building with a unit they lived in. */
async function scene() {
  ({ unitId, owner, tenant } = await destroyedUnit(db, { floor: 2, unitNumber: '2B' }));
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, REGISTRAR, 'registration_officer');
    addUser(env, OFFICER, 'claims_officer');
    addUser(env, COMMITTEE, 'reconstruction_committee');
    sanad(['seed', '--households', '12', '--seed', '16', '--user', REGISTRAR, '--no-progress'], env);
  }));
  await scene();
  browser = await launch();
  ({ page } = await phonePage(browser, { urls }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

/** The registration officer files the owner's claim with a title deed through the intake form (Arabic). */
async function fileOwnersClaim() {
  await page.locator('nav').getByRole('link', { name: 'تقديم مطالبة', exact: true }).click();
  await page.getByRole('heading', { name: 'تقديم مطالبة عن وحدة سكنية' }).waitFor();
  await page.locator('input[name=unitId]').fill(unitId);
  await page.locator('input[name=householdId]').fill(owner.id);
  await page.getByLabel('صفة المطالِب').selectOption({ label: 'مالك' });
  await page.getByLabel('الضرر المُدّعى').selectOption({ label: 'مدمّرة' });
  await page.locator('input[name=damageDate]').fill('2024-01-10');
  await page.getByLabel('نوع المستند').selectOption({ label: 'سند ملكية' });
  await page.locator('input[name=document]').setInputFiles({ name: 'صك ملكية - عائلة.pdf', mimeType: 'application/pdf', buffer: PDF });
  await screenshots(page, 'claim-intake');
  await page.getByRole('button', { name: 'تقديم المطالبة' }).click();
  await page.locator('.alert').first().waitFor();
  expect(await page.locator('.alert').first().textContent()).toContain('قُدّمت المطالبة وفُحصت.');
}

const caseState = () => page.locator('.claim-head [data-state]').getAttribute('data-state');

describe.skipIf(!run)('a joint case of owner and tenant', () => {
  test('in Arabic on a phone: the owner files with a title deed, the tenant joins, a claims officer reads the evidence and verifies', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await switchUser(page, REGISTRAR, 'ar');
    await fileOwnersClaim();
    // the document is kept by its bytes, under a random id; the file name never reached the server
    const doc = await db.pool.query<{ content: Buffer; media_type: string }>(
      'SELECT d.content, d.media_type FROM claim_document d JOIN claim c ON c.id = d.claim_id WHERE c.household_id = $1',
      [owner.id],
    );
    expect(doc.rows.map((r) => [r.media_type, r.content.equals(PDF)])).toEqual([['application/pdf', true]]);
    expect(urls.some((u) => u.includes('.pdf'))).toBe(false);
    // the tenant's claim on the same unit joins the same joint case
    const call = apiCaller(server.url, await apiSignIn(server.url, REGISTRAR, PASSWORD));
    const t = await call('POST', '/api/v1/reconstruction/claims', {
      unitId,
      householdId: tenant.id,
      basis: 'tenant',
      claimedClass: 'destroyed',
      damageDate: '2024-01-10',
    });
    const cases = await db.pool.query<{ id: string }>('SELECT DISTINCT case_id AS id FROM claim WHERE unit_id = $1', [unitId]);
    expect(cases.rows.map((r) => r.id)).toEqual([t.caseId]);

    await switchUser(page, OFFICER, 'ar');
    await page.locator('nav').getByRole('link', { name: 'ترتيب المطالبات', exact: true }).click();
    const item = page.locator(`li[data-case="${t.caseId}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('مطالبتان');
    await screenshots(page, 'claims-ranked', () => item.waitFor());
    await item.getByRole('link').click();
    await page.getByRole('heading', { name: 'حالة مشتركة' }).waitFor();
    const table = page.locator('table.claim-evidence');
    await expect
      .poll(() => table.locator('thead th').allTextContents())
      .toEqual(['ما فُحص', `بصفة مالك: ${owner.name}`, `بصفة مستأجر: ${tenant.name}`]);
    for (const item of ['registry', 'occupancy', 'remote_class', 'other_claims', 'claimant_alive'])
      expect(await table.locator(`tr[data-item="${item}"] td[data-result="match"]`).count(), item).toBe(2);
    expect(await table.locator('tr[data-item="remote_class"]').textContent()).toContain('مدمّر');
    expect(await table.locator('tr[data-item="field_class"]').textContent()).toContain('لم تُقيَّم ميدانيًا بعد');
    expect(await table.textContent()).toContain('سند ملكية');
    expect(await caseState()).toBe('filed');
    await screenshots(page, 'claim-case', () => table.waitFor());
    await page.getByRole('button', { name: 'تم التحقق: إلى اللجنة' }).click();
    await expect.poll(caseState).toBe('verified');
    // the officer who checked it has no decision to take
    expect(await page.getByRole('button', { name: 'موافقة' }).count()).toBe(0);
  }, 300_000);

  test('in English: a committee member who did not check the case approves it from the queue', async () => {
    await setLang(page, 'en');
    await switchUser(page, COMMITTEE, 'en');
    await page.locator('nav').getByRole('link', { name: 'Committee queue', exact: true }).click();
    await page.getByRole('heading', { name: 'Cases waiting for the committee' }).waitFor();
    const caseId = (await db.pool.query<{ id: string }>('SELECT id FROM claim_case WHERE unit_id = $1', [unitId])).rows[0]!.id;
    const item = page.locator(`li[data-case="${caseId}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('2 claims');
    await item.getByRole('link').click();
    await page.getByRole('heading', { name: 'Joint case' }).waitFor();
    await page.getByText('Evidence side by side').waitFor();
    await page.getByLabel('Reason for the decision').fill('Title deed and rental contract consistent with occupancy and imagery');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(caseState).toBe('approved');
    await page.getByText('Grant: 40,000 (rebuild)').waitFor();
    const row = (await db.pool.query('SELECT checked_by, decided_by, state FROM claim_case WHERE id = $1', [caseId])).rows[0];
    const ids = (
      await db.pool.query<{ username: string; id: string }>('SELECT username, id FROM app_user WHERE username = ANY($1)', [
        [OFFICER, COMMITTEE],
      ])
    ).rows;
    const idOf = (u: string) => ids.find((x) => x.username === u)!.id;
    expect(row).toEqual({ checked_by: idOf(OFFICER), decided_by: idOf(COMMITTEE), state: 'approved' });
    const states = await db.pool.query('SELECT state FROM claim WHERE case_id = $1', [caseId]);
    expect(states.rows.map((r) => r.state)).toEqual(['approved', 'approved']);
    await screenshots(page, 'claim-approved', () => page.locator('.claim-head [data-state="approved"]').waitFor());
    // the approved case leads to its grant plan (tranches, quota): test/e2e/tranches.test.ts goes on from there
    await setLang(page, 'en');
    await page.locator('.claim-head').getByRole('link', { name: 'Grant plan' }).click();
    await page.getByRole('heading', { name: 'Grant plan', level: 1 }).waitFor();
  }, 300_000);
});
