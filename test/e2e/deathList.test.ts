// End to end: the administrator applies a health ministry's death list in the web app, from seeded
// (synthetic) households. In Arabic, right to left, on a 360 px phone: open "Death list", choose a
// CSV of three rows (a head of household, an ID number nobody has, a registered ID with another
// name), apply it, and read the result: one applied, two held with their reasons. The head's death
// is confirmed, so the tasks screen proposes a new head for the household. Then the same in English
// with another household's head, and the first list again: already known, nothing added.
// Screenshots of the result and the tasks in both languages. Every name here is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const USER = 'deaths.e2e';
const run = browserAvailable();

const WORDS = {
  ar: {
    nav: 'قائمة الوفيات',
    title: 'قائمة وفيات وزارة الصحة',
    file: 'ملف القائمة (CSV)',
    apply: 'طبّق القائمة',
    result: 'النتيجة',
    applied: 'طُبّقت (وفيات مؤكَّدة جديدة)',
    known: 'معروفة من قبل (لم يُضف شيء)',
    notFound: 'لا أحد في السجل بهذا الرقم',
    mismatch: 'الاسم لا يطابق صاحب الرقم',
    tasks: 'افتح المهام الناتجة',
    tasksTitle: 'المهام',
    proposed: 'المقترح:',
    digits: (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d))),
  },
  en: {
    nav: 'Death list',
    title: 'Health ministry death list',
    file: 'List file (CSV)',
    apply: 'Apply the list',
    result: 'Result',
    applied: 'Applied (new confirmed deaths)',
    known: 'Already known (nothing added)',
    notFound: 'No one in the registry has this number',
    mismatch: 'The name is not that of the number’s holder',
    tasks: 'Open the resulting tasks',
    tasksTitle: 'Tasks',
    proposed: 'Proposed:',
    digits: (s: string) => s,
  },
};

type Head = { id: string; household_id: string; national_id: string; parts: string[]; full_name: string };

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-deaths-'));
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-deaths-lists-'));

/** Heads of seeded households with an ID number, four name parts and someone else in the household. */
async function heads(): Promise<Head[]> {
  const r = await db.pool.query<Head>(
    `SELECT p.id, hm.household_id, p.national_id, ARRAY[p.given_name, p.father_name, p.grandfather_name, p.family_name] AS parts, p.full_name
       FROM household_member hm JOIN person p ON p.id = hm.person_id
      WHERE hm.relationship = 'head' AND hm.valid_to IS NULL AND p.national_id IS NOT NULL AND p.given_name IS NOT NULL
        AND p.father_name IS NOT NULL AND p.grandfather_name IS NOT NULL AND p.family_name IS NOT NULL
        AND (SELECT count(*) FROM household_member o WHERE o.household_id = hm.household_id AND o.valid_to IS NULL) > 1
      ORDER BY p.id LIMIT 3`,
  );
  if (r.rows.length < 3) throw new Error('not enough seeded heads');
  return r.rows;
}

const HEADER = 'national_id,given_name,father_name,grandfather_name,family_name,date_of_death,list_reference';

function listFile(name: string, rows: string[]): string {
  const file = path.join(files, name);
  fs.writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
  return file;
}

let found: Head[];

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, USER, 'administrator');
    sanad(['seed', '--households', '12', '--seed', '15', '--user', USER, '--no-progress'], env);
  }));
  found = await heads();
  browser = await launch();
  ({ page } = await phonePage(browser));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir, files] }), 60_000);

/** Opens the screen from the menu, chooses the file, applies it and waits for the result. */
async function upload(lang: 'ar' | 'en', file: string) {
  const w = WORDS[lang];
  await page.getByRole('link', { name: w.nav, exact: true }).click();
  await page.getByRole('heading', { name: w.title }).waitFor();
  await page.getByLabel(w.file).setInputFiles(file);
  await page.getByRole('button', { name: w.apply }).click();
  await page.getByRole('heading', { name: w.result }).waitFor();
}

/** The figure beside a label of the result. */
const figure = (label: string) => page.locator('dl.facts > div', { has: page.locator(`dt:text-is("${label}")`) }).locator('dd');

/** The tasks screen shows the new-head task of the household of `head`, proposing someone. */
async function seeTask(lang: 'ar' | 'en', head: Head) {
  const w = WORDS[lang];
  await page.getByRole('link', { name: w.tasks }).click();
  await page.getByRole('heading', { name: w.tasksTitle, exact: true }).waitFor();
  const card = page.locator('li.card', { hasText: head.full_name });
  await card.waitFor();
  expect(await card.textContent()).toContain(w.proposed);
}

describe.skipIf(!run)('a ministry death list in the web app', () => {
  test('Arabic at 360 px: one applied, two held with their reasons; the head’s death proposes a new head', async () => {
    await page.goto(server.url);
    await signIn(page, USER, PASSWORD);
    await setLang(page, 'ar');
    const [head, other] = found;
    const file = listFile('moh-ar.csv', [
      [head!.national_id, ...head!.parts, '2024-05-01', 'MOH-E2E-1'].join(','),
      ['000000018', 'اسم', 'غير', 'موجود', 'هنا', '2024-05-01', 'MOH-E2E-1'].join(','),
      [other!.national_id, 'مختلف', 'تماماً', 'عن', 'الاسم', '2024-05-01', 'MOH-E2E-1'].join(','),
    ]);
    await upload('ar', file);
    const w = WORDS.ar;
    expect(await figure(w.applied).textContent()).toBe(w.digits('1'));
    expect(await figure(w.notFound).textContent()).toBe(w.digits('1'));
    expect(await figure(w.mismatch).textContent()).toBe(w.digits('1'));
    expect(await page.locator('table.death-held tbody tr').count()).toBe(2);
    await screenshots(page, 'death-list', (lang) => page.getByRole('heading', { name: WORDS[lang].result }).waitFor());
    await seeTask('ar', head!);
    await screenshots(page, 'death-list-tasks', (lang) =>
      page.locator('li.card', { hasText: head!.full_name }).getByText(WORDS[lang].proposed).waitFor(),
    );
    const events = await db.pool.query("SELECT source FROM life_event WHERE person_id = $1 AND kind = 'death'", [head!.id]);
    expect(events.rows).toEqual([{ source: 'health_ministry_list' }]);
    const other_ = await db.pool.query('SELECT count(*)::int AS n FROM life_event WHERE person_id = $1', [other!.id]);
    expect(other_.rows[0].n).toBe(0);
  });

  test('English: another head applied; the first list again is already known and adds nothing', async () => {
    await setLang(page, 'en');
    const third = found[2]!;
    await upload('en', listFile('moh-en.csv', [[third.national_id, ...third.parts, '03/05/2024', 'MOH-E2E-2'].join(',')]));
    const w = WORDS.en;
    expect(await figure(w.applied).textContent()).toBe('1');
    await seeTask('en', third);
    const events = async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM life_event')).rows[0]!.n;
    const before = await events();
    await upload('en', path.join(files, 'moh-ar.csv'));
    expect(await figure(w.applied).textContent()).toBe('0');
    expect(await figure(w.known).textContent()).toBe('1');
    expect(await events()).toBe(before);
  });
});
