// End to end: the auditor's job in the web app, in Debian's chromium against a real server, on a
// 360 px phone, in Arabic (right to left) and then in English. From a fresh start a registration
// officer registers a person, edits the given name (PUT /api/v1/persons/:id) and opens the record
// through the API; the auditor signs in, lands on Audit, filters the log by kind, action and who,
// opens the edit and sees before/after, asks who read the record, runs the chain check (intact);
// the test then edits a row of the change log in the database (as test/cli/audit.test.ts does) and
// the check names the first bad entry; it says no anchor was made yet. In English the row is first
// put back and an administrator anchors the chain (`sanad audit anchor`): intact again, with the
// latest anchor shown; then broken again. An administrator (who may open person pages and read the log) sees on the person
// page who read the record. Screenshots of the log, an entry, the check and the person page's reads
// in both languages. Names invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage, SCREENSHOTS, sanad, screenshots } from './support.ts';
import { serveFresh, type Server, setLang, signIn } from './support.ts';

const OFFICER = 'registrar.audit';
const AUDITOR = 'auditor.audit';
const ADMIN = 'admin.audit';
const arabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
const run = browserAvailable();

let db: TestDb;
let server: Server;
let env: NodeJS.ProcessEnv;
let browser: Browser;
let page: Page;
let personId = '';
let readSeq = 0;
const pageErrors: string[] = [];
const urls: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-audit-'));

/** The officer's work through the API: register, edit the given name, open the full record. */
async function officerWork(url: string): Promise<void> {
  const token = await apiSignIn(url, OFFICER, PASSWORD);
  const call = async (method: string, p: string, body?: unknown) => {
    const r = await fetch(url + p, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await r.json()) as Record<string, unknown>;
    if (r.status >= 300) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  const input = {
    givenName: 'سامر',
    fatherName: 'خليل',
    grandfatherName: 'إبراهيم',
    familyName: 'الحداد',
    sex: 'male',
    dateOfBirth: '1988-04-21',
    governorate: 'PS0260',
  };
  const created = await call('POST', '/api/v1/persons', input);
  personId = String(created.id);
  await call('PUT', `/api/v1/persons/${personId}`, { ...input, givenName: 'سليم', version: created.version });
  await call('GET', `/api/v1/persons/${personId}`);
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server, env } = await serveFresh(dataDir, (env) => {
    addUser(env, OFFICER, 'registration_officer');
    addUser(env, AUDITOR, 'auditor');
    addUser(env, ADMIN, 'administrator');
  }));
  await officerWork(server.url);
  readSeq = (
    await db.pool.query<{ seq: number }>(
      "SELECT seq::int AS seq FROM change_log WHERE entity = 'person' AND action = 'read' AND entity_id = $1",
      [personId],
    )
  ).rows[0]!.seq;
  browser = await launch();
  ({ page } = await phonePage(browser, { urls, pageErrors }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

/** Rewrites the action of a change-log row behind the chain's back (the trigger is off in replica mode). */
async function setAction(seq: number, action: string): Promise<void> {
  const c = await db.owner.connect(); // the owner: the server's role cannot touch the log
  try {
    await c.query('BEGIN');
    await c.query("SET LOCAL session_replication_role = 'replica'");
    await c.query('UPDATE change_log SET action = $1 WHERE seq = $2', [action, seq]);
    await c.query('COMMIT');
  } finally {
    c.release();
  }
}

const W = {
  ar: {
    title: 'التدقيق: سجل التغييرات',
    nav: 'التدقيق',
    kind: 'نوع السجل',
    action: 'الإجراء',
    who: 'اسم المستخدم',
    apply: 'تطبيق',
    clear: 'مسح المرشّحات',
    shown: (n: number) => `عدد القيود المعروضة: ${arabicIndic(String(n))}`,
    edit: 'شخص: تعديل',
    read: 'شخص: اطّلاع',
    entry: 'القيد رقم',
    before: 'قبل',
    after: 'بعد',
    reads: 'من اطّلع على هذا السجل',
    back: 'العودة إلى سجل التغييرات',
    check: 'افحص السلسلة',
    intact: 'سجل التغييرات سليم',
    broken: (seq: number) => `أول قيد فيه خلل هو القيد رقم ${arabicIndic(String(seq))}`,
    edited: 'عُدّل هذا القيد بعد كتابته',
    noAnchor: 'لا نقطة تثبيت بعد',
  },
  en: {
    title: 'Audit: the change log',
    nav: 'Audit',
    kind: 'Kind of record',
    action: 'Action',
    who: 'Username',
    apply: 'Apply',
    clear: 'Clear filters',
    shown: (n: number) => `Entries shown: ${n}`,
    edit: 'Person: Update',
    read: 'Person: Read',
    entry: 'Entry no.',
    before: 'Before',
    after: 'After',
    reads: 'Who read this record',
    back: 'Back to the log',
    check: 'Check the chain',
    intact: 'The log is intact',
    broken: (seq: number) => `the first bad entry is entry no. ${seq}`,
    edited: 'This entry was changed after it was written',
    anchor: /Last anchor at entry no\. \u2068\d+\u2069, made on .*Anchors compared: \u20681\u2069/,
  },
};

const results = () => page.locator('section.results');
const chain = () => page.locator('[data-chain]');
const anchorState = () => page.locator('[data-anchor]');

/** Filters by kind, action and who; waits for the list to say how many entries it shows. */
async function filter(lang: 'ar' | 'en', f: { kind?: string; action?: string; who?: string }, expected: number) {
  const w = W[lang];
  await page.getByLabel(w.kind).selectOption(f.kind ?? '');
  await page.getByLabel(w.action).selectOption(f.action ?? '');
  await page.getByLabel(w.who).fill(f.who ?? '');
  await page.getByRole('button', { name: w.apply }).click();
  await results()
    .getByRole('heading', { name: w.shown(expected), exact: true })
    .waitFor();
}

/** Finds the edit, opens it, checks before/after and who read the record; returns to the log. */
async function findTheEdit(lang: 'ar' | 'en', shoot: boolean) {
  const w = W[lang];
  await filter(lang, { kind: 'person', action: 'update', who: OFFICER }, 1);
  const item = results().locator('li');
  expect(await item.textContent()).toContain(w.edit);
  expect(await item.textContent()).toContain(OFFICER);
  if (shoot) await screenshots(page, 'audit-log', () => results().waitFor());
  await item.getByRole('link').click();
  await page.getByRole('heading', { name: w.entry, level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/audit\/\d+$/);
  await expect.poll(() => page.getByRole('region', { name: w.before }).textContent()).toContain('سامر');
  expect(await page.getByRole('region', { name: w.after }).textContent()).toContain('سليم');
  expect(await page.locator('main').textContent()).toContain(personId);
  if (shoot)
    await screenshots(page, 'audit-entry', () =>
      page
        .getByRole('region', { name: 'قبل' })
        .or(page.getByRole('region', { name: 'Before' }))
        .waitFor(),
    );
  // who read this record: the officer, once
  await page.getByRole('button', { name: w.reads }).click();
  await results()
    .getByRole('heading', { name: w.shown(1), exact: true })
    .waitFor();
  expect(await results().locator('li').textContent()).toContain(w.read);
  expect(await results().locator('li').textContent()).toContain(OFFICER);
  await page.getByRole('button', { name: w.clear }).click();
}

/** Runs the chain check and waits for its answer. */
async function check(lang: 'ar' | 'en'): Promise<string> {
  await page.getByRole('button', { name: W[lang].check }).click();
  await expect.poll(() => page.locator('.audit-check button').isEnabled()).toBe(true);
  await chain().waitFor();
  return (await chain().textContent()) ?? '';
}

describe.skipIf(!run)('the auditor’s job in the web app', () => {
  test('in Arabic on a phone: the log, the filters, an edit’s before/after, who read it, the chain check intact then broken', async () => {
    await page.goto(server.url);
    await signIn(page, AUDITOR, PASSWORD);
    // the auditor's home is the audit screen, and Audit is in the menu
    await page.getByRole('heading', { name: W.ar.title, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/audit');
    await page.getByRole('navigation').getByRole('link', { name: W.ar.nav }).waitFor();
    await expect.poll(() => page.evaluate<string>('document.documentElement.dir')).toBe('rtl');
    await findTheEdit('ar', true);
    expect(await check('ar')).toContain(W.ar.intact);
    expect(await anchorState().textContent()).toContain(W.ar.noAnchor);
    await screenshots(page, 'audit-check', () => chain().waitFor());
    await setAction(readSeq, 'update');
    await expect.poll(() => check('ar')).toContain(W.ar.broken(readSeq));
    expect(await chain().textContent()).toContain(W.ar.edited);
    await screenshots(page, 'audit-check-broken', () => chain().waitFor());
  }, 240_000);

  test('the same in English: put back, intact, with the anchor made meanwhile; broken again, the first bad entry named', async () => {
    await setAction(readSeq, 'read');
    sanad(['audit', 'anchor', '--user', ADMIN], env);
    await setLang(page, 'en');
    await page.getByRole('navigation').getByRole('link', { name: W.en.nav }).click();
    await page.getByRole('heading', { name: W.en.title, level: 1 }).waitFor();
    await page.getByRole('button', { name: W.en.clear }).click();
    await findTheEdit('en', false);
    await expect.poll(() => check('en')).toContain(W.en.intact);
    expect(await anchorState().textContent()).toMatch(W.en.anchor);
    await setAction(readSeq, 'update');
    await expect.poll(() => check('en')).toContain(W.en.broken(readSeq));
    expect(await chain().textContent()).toContain(W.en.edited);
    await setAction(readSeq, 'read'); // put back for the next step
    await setLang(page, 'ar');
  }, 240_000);

  test('an administrator sees who read the record on the person page (Arabic, then English)', async () => {
    const { ctx, page: admin } = await phonePage(browser, { pageErrors });
    try {
      await admin.goto(server.url);
      await signIn(admin, ADMIN, PASSWORD);
      await admin.goto(`${server.url}/persons/${personId}`);
      const reads = admin.locator('section[aria-labelledby=record-reads]');
      await reads.getByRole('heading', { name: 'من اطّلع على هذا السجل' }).waitFor();
      // the officer's read, and this one (logged before the page showed the record)
      await expect.poll(() => reads.locator('li bdi').allTextContents()).toEqual([ADMIN, OFFICER]);
      await screenshots(admin, 'audit-person-reads', () => reads.locator('li').first().waitFor());
      await setLang(admin, 'en');
      await reads.getByRole('heading', { name: 'Who read this record' }).waitFor();
    } finally {
      await ctx.close();
    }
  }, 120_000);

  test('nothing personal in the URLs; no page errors', () => {
    const paths = urls.map((u) => new URL(u)).filter((u) => u.origin === server.url);
    for (const u of paths)
      for (const s of ['سامر', 'سليم', encodeURIComponent('سامر'), encodeURIComponent('سليم')]) expect(u.href).not.toContain(s);
    expect(paths.some((u) => u.pathname === '/api/v1/audit/verify')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
