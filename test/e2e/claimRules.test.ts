// End to end: the claim rules editor, from a fresh start with seeded (synthetic) households. Two
// destroyed buildings in Gaza City, one unit each: the largest seeded household claims its unit as
// major damage, the smallest claims its unit as destroyed (the buildings and occupancy set up in the
// database, the claims filed through the API by a registration officer). The rules in force count a
// destroyed home only (40 points), so the destroyed unit ranks first. In Arabic on a 360 px phone,
// an administrator opens the rules, gives household size a weight of 50, previews the effect (both
// cases change rank; the large household's unit on top), saves with a reason, and sees the ranked
// claims re-ordered and the version in the history. Then in English: reads the older version, sets the
// weight back to 0, previews, saves, and the order is back. A decided case is untouched throughout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CLAIM_RULES } from '../../src/reconstruction/claimRules.ts';
import type { TestDb } from '../support/db.ts';
import { addUser, apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage } from './support.ts';
import { sanad, SCREENSHOTS, screenshots, serveFresh, type Server, setLang, signIn } from './support.ts';

const REGISTRAR = 'registrar.rules.e2e';
const ADMIN = 'admin.rules.e2e';
const run = browserAvailable();

let db: TestDb;
let server: Server;
let browser: Browser;
let page: Page;
let large = '';
let destroyed = '';
let baselineVersion = 0;
const pageErrors: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-rules-'));

/** A destroyed building in Gaza City with one unit the household lived in; returns the unit. */
async function destroyedUnit(orgId: string, householdId: string, n: number): Promise<string> {
  const lon = 34.4545 + n * 0.001;
  const b = await db.pool.query<{ id: string }>(
    `INSERT INTO building (org_id, governorate, use, floors, geometry, lon, lat, min_lon, min_lat, max_lon, max_lat, cell, source)
     VALUES ($1, 'PS0260', 'residential', 3, $2, $3, 31.5069, $3, 31.5069, $3, 31.5069, 1, 'field') RETURNING id`,
    [orgId, JSON.stringify({ type: 'Point', coordinates: [lon, 31.5069] }), lon],
  );
  const unit = (
    await db.pool.query<{ id: string }>(`INSERT INTO housing_unit (building_id, floor, unit_number) VALUES ($1, 1, $2) RETURNING id`, [
      b.rows[0]!.id,
      `${n}A`,
    ])
  ).rows[0]!.id;
  await db.pool.query(`INSERT INTO occupancy (unit_id, household_id, tenure, valid_from) VALUES ($1, $2, 'owner', '2012-03-01')`, [
    unit,
    householdId,
  ]);
  const imp = await db.pool.query<{ id: string }>(
    `INSERT INTO damage_import (org_id, file_name, file_sha256, format, tolerance_m, status) VALUES ($1, 'unosat.csv', repeat($2, 64), 'csv', 15, 'done') RETURNING id`,
    [orgId, String(n)],
  );
  await db.pool.query(
    `INSERT INTO remote_assessment (building_id, import_id, row_number, damage_class, imagery_date, lon, lat, distance_m)
     VALUES ($1, $2, 1, 'destroyed', '2025-08-05', $3, 31.5069, 2)`,
    [b.rows[0]!.id, imp.rows[0]!.id, lon],
  );
  return unit;
}

/** The largest and the smallest seeded households claim; the rules in force score a destroyed home only. */
async function scene() {
  const hh = (
    await db.pool.query<{ id: string; org_id: string; size: number }>(
      `SELECT h.id, h.org_id, count(*)::int AS size FROM household h JOIN household_member m ON m.household_id = h.id AND m.valid_to IS NULL
        GROUP BY h.id ORDER BY count(*) DESC, h.id`,
    )
  ).rows;
  const big = hh[0]!;
  const small = hh[hh.length - 1]!;
  expect(big.size, 'the seeded households differ in size').toBeGreaterThan(small.size);
  const call = apiCaller(server.url, await apiSignIn(server.url, REGISTRAR, PASSWORD));
  const file = async (householdId: string, n: number, claimedClass: string) =>
    (
      await call('POST', '/api/v1/reconstruction/claims', {
        unitId: await destroyedUnit(big.org_id, householdId, n),
        householdId,
        basis: 'owner',
        claimedClass,
        damageDate: '2024-01-10',
      })
    ).caseId as string;
  large = await file(big.id, 1, 'major');
  destroyed = await file(small.id, 2, 'destroyed');
  const admin = apiCaller(server.url, await apiSignIn(server.url, ADMIN, PASSWORD));
  const zero = { destroyed_home: 40, female_headed: 0, disability: 0, children: 0, children_max: 6, still_displaced: 0, household_size: 0 };
  baselineVersion = (
    await admin('POST', '/api/v1/reconstruction/claim-rules', {
      basedOn: 1,
      reason: 'Destroyed homes only',
      rules: { ...DEFAULT_CLAIM_RULES, priority: zero },
    })
  ).version;
}

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, REGISTRAR, 'registration_officer');
    addUser(env, ADMIN, 'administrator');
    sanad(['seed', '--households', '12', '--seed', '16', '--user', REGISTRAR, '--no-progress'], env);
  }));
  await scene();
  browser = await launch();
  ({ page } = await phonePage(browser, { pageErrors }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const rankedOrder = async () => {
  await page.locator('ol.claim-ranked li[data-case]').first().waitFor();
  return page.locator('ol.claim-ranked li[data-case]').evaluateAll((els) => els.map((e) => e.getAttribute('data-case')));
};

async function changeWeight(value: string, w: { preview: string; reason: string; save: string; saved: RegExp }, reason: string) {
  const field = page.locator('input[name="weight-household_size"]');
  await field.fill(value);
  expect(await page.getByRole('button', { name: w.save }).isDisabled()).toBe(true); // a preview comes first
  await page.getByRole('button', { name: w.preview, exact: true }).click();
  const preview = page.locator('.claim-rules-preview');
  await preview.waitFor();
  return {
    preview,
    save: async () => {
      await page.getByLabel(w.reason).fill(reason);
      await page.getByRole('button', { name: w.save }).click();
      await expect.poll(() => page.locator('.alert').first().textContent()).toMatch(w.saved);
    },
  };
}

describe.skipIf(!run)('the claim rules editor', () => {
  test('in Arabic on a phone: an administrator weighs household size, previews, saves with a reason, the ranked claims re-order', async () => {
    const decidedBefore = (
      await db.pool.query('SELECT count(*)::int AS n FROM claim_case WHERE state IN ($1, $2)', ['approved', 'rejected'])
    ).rows[0];
    await page.goto(server.url);
    await setLang(page, 'ar');
    await signIn(page, ADMIN, PASSWORD);
    await page.locator('nav').getByRole('link', { name: 'ترتيب المطالبات', exact: true }).click();
    expect(await rankedOrder()).toEqual([destroyed, large]);
    await page.getByRole('link', { name: 'القواعد ونسخها' }).click();
    await page.getByRole('heading', { name: 'قواعد المطالبات: الأهلية والمنح والأولوية' }).waitFor();
    await page.getByText(`النسخة الحالية: ${(baselineVersion).toLocaleString('ar-u-nu-arab')}`).waitFor();
    // a refused value is named beside its field, in Arabic
    await page.locator('input[name="weight-disability"]').fill('-3');
    await page.getByRole('button', { name: 'معاينة الأثر', exact: true }).click();
    await page.getByText('قيمة غير صالحة.').waitFor();
    await page.locator('input[name="weight-disability"]').fill('0');
    const ar = await changeWeight(
      '٥٠',
      { preview: 'معاينة الأثر', reason: 'سبب التعديل', save: 'احفظ نسخة جديدة', saved: /حُفظت النسخة/ },
      'تقديم الأسر الكبيرة',
    );
    await expect.poll(() => ar.preview.locator('[data-count="rank"]').textContent()).toContain('تتغيّر رتبة حالتين مفتوحتين');
    expect(await ar.preview.locator('[data-count="eligibility"]').textContent()).toBe('لا تتغيّر أهلية أي حالة');
    expect(await ar.preview.locator('tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-case')))).toEqual([
      large,
      destroyed,
    ]);
    expect(await ar.preview.locator('tbody tr').first().locator('bdi').first().textContent()).toBe('١');
    // nothing written by the preview
    expect((await db.pool.query('SELECT max(version)::int AS v FROM claim_rule_version')).rows[0].v).toBe(baselineVersion);
    await screenshots(page, 'claim-rules-preview', () => page.locator('.claim-rules-preview').waitFor());
    await ar.save();
    await page
      .locator(`.claim-rules-history li[data-version="${baselineVersion + 1}"]`)
      .getByText('تقديم الأسر الكبيرة')
      .waitFor();
    await screenshots(page, 'claim-rules-history', () => page.locator('.claim-rules-history').waitFor());
    await page.getByRole('link', { name: 'افتح ترتيب المطالبات' }).click();
    expect(await rankedOrder()).toEqual([large, destroyed]);
    const decidedAfter = (
      await db.pool.query('SELECT count(*)::int AS n FROM claim_case WHERE state IN ($1, $2)', ['approved', 'rejected'])
    ).rows[0];
    expect(decidedAfter).toEqual(decidedBefore);
    expect(pageErrors).toEqual([]);
  }, 300_000);

  test('in English: the older version is read, the weight set back, previewed and saved; the order is back', async () => {
    await setLang(page, 'en');
    await page.locator('nav').getByRole('link', { name: 'Claim rules', exact: true }).click();
    await page.getByRole('heading', { name: 'Claim rules: eligibility, grants and priority' }).waitFor();
    const older = page.locator(`.claim-rules-history li[data-version="${baselineVersion}"]`);
    await older.getByText('Destroyed homes only').waitFor();
    await older.getByRole('button', { name: `Show version ${baselineVersion}` }).click();
    await older.locator('table.claim-rules-summary').waitFor();
    expect(await older.locator('table.claim-rules-summary').textContent()).toContain('Points per household member0');
    const en = await changeWeight(
      '0',
      { preview: 'Preview the effect', reason: 'Reason for the change', save: 'Save a new version', saved: /Version \d+ was saved/ },
      'Back to destroyed homes only',
    );
    await expect.poll(() => en.preview.locator('[data-count="rank"]').textContent()).toContain('2 open cases change rank of 2 open cases');
    expect(await en.preview.locator('tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-case')))).toEqual([
      destroyed,
      large,
    ]);
    await en.save();
    await setLang(page, 'en');
    await page
      .locator(`.claim-rules-history li[data-version="${baselineVersion + 2}"]`)
      .getByText('Back to destroyed homes only')
      .waitFor();
    expect(await page.locator('.claim-rules-history li').count()).toBe(baselineVersion + 2);
    await page.getByRole('link', { name: 'Open the ranked claims' }).click();
    expect(await rankedOrder()).toEqual([destroyed, large]);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
