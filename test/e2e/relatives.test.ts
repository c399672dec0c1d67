// End to end: relatives are not duplicates. Two invented twin brothers were registered with the
// same ID number by mistake (strong evidence of one person, so `sanad duplicates` puts the pair in
// the review queue); the caseworker sees it labelled as probable relatives, "probably twins", in
// Arabic at 360 px and in English, opens it, reads the note, and decides "two different people".
// The seeded households (no one twice) give no pair at all. Every name here is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nationalIdCheckDigit } from '../../src/registry/nationalId.ts';
import type { TestDb } from '../support/db.ts';
import { addUser, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage, sanad, SCREENSHOTS } from './support.ts';
import { screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const REGISTRAR = 'registrar.relatives';
const CASEWORKER = 'caseworker.relatives';
const id8 = '41726354';
const NATIONAL_ID = id8 + String(nationalIdCheckDigit(id8));
const TWIN = {
  fatherName: 'سليم',
  grandfatherName: 'عادل',
  familyName: 'الشريف',
  sex: 'male',
  dateOfBirth: '2012-04-09',
  governorate: 'PS0260',
};
const NAMES = ['يزن', 'ليث'];

const run = browserAvailable();
let db: TestDb;
let server: Server;
let browser: Browser;
let env: NodeJS.ProcessEnv;
const contexts: BrowserContext[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-relatives-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server, env } = await serveFresh(dataDir, (env) => {
    addUser(env, REGISTRAR, 'registration_officer');
    addUser(env, CASEWORKER, 'caseworker');
    sanad(['seed', '--households', '40', '--seed', '5', '--user', REGISTRAR, '--no-progress'], env);
  }));
  browser = await launch();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const fullName = (given: string) => `${given} ${TWIN.fatherName} ${TWIN.grandfatherName} ${TWIN.familyName}`;

describe.runIf(run)('relatives in the review queue', () => {
  test('twins with one ID number: reviewed as probable relatives, decided as two people', async () => {
    // The seeded households hold families and no one twice: no pair at all.
    sanad(['duplicates', '--user', CASEWORKER, '--no-progress'], env);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM match_candidate')).rows[0].n).toBe(0);

    // 1. The twins, registered with the same ID number by mistake.
    const token = await apiSignIn(server.url, REGISTRAR, PASSWORD);
    for (const givenName of NAMES) {
      const r = await fetch(`${server.url}/api/v1/persons`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...TWIN, givenName, nationalId: NATIONAL_ID }),
      });
      expect(r.status).toBe(201);
    }
    sanad(['duplicates', '--user', CASEWORKER, '--no-progress'], env);
    const rows = (await db.pool.query<{ id: string; status: string; relation: string }>('SELECT id, status, relation FROM match_candidate'))
      .rows;
    expect(rows).toEqual([{ id: expect.any(String), status: 'pending', relation: 'twins' }]);

    // 2. The caseworker's queue: the pair, labelled probable relatives (twins), not "the same person".
    const { ctx, page } = await phonePage(browser, { urls: [] });
    contexts.push(ctx);
    await page.goto(server.url);
    await signIn(page, CASEWORKER, PASSWORD);
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'مراجعة التكرار' }).click();
    const entry = page.getByRole('link', { name: new RegExp(fullName(NAMES[0]!)) });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('على الأرجح أقارب، لا الشخص نفسه');
    expect(await entry.textContent()).toContain('توأمان على الأرجح');
    expect(await entry.textContent()).not.toContain('على الأرجح جداً الشخص نفسه');
    await screenshots(page, 'review-relatives-queue', (lang) =>
      entry.getByText(lang === 'ar' ? 'توأمان على الأرجح' : 'Probably twins').waitFor(),
    );

    // 3. The pair: the heading says relatives, the note says why it is shown.
    await entry.click();
    await page.getByRole('heading', { name: 'على الأرجح أقارب، لا الشخص نفسه' }).waitFor();
    await page.getByText('الأسماء وتواريخ الميلاد تدل على قرابة.', { exact: false }).waitFor();
    await screenshots(page, 'review-relatives-pair', (lang) =>
      page
        .getByRole('heading', { name: lang === 'ar' ? 'على الأرجح أقارب، لا الشخص نفسه' : 'Probably relatives, not the same person' })
        .waitFor(),
    );
    await setLang(page, 'en');
    await page.getByText('Probably twins').waitFor();
    await setLang(page, 'ar');

    // 4. Two different people: decided, never linked.
    await page.getByRole('button', { name: 'شخصان مختلفان', exact: true }).click();
    await expect.poll(async () => (await db.pool.query('SELECT status FROM match_candidate')).rows[0].status).toBe('different');
    expect((await db.pool.query('SELECT count(*)::int AS n FROM person_link')).rows[0].n).toBe(0);
  }, 240_000);
});
