// End to end: the death of a head of household does not stop the household's aid. A cycle is
// generated and the household's card issued; then its head's death is confirmed by an official
// record. In Arabic on a 360 px phone, a registration officer opens the task it created and makes
// the proposed spouse the head (and so the one who collects); a distribution officer types the
// household's card number online: the identity check shows the new head's name, and the open
// entitlements are handed out once. In English, the same card typed again hands out nothing more
// and the household page shows the new head. Every name here is synthetic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, generatedCycle, launch, PASSWORD, phonePage } from './support.ts';
import { SCREENSHOTS, screenshots, seedForDistribution, serveFresh, type Server, setLang, signIn, switchUser } from './support.ts';

const REGISTRAR = 'registrar.head.e2e';
const OFFICER = 'officer.head.e2e';
const run = browserAvailable();

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let cycleId = '';
let pointId = '';
const hh = { id: '', head: '', spouse: '', spouseName: '', entitlements: [] as string[], card: { serial: 0, number: '' } };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-headdeath-'));
const rows = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.pool.query<T>(sql, params)).rows;
const standing = () =>
  rows<{ entitlement_id: string }>("SELECT entitlement_id FROM redemption WHERE entitlement_id = ANY($1::uuid[]) AND status = 'standing'", [
    hh.entitlements,
  ]);

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    seedForDistribution(env, { seed: 31, officers: [OFFICER] });
    addUser(env, REGISTRAR, 'registration_officer');
  }));
  const call = apiCaller(server.url, await apiSignIn(server.url, 'admin.e2e', PASSWORD));
  cycleId = await generatedCycle(call);
  // a household at a point whose head has a spouse living with them
  const [h] = await rows<{ household_id: string; point_id: string; head: string; spouse: string; spouse_name: string }>(
    `SELECT c.household_id, c.point_id, hm.person_id AS head, sm.person_id AS spouse, sp.full_name AS spouse_name
       FROM cycle_household c
       JOIN household_member hm ON hm.household_id = c.household_id AND hm.relationship = 'head' AND hm.valid_to IS NULL
       JOIN household_member sm ON sm.household_id = c.household_id AND sm.relationship = 'spouse' AND sm.valid_to IS NULL
       JOIN person sp ON sp.id = sm.person_id
      WHERE c.cycle_id = $1 AND c.point_id IS NOT NULL
      ORDER BY c.household_id LIMIT 1`,
    [cycleId],
  );
  expect(h).toBeDefined();
  Object.assign(hh, { id: h!.household_id, head: h!.head, spouse: h!.spouse, spouseName: h!.spouse_name });
  pointId = h!.point_id;
  hh.entitlements = (
    await rows<{ id: string }>('SELECT id FROM entitlement WHERE cycle_id = $1 AND household_id = $2', [cycleId, hh.id])
  ).map((r) => r.id);
  expect(hh.entitlements.length).toBeGreaterThan(0);
  hh.card = await call('POST', '/api/v1/aid/cards', { householdId: hh.id });
  // the head's death, from an official record: confirmed at once
  const death = await call('POST', `/api/v1/persons/${hh.head}/life-events`, { kind: 'death', source: 'official_record' });
  expect(death.state).toBe('confirmed');
  browser = await launch();
  ({ page } = await phonePage(browser));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

async function typeNumber(number: string) {
  const field = page.getByLabel(/أو اكتب رقم البطاقة|Or type the card number/);
  await field.fill('');
  await field.focus();
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
}

describe.skipIf(!run)("a head of household's death: the new head collects the open entitlements", () => {
  test('in Arabic on a phone: the spouse made head from the task; at the point the card shows the new head and hands out once', async () => {
    await page.goto(server.url);
    await signIn(page, REGISTRAR, PASSWORD);
    await page.locator('nav').getByRole('link', { name: 'المهام', exact: true }).click();
    // the one open task: the death just confirmed
    await page.locator('li.card').first().getByRole('link', { name: 'افتح المهمة' }).click();
    // the spouse is proposed
    expect(await page.locator(`input[name="newHead"][value="${hh.spouse}"]`).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'اجعله ربّ الأسرة' }).click();
    await page.getByText('أُنجزت المهمة: تغيّر ربّ الأسرة.').waitFor();
    const [head] = await rows<{ person_id: string }>(
      "SELECT person_id FROM household_member WHERE household_id = $1 AND relationship = 'head' AND valid_to IS NULL",
      [hh.id],
    );
    expect(head!.person_id).toBe(hh.spouse);

    await switchUser(page, OFFICER, 'ar');
    await page.locator('nav').getByRole('link', { name: 'التوزيع', exact: true }).click();
    await page.getByRole('heading', { name: 'نقطة التوزيع', level: 1 }).waitFor();
    await page.getByLabel('الدورة', { exact: true }).selectOption(cycleId);
    await page.getByLabel('نقطة التوزيع', { exact: true }).selectOption(pointId);
    await page.getByRole('button', { name: 'نزّل القائمة للعمل دون اتصال' }).click();
    await page
      .getByText(/^جاهز دون اتصال: /)
      .first()
      .waitFor();
    await typeNumber(hh.card.number);
    const identity = page.getByRole('region', { name: 'من صاحب البطاقة' });
    await identity.getByText('من الخادم الآن.').waitFor({ timeout: 30_000 });
    expect(await identity.locator('.dist-head').textContent()).toBe(hh.spouseName);
    await screenshots(page, 'head-death-collector', () => page.getByRole('region', { name: /من صاحب البطاقة|Whose card it is/ }).waitFor());
    await setLang(page, 'ar');
    await page.getByLabel('تحقّقت من وثيقة هوية المستلم وهي تطابق البطاقة').check();
    await page.getByRole('button', { name: 'سجّل التسليم' }).click();
    await expect.poll(async () => (await standing()).length, { timeout: 30_000 }).toBe(hh.entitlements.length);
  }, 240_000);

  test('in English: the same card typed again hands out nothing more; the household page shows the new head', async () => {
    await setLang(page, 'en');
    await typeNumber(hh.card.number);
    await page.getByText('This household has already received its share. Hand nothing out.').waitFor({ timeout: 30_000 });
    expect((await standing()).length).toBe(hh.entitlements.length);
    await switchUser(page, REGISTRAR, 'en');
    await page.goto(`${server.url}/households/${hh.id}`);
    const headRow = page.locator('.hh-members li.hh-head');
    await headRow.waitFor();
    expect(await headRow.textContent()).toContain(hh.spouseName);
  }, 240_000);
});
