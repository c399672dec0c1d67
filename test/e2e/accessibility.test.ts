// Accessibility of the main screens, checked by axe-core (WCAG 2.1 A and AA rules: contrast, names
// of controls, labels, landmarks, language, headings) in Debian's chromium against a real server,
// in Arabic (right to left) and English, at phone width. Every name in the data is synthetic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage, sanad, serveFresh, type Server } from './support.ts';
import { setLang, signIn } from './support.ts';

const ADMIN = 'admin.a11y';
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const run = browserAvailable();

type Violation = { id: string; impact: string | null; help: string; targets: string[] };

/** axe-core's WCAG 2.1 A and AA violations on the page now. */
async function pageViolations(page: Page): Promise<Violation[]> {
  await page.evaluate('document.fonts.ready.then(() => true)');
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.addScriptTag({ content: AXE });
  return page.evaluate<
    Violation[]
  >(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`);
}

/** Opens a path by the app's own navigation (history + popstate), keeping the session, and waits for its heading. */
async function openPath(page: Page, pathname: string) {
  await page.evaluate(`history.pushState(null, '', ${JSON.stringify(pathname)}); dispatchEvent(new PopStateEvent('popstate'))`);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** Every main screen: name and path (records from the seeded registry and the site made for the test). */
function screensOf(ids: Record<string, string>): [string, string][] {
  return [
    ['home', '/'],
    ['search', '/search'],
    ['register', '/register'],
    ['person', `/persons/${ids.person}`],
    ['editPerson', `/persons/${ids.person}/edit`],
    ['household', `/households/${ids.household}`],
    ['move', `/households/${ids.household}/move`],
    ['sites', '/sites'],
    ['site', `/sites/${ids.site}`],
    ['dashboard', '/dashboard'],
    ['review', '/review'],
    ['distribution', '/distribution'],
    ['account', '/account'],
    ['audit', '/audit'],
    ['auditEntry', `/audit/${ids.auditSeq}`],
    ['exports', '/exports'],
    ['users', '/admin/users'],
    ['user', `/admin/users/${ids.user}`],
    ['tokens', '/admin/tokens'],
    ['cards', '/cards'],
    ['points', '/points'],
    ['conflicts', '/aid/conflicts'],
    ['reconciliation', '/aid/reconciliation'],
    ['stock', '/aid/stock'],
    ['reports', '/reports'],
    ['services', '/services'],
    ['deathList', '/life-events/death-list'],
    ['claimRules', '/reconstruction/claim-rules'],
  ];
}

describe.skipIf(!run)('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let db: TestDb;
  let server: Server;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, string> = {};
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-a11y-'));

  beforeAll(async () => {
    ({ db, server } = await serveFresh(dataDir, (env) => {
      addUser(env, ADMIN, 'administrator');
      sanad(['seed', '--households', '40', '--seed', '11', '--user', ADMIN, '--no-progress'], env);
    }));
    const token = await apiSignIn(server.url, ADMIN, PASSWORD);
    const site = await fetch(`${server.url}/api/v1/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ kind: 'school', name: 'مدرسة الزيزفون (تجريبي)', governorate: 'PS0275', coveredAreaM2: 900, toilets: 4 }),
    });
    expect(site.status).toBe(201);
    ids.site = ((await site.json()) as { id: string }).id;
    const user = await fetch(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        username: 'a11y.caseworker',
        password: 'a long synthetic password',
        role: 'caseworker',
        governorates: ['PS0260'],
      }),
    });
    expect(user.status).toBe(201);
    ids.user = ((await user.json()) as { id: string }).id;
    ids.auditSeq = (await db.pool.query<{ seq: string }>("SELECT max(seq)::text AS seq FROM change_log WHERE entity = 'site'"))
      .rows[0]!.seq;
    ids.person = (await db.pool.query<{ id: string }>('SELECT id FROM person ORDER BY id LIMIT 1')).rows[0]!.id;
    ids.household = (
      await db.pool.query<{ id: string }>(
        'SELECT household_id AS id FROM household_member WHERE valid_to IS NULL ORDER BY household_id LIMIT 1',
      )
    ).rows[0]!.id;
    browser = await launch();
    // bypassCSP: the app's Content-Security-Policy would refuse axe's injected script.
    ({ page } = await phonePage(browser, { bypassCSP: true }));
  }, 240_000);

  afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

  const violations = () => pageViolations(page);
  const open = (pathname: string) => openPath(page, pathname);

  test('the sign-in screen', async () => {
    await page.goto(server.url);
    await page.locator('input[name=username]').waitFor();
    for (const lang of ['ar', 'en'] as const) {
      await setLang(page, lang);
      expect(await violations(), `sign-in (${lang})`).toEqual([]);
    }
    await setLang(page, 'ar');
  });

  test('every main screen, in Arabic and English', async () => {
    await signIn(page, ADMIN, PASSWORD);
    const screens = screensOf(ids);
    const found: Record<string, Violation[]> = {};
    for (const lang of ['ar', 'en'] as const) {
      await setLang(page, lang);
      for (const [name, pathname] of screens) {
        await open(pathname);
        const v = await violations();
        if (v.length > 0) found[`${name} (${lang})`] = v;
      }
    }
    // Search with results on the page too.
    await open('/search');
    await page.locator('input[name=term]').fill('محمد');
    await page.locator('form[role=search] button[type=submit]').click();
    await page.locator('section.results').waitFor();
    const v = await violations();
    if (v.length > 0) found['search results (en)'] = v;
    expect(found).toEqual({});
  }, 240_000);

  test('the check itself finds a violation when there is one', async () => {
    await open('/search');
    await page.evaluate(
      `document.querySelector('main').insertAdjacentHTML('beforeend', '<button id="a11y-probe"></button><p id="a11y-probe-2" style="color:#aaa;background:#fff">faint</p>')`,
    );
    const ids = (await violations()).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
    await page.evaluate(`document.getElementById('a11y-probe').remove(); document.getElementById('a11y-probe-2').remove()`);
  });
});
