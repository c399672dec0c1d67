// End to end: the main menu of a role with many screens. On a phone it folds behind one button:
// opened, it shows the screens in named groups (registry, aid, cases and complaints, follow-up and
// reports, reconstruction, administration); it stays as the user left it (remembered on the device), also after
// a reload. On a wide screen the groups are always shown and there is no button. A role with few
// screens keeps one row of links. Arabic at 360 px, then English at desktop width.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestDb } from '../support/db.ts';
import { addUser, browserAvailable, closeAll, DESKTOP, launch, PASSWORD, phonePage, SCREENSHOTS } from './support.ts';
import { serveFresh, type Server, setLang, signIn } from './support.ts';

const ADMIN = 'admin.menu.e2e';
const SITE_MANAGER = 'site.menu.e2e';
const run = browserAvailable();

let db: TestDb;
let server: Server;
let browser: Browser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-menu-'));

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    addUser(env, ADMIN, 'administrator');
    addUser(env, SITE_MANAGER, 'site_manager');
  }));
  browser = await launch();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

describe.skipIf(!run)('the main menu', () => {
  test('an administrator on a phone: folded behind one button, grouped when open, remembered', async () => {
    const { ctx, page } = await phonePage(browser, { menu: 'folded' });
    await page.goto(server.url);
    await signIn(page, ADMIN, PASSWORD);
    const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
    const toggle = nav.getByRole('button', { name: 'القائمة', exact: true });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const programmes = nav.getByRole('link', { name: 'البرامج', exact: true });
    expect(await programmes.isVisible()).toBe(false);
    // folded, the header takes little of the screen
    const folded = (await page.locator('header.top').boundingBox())!.height;
    expect(folded).toBeLessThan(140);

    await toggle.click();
    const hide = nav.getByRole('button', { name: 'إخفاء القائمة' });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.locator('.nav-group-name').allTextContents()).toEqual([
      'السجل',
      'المساعدات',
      'الحالات والشكاوى',
      'إعادة الإعمار',
      'المتابعة والتقارير',
      'الإدارة',
    ]);
    // each screen under its group
    const groupOf = async (link: string) =>
      nav
        .locator('.nav-group', { has: page.getByRole('link', { name: link, exact: true }) })
        .locator('.nav-group-name')
        .textContent();
    expect(await groupOf('البحث')).toBe('السجل');
    expect(await groupOf('البرامج')).toBe('المساعدات');
    expect(await groupOf('الشكاوى')).toBe('الحالات والشكاوى');
    expect(await groupOf('التدقيق')).toBe('المتابعة والتقارير');
    expect(await groupOf('الإدارة')).toBe('الإدارة');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'menu-ar-phone.png'), fullPage: true });

    await programmes.click();
    await page.getByRole('heading', { name: 'البرامج', exact: true }).waitFor();
    expect(await hide.isVisible()).toBe(true); // left open, it stays open
    await hide.click();
    expect(await programmes.isVisible()).toBe(false);
    await page.reload();
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate("localStorage.getItem('sanad.menu')")).toBe('closed');
    await ctx.close();
  }, 120_000);

  test('in English on a wide screen: the groups are always shown, no button', async () => {
    const { ctx, page } = await phonePage(browser, { menu: 'folded' });
    await page.setViewportSize(DESKTOP);
    await page.goto(server.url);
    await signIn(page, ADMIN, PASSWORD);
    await setLang(page, 'en');
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    await nav.getByRole('link', { name: 'Programmes', exact: true }).waitFor();
    expect(await nav.locator('.nav-toggle').isVisible()).toBe(false);
    expect(await nav.locator('.nav-group-name').allTextContents()).toEqual([
      'Registry',
      'Aid',
      'Cases and complaints',
      'Reconstruction',
      'Follow-up and reports',
      'Administration',
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'menu-en-desktop.png') });
    await ctx.close();
  }, 120_000);

  test('a role with few screens keeps one row of links, no button', async () => {
    const { ctx, page } = await phonePage(browser, { menu: 'folded' });
    await page.goto(server.url);
    await signIn(page, SITE_MANAGER, PASSWORD);
    const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
    await nav.getByRole('link', { name: 'البحث', exact: true }).waitFor();
    expect(await nav.getByRole('button').count()).toBe(0);
    expect(await nav.locator('.nav-group-name').count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'مواقع الإيواء', exact: true }).isVisible()).toBe(true);
    await ctx.close();
  }, 120_000);
});
