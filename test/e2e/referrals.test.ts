// End to end: a referral between organisations, carrying only what the person consented to. From a
// fresh start with seeded (synthetic) households in organisation A and a physiotherapy service that
// organisation B's case supervisor put in the directory (through the API, as they would in the app).
// In Arabic on a 360 px phone: A's caseworker finds the service in the directory, records the
// person's consent (organisation B; age band and need only) in the case file and refers the case;
// B's caseworker sees the referral in "referrals in" with the age band and the need but no name, and
// no case type, accepts it and reports back; A's caseworker sees the outcome in "referrals out"; a
// caseworker of organisation C sees nothing. In English: B's case supervisor adds a service in the
// directory and marks it inactive; A's caseworker reads the outcome. Every name here is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const REGISTRAR = 'registrar.referrals.e2e';
const WORKER_A = 'worker.a.referrals.e2e';
const SUPERVISOR_B = 'supervisor.b.referrals.e2e';
const WORKER_B = 'worker.b.referrals.e2e';
const WORKER_C = 'worker.c.referrals.e2e';
const ORG_B = 'Synthetic Rehabilitation Society';
const ORG_C = 'Synthetic Third Org';
const NEED = 'تمارين مشي بعد بتر تحت الركبة';
const OUTCOME = 'اثنتا عشرة جلسة، يمشي دون مساعدة';
const run = browserAvailable();

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let person: { id: string; name: string };
let service: { id: string; orgId: string };
let caseId: string;
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-referrals-'));

const userIn = (env: NodeJS.ProcessEnv, username: string, org: string, role: string) =>
  sanad(['user', 'add', '--username', username, '--org', org, '--role', role, '--password', PASSWORD], env);

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, REGISTRAR, 'registration_officer');
    addUser(env, WORKER_A, 'caseworker');
    userIn(env, SUPERVISOR_B, ORG_B, 'case_supervisor');
    userIn(env, WORKER_B, ORG_B, 'caseworker');
    userIn(env, WORKER_C, ORG_C, 'caseworker');
    sanad(['seed', '--households', '10', '--seed', '35', '--user', REGISTRAR, '--no-progress'], env);
  }));
  const p = await db.pool.query<{ id: string; name: string }>(
    `SELECT p.id, p.full_name AS name FROM person p JOIN household_member m ON m.person_id = p.id AND m.valid_to IS NULL AND m.relationship = 'head'
      WHERE p.date_of_birth IS NOT NULL ORDER BY p.id LIMIT 1`,
  );
  person = p.rows[0]!;
  const b = apiCaller(server.url, await apiSignIn(server.url, SUPERVISOR_B, PASSWORD));
  const s = await b('POST', '/api/v1/services', {
    type: 'physiotherapy',
    name: 'وحدة التأهيل الحركي',
    governorates: ['PS0255', 'PS0260', 'PS0265', 'PS0270', 'PS0275', 'PS0101', 'PS0105', 'PS0110', 'PS0115', 'PS0120'],
    capacityPerMonth: 40,
    contactOffice: 'مكتب الإحالات',
    contactPhone: '+970 8 282 0000',
  });
  service = { id: s.id, orgId: s.organisation.id };
  const a = apiCaller(server.url, await apiSignIn(server.url, WORKER_A, PASSWORD));
  caseId = (await a('POST', '/api/v1/cases', { type: 'injured_person', personId: person.id, consent: { given: true } })).id;
  browser = await launch();
  ({ page } = await phonePage(browser, { urls }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

async function as(user: string, lang: 'ar' | 'en') {
  const signOut = page.getByRole('button', { name: lang === 'ar' ? 'خروج' : 'Sign out' });
  if ((await signOut.count()) > 0) await signOut.click();
  await page.locator('input[name=username]').waitFor();
  await signIn(page, user, PASSWORD);
}

const nav = (name: string) => page.locator('nav').getByRole('link', { name, exact: true }).click();

/** A's caseworker: the directory, the consent (refused first, naming why), the referral. */
async function referInArabic() {
  await page.goto(server.url);
  await setLang(page, 'ar');
  await as(WORKER_A, 'ar');
  await nav('دليل الخدمات');
  await page.locator('select[name=filterType]').selectOption('physiotherapy');
  await page.locator('li[data-testid=service]', { hasText: 'وحدة التأهيل الحركي' }).waitFor();
  await screenshots(page, 'service-directory', () => page.locator('li[data-testid=service]').first().waitFor());

  await nav('حالاتي');
  await page.locator('li.case-item', { hasText: person.name }).getByRole('link').click();
  await page.getByRole('heading', { name: 'الموافقة على الإحالة' }).waitFor();
  // without consent for organisation B, the refusal names the reason
  await page.locator('select[name=referService]').selectOption(service.id);
  await page.getByRole('button', { name: 'أرسل الإحالة' }).click();
  await page.getByText('لم يوافق الشخص على مشاركة بياناته مع الجهة التي تقدّم هذه الخدمة').waitFor();
  await page.locator(`input[name=consentOrganisation][value="${service.orgId}"]`).check();
  for (const f of ['age_band', 'need']) await page.locator(`input[name=consentField][value=${f}]`).check();
  await page.getByRole('button', { name: 'سجّل الموافقة' }).click();
  await page.getByText('سُجّلت الموافقة.').waitFor();
  await page.locator('select[name=referService]').selectOption(service.id);
  await page.locator('select[name=referUrgency]').selectOption('urgent');
  await page.locator('textarea[name=referNeed]').fill(NEED);
  await page.getByRole('button', { name: 'أرسل الإحالة' }).click();
  await page.getByText('أُرسلت الإحالة.').waitFor();
  await page.getByRole('heading', { name: 'إحالات هذه الحالة' }).waitFor();
  await page.locator('.timeline li[data-kind="referred"]').waitFor();
  await screenshots(page, 'case-refer', (l) =>
    page.getByRole('heading', { name: l === 'ar' ? 'إحالات هذه الحالة' : 'Referrals of this case' }).waitFor(),
  );
}

/** B's caseworker: only the consented fields; a decline needs a reason; accepted and reported back. */
async function receiveInArabic() {
  await as(WORKER_B, 'ar');
  await nav('الإحالات');
  const inbox = page.locator('[data-testid=referrals-in] li.case-item');
  await inbox.first().waitFor();
  await inbox.first().getByRole('link').click();
  await page.getByRole('heading', { name: 'ما شاركته الموافقة' }).waitFor();
  await page.getByText(NEED).waitFor();
  const shown = (await page.locator('main').textContent()) ?? '';
  expect(shown).toContain('الفئة العمرية');
  expect(shown).not.toContain(person.name);
  expect(shown).not.toContain('نوع الحالة');
  expect(shown).not.toContain('ملف الحالة');
  await screenshots(page, 'referral-in', (l) => page.getByText(l === 'ar' ? 'ما شاركته الموافقة' : 'What the consent shares').waitFor());
  // a decline needs a reason
  await page.getByRole('button', { name: 'ارفض الإحالة' }).click();
  await page.getByText('اكتب سبب الرفض.').waitFor();
  await page.getByRole('button', { name: 'اقبل الإحالة' }).click();
  await page.getByRole('heading', { name: 'أبلغ بالنتيجة' }).waitFor();
  await page.locator('textarea[name=outcome]').fill(OUTCOME);
  await page.getByRole('button', { name: 'أبلغ بالنتيجة' }).click();
  await page.locator('[data-testid=referral-result]').getByText(OUTCOME).waitFor();
}

/** A's caseworker sees the outcome; C's sees nothing, not even through the API. */
async function outcomeAndStranger() {
  await as(WORKER_A, 'ar');
  await nav('الإحالات');
  const out = page.locator('[data-testid=referrals-out] li.case-item').first();
  await out.getByText('أُبلغ بالنتيجة').waitFor();
  await screenshots(page, 'referrals', (l) =>
    page.getByRole('heading', { name: l === 'ar' ? 'الإحالات الصادرة' : 'Referrals out' }).waitFor(),
  );
  await out.getByRole('link').click();
  await page.locator('[data-testid=referral-result]').getByText(OUTCOME).waitFor();
  await screenshots(page, 'referral-out', () => page.locator('[data-testid=referral-result]').waitFor());

  await as(WORKER_C, 'ar');
  await nav('الإحالات');
  await page.getByText('لا توجد إحالات واردة إلى جهتك.').waitFor();
  await page.getByText('لا توجد إحالات صادرة من حالاتك.').waitFor();
  const token = await apiSignIn(server.url, WORKER_C, PASSWORD);
  const ids = (await db.pool.query<{ id: string }>('SELECT id FROM referral')).rows.map((r) => r.id);
  expect(ids).toHaveLength(1);
  const r = await fetch(`${server.url}/api/v1/referrals/${ids[0]}`, { headers: { authorization: `Bearer ${token}` } });
  expect(r.status).toBe(404);
  const reads = await db.pool.query("SELECT count(*)::int AS n FROM change_log WHERE entity = 'referral' AND action = 'read'");
  expect(reads.rows[0].n).toBeGreaterThanOrEqual(2);
}

describe.skipIf(!run)('a referral between organisations (caseworkers of A, B and C)', () => {
  test('in Arabic on a phone: consent recorded, referred, seen with only the consented fields, accepted, reported back; C sees nothing', async () => {
    await referInArabic();
    await receiveInArabic();
    await outcomeAndStranger();
  }, 300_000);

  test('in English: B’s case supervisor adds a service and marks it inactive; A’s caseworker reads the outcome', async () => {
    await setLang(page, 'en');
    await as(SUPERVISOR_B, 'en');
    await nav('Service directory');
    await page.getByRole('heading', { name: 'Add a service your organisation provides' }).waitFor();
    await page.locator('select[name=serviceType]').selectOption('psychosocial_support');
    await page.locator('input[name=serviceName]').fill('Family counselling');
    await page.locator('input[name=serviceGovernorates][value=PS0260]').check();
    await page.locator('input[name=capacity]').fill('25');
    await page.locator('input[name=contactOffice]').fill('Counselling desk');
    await page.getByRole('button', { name: 'Add the service' }).click();
    await page.getByText('The service was added to the directory.').waitFor();
    const added = page.locator('li[data-testid=service]', { hasText: 'Family counselling' });
    await added.getByText('25 people a month').waitFor();
    await added.getByRole('button', { name: 'Mark inactive' }).click();
    await expect.poll(() => added.count()).toBe(0);

    await as(WORKER_A, 'en');
    await nav('Referrals');
    await page.locator('[data-testid=referrals-out] li.case-item').first().getByRole('link').click();
    await page.getByText('Reported back').first().waitFor();
    await page.locator('[data-testid=referral-result]').getByText(OUTCOME).waitFor();
    await page.getByRole('link', { name: 'Open the case file' }).click();
    await page.getByRole('heading', { name: 'Referrals of this case' }).waitFor();
    await setLang(page, 'ar');
  }, 300_000);

  test('no name travels in a URL', () => {
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(decodeURIComponent(u)).not.toContain(person.name);
    expect(caseId).toBeTruthy();
  });
});
