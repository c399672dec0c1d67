// End to end: a registration officer corrects a person's record in the web app, from a fresh start
// with seeded (synthetic) households. In Arabic, right to left, on a 360 px phone: search the person
// by name, open the record, "Edit details", change the father's name and the phone with a reason,
// save, and read the edit in the history (who, when, the reason, each field before -> after). Then a
// stale version: someone else changes the record (through the API) while the form is open, and the
// save answers in words that someone else changed it, with a button that reloads the record. Then
// the same in English. Screenshots of the form, the history and the conflict in both languages.
// Every name here is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const USER = 'editor.e2e';
const COLLEAGUE = 'colleague.e2e'; // another registration officer of the same organisation
const run = browserAvailable();

type Person = {
  id: string;
  version: number;
  givenName: string | null;
  fatherName: string | null;
  grandfatherName: string | null;
  familyName: string | null;
  fullNameEn: string | null;
  sex: string | null;
  dateOfBirth: string | null;
  dobPrecision: string | null;
  nationalId: string | null;
  phone: string | null;
  governorate: string;
};

/** What each language says on these screens. */
const WORDS = {
  ar: {
    search: 'البحث',
    searchTitle: 'البحث في السجل',
    name: 'الاسم',
    find: 'بحث',
    person: 'بيانات الشخص',
    edit: 'تعديل البيانات',
    editTitle: 'تعديل بيانات الشخص',
    father: 'اسم الأب',
    phone: 'الهاتف',
    reason: 'سبب التعديل',
    save: 'احفظ التعديل',
    required: 'مطلوب.',
    edited: 'عُدّل',
    reasonLabel: 'السبب',
    arrow: '←',
    byYou: 'بواسطة أنت',
    conflict: 'عدّل شخص آخر هذا السجل بعد أن فتحته',
    reload: 'أعد تحميل السجل',
  },
  en: {
    search: 'Search',
    searchTitle: 'Search the registry',
    name: 'Name',
    find: 'Search',
    person: 'Person',
    edit: 'Edit details',
    editTitle: 'Edit person',
    father: "Father's name",
    phone: 'Phone',
    reason: 'Reason for the change',
    save: 'Save the change',
    required: 'Required.',
    edited: 'Changed',
    reasonLabel: 'Reason',
    arrow: '→',
    byYou: 'by you',
    conflict: 'Someone else changed this record after you opened it',
    reload: 'Reload the record',
  },
};

/** A form field by the start of its label (a label may end with "(optional)"; "Father's name" is not "Grandfather's name"). */
const field = (label: string) => page.locator('form').getByLabel(new RegExp(`^${label}`));
const arabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));

// The state, the start and the end of this file's run; the tests follow in groups of steps.
let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let token: string;
let colleagueToken: string;
let person: Person;
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-edit-'));

/** A seeded person with the four name parts and a phone. */
async function seededPerson(): Promise<Person> {
  const call = apiCaller(server.url, token);
  // the ids straight from the database: paging the registry is an administrator's job (GET /api/v1/persons)
  const list = (await db.pool.query<{ id: string }>('SELECT id FROM person ORDER BY id LIMIT 200')).rows;
  for (const { id } of list) {
    const p = (await call('GET', `/api/v1/persons/${id}`)) as Person;
    if (p.givenName && p.fatherName && p.grandfatherName && p.familyName && p.phone && p.dobPrecision !== 'estimated') return p;
  }
  throw new Error('no seeded person with a full name and a phone');
}

/** A colleague's change through the API: PUT with the version they read. */
async function changeElsewhere(p: Person, change: Partial<Person>, reason: string): Promise<Person> {
  const body: Record<string, unknown> = { version: p.version, reason, governorate: p.governorate };
  for (const k of ['givenName', 'fatherName', 'grandfatherName', 'familyName', 'fullNameEn', 'sex', 'nationalId', 'phone'] as const)
    if (p[k] !== null) body[k] = p[k];
  if (p.dateOfBirth)
    body.dateOfBirth =
      p.dobPrecision === 'month' ? p.dateOfBirth.slice(0, 7) : p.dobPrecision === 'year' ? p.dateOfBirth.slice(0, 4) : p.dateOfBirth;
  Object.assign(body, change);
  const r = await fetch(`${server.url}/api/v1/persons/${p.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${colleagueToken}` },
    body: JSON.stringify(body),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as Person;
}

const current = async (): Promise<Person> => (await apiCaller(server.url, token)('GET', `/api/v1/persons/${person.id}`)) as Person;

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, USER, 'registration_officer');
    addUser(env, COLLEAGUE, 'registration_officer');
    sanad(['seed', '--households', '20', '--seed', '11', '--user', USER, '--no-progress'], env);
  }));
  token = await apiSignIn(server.url, USER, PASSWORD);
  colleagueToken = await apiSignIn(server.url, COLLEAGUE, PASSWORD);
  person = await seededPerson();
  browser = await launch();
  ({ page } = await phonePage(browser, { urls }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

/** From the search screen to the edit form of the seeded person, in the page's language. */
async function openEditForm(w: (typeof WORDS)['ar']) {
  await page.getByRole('link', { name: w.search, exact: true }).click();
  await page.getByRole('heading', { name: w.searchTitle }).waitFor();
  await page.getByRole('textbox', { name: w.name, exact: true }).fill(`${person.givenName} ${person.familyName}`);
  await page.getByRole('button', { name: w.find, exact: true }).click();
  await page.locator(`a[href="/persons/${person.id}"]`).first().click();
  await page.getByRole('heading', { name: w.person, exact: true }).waitFor();
  await page.getByRole('link', { name: w.edit }).click();
  await page.getByRole('heading', { name: w.editTitle }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/persons/${person.id}/edit`);
}

/** Edits the father's name and the phone with a reason, saves, and reads the history entry. */
async function editAndSeeHistory(lang: 'ar' | 'en', change: { father: string; phone: string; reason: string }) {
  const w = WORDS[lang];
  const before = await current();
  await openEditForm(w);
  const form = page.locator('form');
  // Prefilled with the record as it is.
  expect(await field(w.father).inputValue()).toBe(before.fatherName);
  // The reason is required by the screen.
  await field(w.father).fill(change.father);
  await field(w.phone).fill(change.phone);
  await page.getByRole('button', { name: w.save }).click();
  await form.getByText(w.required).waitFor();
  expect((await current()).version).toBe(before.version);
  await field(w.reason).fill(change.reason);
  if (lang === 'ar') await screenshots(page, 'person-edit'); // both languages, phone and desktop
  await page.getByRole('button', { name: w.save }).click();

  // Back on the person page: the history shows who, when, the reason and each change in words.
  await page.getByRole('heading', { name: w.person, exact: true }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/persons/${person.id}`);
  const entry = page.locator('.timeline li', { hasText: change.reason });
  await entry.waitFor();
  await expect.poll(() => entry.textContent()).toContain(`${w.reasonLabel}: ${change.reason}`);
  const text = (await entry.textContent()) ?? '';
  expect(text).toContain(w.edited);
  expect(text).toContain(w.byYou);
  expect(text).toContain(`${w.father}: ${before.fatherName} ${w.arrow} ${change.father}`);
  // The server keeps the phone in its international form: the history shows what it keeps.
  const after = await current();
  expect([after.version, after.fatherName, after.phone?.endsWith(change.phone.slice(1))]).toEqual([
    before.version + 1,
    change.father,
    true,
  ]);
  const digits = lang === 'ar' ? arabicIndic : (s: string) => s;
  expect(text).toContain(`${w.phone}: ${digits(before.phone!)} ${w.arrow} ${digits(after.phone!)}`);
  expect(await entry.locator('time').count()).toBe(1);
  // The numbers are isolated left to right inside the right-to-left text.
  expect(await entry.locator(`bdi[dir="ltr"]:text-is("${digits(after.phone!)}")`).count()).toBe(1);
  if (lang === 'ar') await screenshots(page, 'person-history', () => entry.waitFor());
}

/** The form open on an old version while someone else saves: the conflict in words, then reload. */
async function staleVersion(
  lang: 'ar' | 'en',
  elsewhere: { grandfather: string; reason: string },
  mine: { father: string; reason: string },
) {
  const w = WORDS[lang];
  await openEditForm(w);
  await field(w.father).fill(mine.father);
  await field(w.reason).fill(mine.reason);
  const theirs = await changeElsewhere(await current(), { grandfatherName: elsewhere.grandfather }, elsewhere.reason);
  await page.getByRole('button', { name: w.save }).click();
  await page.getByText(w.conflict).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/persons/${person.id}/edit`);
  expect((await current()).fatherName).not.toBe(mine.father);
  if (lang === 'ar') await screenshots(page, 'person-edit-conflict');
  await page.getByRole('button', { name: w.reload }).click();
  // The form starts again from the record as it is now, with the other person's change.
  await expect.poll(() => field(w.father).inputValue()).toBe(theirs.fatherName);
  expect(await page.getByText(w.conflict).count()).toBe(0);
  const grandfather = lang === 'ar' ? 'اسم الجد' : "Grandfather's name";
  expect(await field(grandfather).inputValue()).toBe(elsewhere.grandfather);
  // Saved again on the new version, it goes through.
  await field(w.father).fill(mine.father);
  await field(w.reason).fill(mine.reason);
  await page.getByRole('button', { name: w.save }).click();
  await page.getByRole('heading', { name: w.person, exact: true }).waitFor();
  await page.locator('.timeline li', { hasText: mine.reason }).waitFor();
  expect((await current()).fatherName).toBe(mine.father);
  // The colleague's change is in the history too, with their name and their reason.
  expect(await page.locator('.timeline li', { hasText: elsewhere.reason }).textContent()).toContain(COLLEAGUE);
}

describe.skipIf(!run)('edit a person with a reason, and see the history (registration officer)', () => {
  test('in Arabic on a phone: search, open, edit with a reason, the history; a stale version', async () => {
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, USER, PASSWORD);
    await page.getByRole('heading', { name: WORDS.ar.searchTitle }).waitFor();
    await editAndSeeHistory('ar', { father: 'عبد الرحيم', phone: '0599765432', reason: 'تصحيح اسم الأب من بطاقة الهوية' });
    await staleVersion(
      'ar',
      { grandfather: 'إسماعيل', reason: 'تصحيح اسم الجد من شهادة الميلاد' },
      { father: 'عبد الكريم', reason: 'تصحيح ثانٍ لاسم الأب' },
    );
  }, 300_000);

  test('in English on a phone: the same edit and the same conflict', async () => {
    await setLang(page, 'en');
    await editAndSeeHistory('en', { father: 'منصور', phone: '0598111222', reason: 'Father’s name corrected from the ID card' });
    await staleVersion(
      'en',
      { grandfather: 'عثمان', reason: 'Grandfather’s name corrected' },
      { father: 'نبيل', reason: 'Second correction' },
    );
    await setLang(page, 'ar');
  }, 300_000);

  test('no name, phone or reason travels in a URL', () => {
    const personal = [person.phone!, '0599765432', encodeURIComponent('عبد الرحيم'), encodeURIComponent('تصحيح'), 'corrected'];
    expect(urls.filter((u) => personal.some((p) => u.includes(p)))).toEqual([]);
  });
});
