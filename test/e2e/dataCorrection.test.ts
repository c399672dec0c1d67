// End to end: a data-correction ticket changes the record once, approved by a second person. From a
// fresh start with seeded (synthetic) households, whose casework includes a data-correction ticket.
// In Arabic on a 360 px phone: a feedback focal point takes the ticket, starts it and proposes a new
// father's name beside the current one; a registration officer approves it from "corrections to
// approve"; the person page shows the new name and its history names the ticket. In English the focal
// point proposes the answer and a second focal point closes the ticket. Every name here is invented.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const REGISTRAR = 'registrar.correct.e2e';
const FOCAL = 'focal.correct.e2e';
const FOCAL2 = 'focal2.correct.e2e';
const run = browserAvailable();
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A and AA violations on the page now (ids and targets). */
async function violations(): Promise<string[]> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.addScriptTag({ content: AXE });
  return page.evaluate<string[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`,
  );
}

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let ticket: { id: string; person_id: string; father_name: string | null };
const NEW_FATHER = 'عبد الرحيم';
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-correct-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, REGISTRAR, 'registration_officer');
    addUser(env, FOCAL, 'feedback_focal_point');
    addUser(env, FOCAL2, 'feedback_focal_point');
    sanad(['seed', '--households', '15', '--seed', '37', '--user', REGISTRAR, '--casework', '--no-progress'], env);
  }));
  const r = await db.pool.query<typeof ticket>(
    "SELECT t.id, t.person_id, p.father_name FROM ticket t JOIN person p ON p.id = t.person_id WHERE t.category = 'data_correction'",
  );
  expect(r.rows).toHaveLength(1);
  ticket = r.rows[0]!;
  expect(ticket.father_name).not.toBe(NEW_FATHER);
  browser = await launch();
  ({ page } = await phonePage(browser, { urls, bypassCSP: true })); // axe-core is injected inline
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
const personVersion = async () =>
  (await db.pool.query('SELECT version, father_name FROM person WHERE id = $1', [ticket.person_id])).rows[0];

describe.skipIf(!run)('a data-correction ticket changes the record once, approved (focal point, registration officer)', () => {
  test('in Arabic on a phone: proposed beside the current value, approved by a registration officer, seen on the person page', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await as(FOCAL, 'ar');
    await nav('الشكاوى');
    await page.locator('li.ticket-item', { hasText: 'تصحيح بيانات' }).getByRole('link').click();
    await page.getByRole('button', { name: 'أسندها إليّ' }).click();
    await page.getByRole('button', { name: 'ابدأ المعالجة' }).click();
    await page.getByText('لم يُقترح تصحيح لهذا البلاغ بعد.').waitFor();
    await page.getByRole('button', { name: 'اقترح تصحيحًا' }).click();
    await page.getByRole('checkbox', { name: 'اسم الأب' }).check();
    await page.getByLabel('اسم الأب — القيمة المقترحة').fill(NEW_FATHER);
    await page.getByLabel(/^سبب التصحيح/).fill('الاسم كما في بطاقة الهوية');
    // side by side: the current value and the proposed one
    const row = page.locator('.correction-form tr[data-field="fatherName"]');
    await expect.poll(() => row.locator('td').allTextContents()).toEqual([ticket.father_name ?? '(فارغ)', NEW_FATHER]);
    expect(await violations()).toEqual([]);
    await screenshots(page, 'correction-propose', () => row.waitFor());
    await page.getByRole('button', { name: 'أرسل الاقتراح للاعتماد' }).click();
    await page.locator('article.correction[data-status="proposed"]').waitFor();
    await page.getByText('يعتمده شخص آخر مخوَّل بتعديل السجل').waitFor();
    expect(await personVersion()).toMatchObject({ version: 1, father_name: ticket.father_name });

    await as(REGISTRAR, 'ar');
    await nav('تصحيحات بانتظار الاعتماد');
    const card = page.locator('section.card', { has: page.locator('article.correction') });
    await expect.poll(() => card.count()).toBe(1);
    expect(await violations()).toEqual([]);
    await screenshots(page, 'corrections-queue', () => card.locator('tr[data-field="fatherName"]').waitFor());
    await page.getByLabel(/^سبب القرار/).fill('طابق بطاقة الهوية');
    await page.getByRole('button', { name: 'اعتمد وطبّق' }).click();
    await page.getByText('اعتُمد التصحيح وطُبّق على السجل.').waitFor();
    await page.getByText('لا توجد تصحيحات بانتظار اعتمادك.').waitFor();
    expect(await personVersion()).toMatchObject({ version: 2, father_name: NEW_FATHER });

    // the person page: the new name, and the history names the ticket
    await page.locator('.alert-success a').click();
    await page.locator('.facts', { hasText: NEW_FATHER }).waitFor();
    const entry = page.locator('.history-reason[data-ticket]');
    await entry.waitFor();
    expect(await entry.getAttribute('data-ticket')).toBe(ticket.id);
    await page.getByText('تصحيح من بلاغ').first().waitFor();
    await screenshots(page, 'correction-history', () => page.locator('.history-reason[data-ticket]').waitFor());
    const logged = await db.pool.query(
      "SELECT count(*)::int AS n FROM change_log WHERE entity = 'person' AND entity_id = $1 AND action = 'update' AND reason LIKE $2",
      [ticket.person_id, `ticket:${ticket.id} %`],
    );
    expect(logged.rows[0].n).toBe(1);
  }, 300_000);

  test('in English: the ticket shows the approved correction, is answered and closed by two focal points', async () => {
    await setLang(page, 'en');
    await as(FOCAL, 'en');
    await nav('Complaints');
    await page.locator('li.ticket-item', { hasText: 'Data correction' }).getByRole('link').click();
    await page.locator('article.correction[data-status="approved"]').waitFor();
    await page.getByText('Approved and applied to the record').waitFor();
    await page.getByLabel(/^The answer given to the person/).fill('Your father’s name was corrected as on your ID card.');
    await page.getByRole('button', { name: 'Propose the answer' }).click();
    await page.getByText('Answer waiting for approval').first().waitFor();

    await as(FOCAL2, 'en');
    await nav('Complaints');
    await page.locator('li.ticket-item', { hasText: 'Data correction' }).getByRole('link').click();
    await page.getByRole('button', { name: 'Approve the answer and close' }).click();
    await page.getByText('Closed on time').waitFor();
    await screenshots(page, 'correction-ticket-closed', (l) =>
      page
        .getByText(l === 'ar' ? 'اعتُمد التصحيح وطُبّق' : 'Correction approved and applied')
        .first()
        .waitFor(),
    );
    expect(await personVersion()).toMatchObject({ version: 2, father_name: NEW_FATHER });
  }, 300_000);

  test('no name travels in a URL', () => {
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) {
      expect(decodeURIComponent(u)).not.toContain(NEW_FATHER);
      if (ticket.father_name) expect(decodeURIComponent(u)).not.toContain(ticket.father_name);
    }
  });
});
