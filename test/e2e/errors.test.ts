// End to end: the server's refusals in the reader's language. A registration officer edits a seeded
// (synthetic) person in Arabic on a 360 px phone. The name inputs take their maxlength from the
// shared limits; a name longer than the limit that still reaches the server (an old page, a script)
// is refused, and the screen says, in Arabic only, which field and what the limit is, the field's
// name and the number isolated; then the same in English. A 5 MB name is "too large" in words of
// the reader's language, never "an error occurred"; the server answers it 413 problem+json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { textLimits } from '../../src/shared/limits.ts';
import type { TestDb } from '../support/db.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const USER = 'errors.e2e';
const run = browserAvailable();
const LATIN = /[A-Za-z]/;

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let token: string;
let person: { id: string; givenName: string; familyName: string };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-errors-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, USER, 'registration_officer');
    sanad(['seed', '--households', '5', '--seed', '7', '--user', USER, '--no-progress'], env);
  }));
  token = await apiSignIn(server.url, USER, PASSWORD);
  const call = apiCaller(server.url, token);
  // the ids straight from the database: paging the registry is an administrator's job (GET /api/v1/persons)
  const list = (await db.pool.query<{ id: string }>('SELECT id FROM person ORDER BY id LIMIT 50')).rows;
  for (const { id } of list) {
    const p = (await call('GET', `/api/v1/persons/${id}`)) as typeof person & { fatherName: string | null };
    if (p.givenName && p.familyName && p.fatherName) {
      person = p;
      break;
    }
  }
  browser = await launch();
  ({ page } = await phonePage(browser));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const field = (label: string) => page.locator('form').getByLabel(new RegExp(`^${label}`));
const alertText = async () => ((await page.locator('form .alert-error').textContent()) ?? '').trim();

/** Types into a React input past its maxlength (as an old page or a script would send it). */
async function forceValue(name: string, repeat: number) {
  await page.evaluate(`(() => {
    const el = document.querySelector('input[name="${name}"]');
    el.removeAttribute('maxlength');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, 'ر'.repeat(${repeat}));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
}

async function openEditForm() {
  await page.getByRole('link', { name: 'البحث', exact: true }).click();
  await page.getByRole('textbox', { name: 'الاسم', exact: true }).fill(`${person.givenName} ${person.familyName}`);
  await page.getByRole('button', { name: 'بحث', exact: true }).click();
  await page.locator(`a[href="/persons/${person.id}"]`).first().click();
  await page.getByRole('link', { name: 'تعديل البيانات' }).click();
  await page.getByRole('heading', { name: 'تعديل بيانات الشخص' }).waitFor();
}

describe.skipIf(!run)("the server's refusals in the reader's language (registration officer)", () => {
  test('inputs take their maxlength from the shared limits; a too-long name is refused in Arabic naming the field', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, USER, PASSWORD);
    await openEditForm();
    expect(await field('الاسم الأول').getAttribute('maxlength')).toBe(String(textLimits.givenName));
    expect(await field('اسم العائلة').getAttribute('maxlength')).toBe(String(textLimits.familyName));
    expect(await field('سبب التعديل').getAttribute('maxlength')).toBe(String(textLimits.reason));

    await forceValue('givenName', 400);
    await field('سبب التعديل').fill('تصحيح الاسم');
    await page.getByRole('button', { name: 'احفظ التعديل' }).click();
    await page.locator('form .alert-error li').waitFor();
    const ar = await alertText();
    // the field named, the limit in Arabic-Indic digits, both isolated; no English anywhere
    expect(ar).toContain('الحقل «\u2068الاسم الأول\u2069»: أطول من المسموح: عدد الأحرف \u2068١٠٠\u2069 على الأكثر.');
    expect(ar).not.toMatch(LATIN);
    const besideField = await page.locator(`#${await field('الاسم الأول').getAttribute('aria-describedby')}`).textContent();
    expect(besideField).toBe('النص أطول من المسموح.');
    expect(await page.locator('form').textContent()).not.toMatch(/too_long|too big|Too big|string/);
    await screenshots(page, 'error-too-long', async (lang) => {
      const text = await alertText();
      if (lang === 'en') expect(text).toContain('“\u2068Given name\u2069”: Too long: at most \u2068100\u2069 characters.');
      else expect(text).not.toMatch(LATIN);
    });
    expect((await apiCaller(server.url, token)('GET', `/api/v1/persons/${person.id}`)).givenName).toBe(person.givenName);
  }, 300_000);

  test('a 5 MB name says the input is too large, in Arabic then English; the server answers 413 problem+json', async () => {
    await forceValue('givenName', 2_600_000);
    await page.getByRole('button', { name: 'احفظ التعديل' }).click();
    await page.getByText('المُدخل كبير جدًا').waitFor();
    expect(await alertText()).not.toMatch(LATIN);
    expect(await alertText()).not.toContain('حدث خطأ');
    await screenshots(page, 'error-too-large', async (lang) => {
      if (lang === 'en') await page.getByText('The input is too large').waitFor();
    });
    // the server itself, over HTTP from the browser: 413 with its problem id, the name not echoed
    const answer = await page.evaluate(async (bearer) => {
      try {
        const r = await fetch('/api/v1/persons', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
          body: JSON.stringify({ givenName: 'ر'.repeat(2_600_000), familyName: 'حداد', governorate: 'PS0260' }),
        });
        const text = await r.text();
        return { status: r.status, type: r.headers.get('content-type'), body: text.slice(0, 300) };
      } catch (e) {
        return { status: 0, type: null, body: String(e) };
      }
    }, token);
    expect(answer.status, answer.body).toBe(413);
    expect(answer.type).toContain('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ type: '/problems/payload_too_large', status: 413 });
  }, 300_000);
});
