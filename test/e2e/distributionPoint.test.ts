// End to end: a distribution point set up and run in the web app by the distribution officer, in
// Arabic at 360 px, then in English. Debian's chromium drives the built web app served by a real
// `sanad serve` on a real PostgreSQL database with seeded synthetic households. The officer creates
// a point and a warehouse on the points screen; once the cycle is generated the point's page lists
// its households with the head's name and size. At the distribution screen the officer prepares the
// point, goes offline, types a card number and sees the head's name and the household's size from
// the list on the device (and the card number's groups, the Latin item name and the separators in
// the right RENDERED order, measured by their positions on screen), records the hand-over, goes back
// online: it is synced once. In English, online, the name comes from the server's check (a logged
// read). The list on the device holds names of this point's households only, no ID numbers, and
// loses them at sign-out. Screenshots to docs/screenshots (support.ts). Every name here is invented.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cardNumber } from '../../src/aid/cardNumber.ts';
import type { TestDb } from '../support/db.ts';
import { apiCaller, apiSignIn, browserAvailable, closeAll, launch, PASSWORD, phonePage, SCREENSHOTS, setLang } from './support.ts';
import { screenshots, seedForDistribution, serveFresh, type Server, signIn } from './support.ts';

const run = browserAvailable();
const arabicDigits = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));

let db: TestDb;
let server: Server;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let call: ReturnType<typeof apiCaller>;
const urls: string[] = [];
const pageErrors: string[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-e2e-point-'));
let governorate = '';
let programmeId = '';
let cycleId = '';
let pointId = '';
const POINT = 'نقطة مدرسة الزيتون (تجريبي)';
/** Two households of the point, each with a card: one handed out offline in Arabic, one online in English. */
const hh: { id: string; head: string; size: number; entitlements: string[]; card: { serial: number; number: string } }[] = [];

const rows = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await db.pool.query<T>(sql, params)).rows;
const standing = (i: number) =>
  rows<{ entitlement_id: string; status: string; presented: string }>(
    'SELECT entitlement_id, status, presented FROM redemption WHERE entitlement_id = ANY($1::uuid[]) ORDER BY entitlement_id',
    [hh[i]!.entitlements],
  );

beforeAll(async () => {
  if (!run) return;
  ({ db, server } = await serveFresh(dataDir, (env) => {
    seedForDistribution(env, { seed: 23, officers: ['officer.p'] });
  }));
  call = apiCaller(server.url, await apiSignIn(server.url, 'admin.e2e', PASSWORD));
  // the governorate where most seeded households live today: the officer's point will serve it
  governorate = (
    await rows<{ g: string }>(
      `SELECT coalesce(d.to_governorate, s.governorate, h.governorate) AS g FROM household h
       LEFT JOIN LATERAL (SELECT to_governorate, to_site FROM displacement_event e WHERE e.household_id = h.id ORDER BY event_date DESC, recorded_at DESC LIMIT 1) d ON true
       LEFT JOIN site s ON s.id = d.to_site
       WHERE NOT EXISTS (SELECT 1 FROM distribution_point p WHERE p.site_id = d.to_site)
       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    )
  )[0]!.g;
  // items (one with a Latin name, as partners often write them), a programme
  await call('POST', '/api/v1/aid/items', { code: 'food_parcel', name: 'طرد غذائي', unit: 'طرد', sector: 'food' });
  await call('POST', '/api/v1/aid/items', { code: 'hygiene_kit', name: 'Hygiene kit', unit: 'kit', sector: 'hygiene' });
  programmeId = (
    await call('POST', '/api/v1/aid/programmes', {
      name: 'استجابة الشتاء (تجريبي)',
      sector: 'food',
      rules: [
        { item: 'food_parcel', quantity: { base: 1 } },
        { item: 'hygiene_kit', quantity: { base: 1 } },
      ],
    })
  ).id;
  browser = await launch();
  ({ ctx, page } = await phonePage(browser, { urls, pageErrors }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(() => closeAll({ browser, server, db, dirs: [dataDir] }), 60_000);

const text = (s: string | RegExp) => page.getByText(s).first();
const nav = () => page.getByRole('navigation', { name: /القائمة الرئيسية|Main menu/ });
const waiting = (n: string) => page.getByRole('heading', { name: `بانتظار المزامنة: ${n}` });

/** The x positions, on screen, of the elements `selector` finds inside the first `within`, in DOM order. */
const xs = (within: string, selector: string) =>
  page.evaluate<number[]>(
    `[...document.querySelector(${JSON.stringify(within)}).querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getBoundingClientRect().x)`,
  );
/** The x positions on screen of the groups of the first card number in `within` (Ranges over its text, group by group). */
const groupXs = (within: string) =>
  page.evaluate<number[]>(`(() => {
    const el = document.querySelector(${JSON.stringify(`${within} .card-no`)});
    const node = el.firstChild;
    const out = [];
    for (const m of node.data.matchAll(/\\S+/g)) {
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      out.push(r.getBoundingClientRect().x);
    }
    return out;
  })()`);
/** The x position on screen of the first occurrence of `needle` in the text of the first `within` (through a Range over its text node). */
const xOfText = (within: string, needle: string) =>
  page.evaluate<number>(`(() => {
    const root = document.querySelector(${JSON.stringify(within)});
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const i = n.data.indexOf(${JSON.stringify(needle)});
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + ${needle.length});
      return r.getBoundingClientRect().x;
    }
    return NaN;
  })()`);

/** In Arabic, right to left: what the result of a card shows is in the right order ON SCREEN. */
async function renderedOrderIsRight() {
  // Rendered order, right to left: the card number's groups still read left to right (0001 then 0008)...
  expect(await page.evaluate<string>('document.documentElement.dir')).toBe('rtl');
  const groups = await groupXs('.dist-serial');
  expect(groups.length).toBe(2);
  expect(groups[0]!).toBeLessThan(groups[1]!);
  // (the measure can fail: the same number in a plain left-to-right isolate, the trap, shows its groups swapped)
  await page.evaluate(`(() => {
    const p = document.createElement('p');
    p.className = 'bidi-control';
    p.style.whiteSpace = 'nowrap';
    p.innerHTML = 'البطاقة رقم <bdi dir="ltr" class="card-no-plain">' + document.querySelector('.dist-serial .card-no').textContent + '</bdi>';
    document.querySelector('main').prepend(p);
  })()`);
  const control = await page.evaluate<number[]>(`(() => {
    const node = document.querySelector('.bidi-control .card-no-plain').firstChild;
    return [...node.data.matchAll(/\\S+/g)].map((m) => {
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      return r.getBoundingClientRect().x;
    });
  })()`);
  expect(control[0]!).toBeGreaterThan(control[1]!);
  await page.evaluate("document.querySelector('.bidi-control').remove()");
  // ...after the words "البطاقة رقم", which stand to their right
  expect(await xOfText('.dist-serial', 'البطاقة')).toBeGreaterThan(groups[1]!);
  // the Latin item name on the right of its line, its quantity "١ kit" on the left, the digit before the unit
  const kit = '.dist-lines li:nth-child(2)';
  expect(await page.locator(kit).textContent()).toBe('Hygiene kit١ kit');
  expect(await xOfText(kit, 'Hygiene')).toBeGreaterThan((await xs(kit, '.dist-qty'))[0]!);
  expect(await xOfText(`${kit} .dist-qty`, '١')).toBeLessThan(await xOfText(`${kit} .dist-qty`, 'kit'));
  // no separator that reads as the Arabic zero anywhere on the screen
  expect(await page.evaluate<boolean>("document.body.innerText.includes('\u00b7')")).toBe(false);
}

async function typeNumber(number: string) {
  const field = page.getByLabel(/أو اكتب رقم البطاقة|Or type the card number/);
  await field.fill('');
  await field.focus();
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
}

describe.skipIf(!run)('a distribution point set up and run in the web app (1 of 3: the point, in Arabic at 360 px)', () => {
  test('the officer creates a point and a warehouse on the points screen', async () => {
    await page.goto(server.url);
    await signIn(page, 'officer.p', PASSWORD);
    await nav().getByRole('link', { name: 'النقاط والمستودعات' }).click();
    await page.getByRole('heading', { name: 'نقاط التوزيع والمستودعات', level: 1 }).waitFor();
    await text('لا نقاط توزيع بعد في محافظاتك.').waitFor();
    const point = page.locator('form[aria-labelledby=new-point]');
    await point.getByLabel('اسم النقطة').fill(POINT);
    await point.getByLabel('المحافظة').selectOption(governorate);
    expect(await point.getByLabel('الموقع الذي تخدمه').inputValue()).toBe(''); // a general point of the governorate
    await point.getByRole('button', { name: 'أنشئ النقطة' }).click();
    await text('أُنشئت نقطة التوزيع.').waitFor();
    await page.locator('.points-list').getByText(POINT).waitFor();
    const store = page.locator('form[aria-labelledby=new-warehouse]');
    await store.getByLabel('اسم المستودع').fill('مستودع الشمال (تجريبي)');
    await store.getByLabel('المحافظة').selectOption(governorate);
    await store.getByRole('button', { name: 'أنشئ المستودع' }).click();
    await page.locator('.warehouses-list').getByText('مستودع الشمال (تجريبي)').waitFor();
    pointId = (await rows<{ id: string }>('SELECT id FROM distribution_point WHERE name = $1', [POINT]))[0]!.id;
    expect((await rows<{ governorate: string }>('SELECT governorate FROM warehouse'))[0]!.governorate).toBe(governorate);
    expect(await page.evaluate<boolean>("document.body.innerText.includes('\u00b7')")).toBe(false);
    await screenshots(page, 'points', (l) =>
      page
        .locator('.points-list')
        .getByText(POINT)
        .waitFor()
        .then(() => l),
    );
  }, 180_000);

  test("once the cycle is generated, the point's page lists its households with the head's name and size (a logged read)", async () => {
    cycleId = (await call('POST', `/api/v1/aid/programmes/${programmeId}/cycles`, { cutoffDate: new Date().toISOString().slice(0, 10) }))
      .id;
    await call('POST', `/api/v1/aid/cycles/${cycleId}/generate`);
    const served = await rows<{ household_id: string; head: string; size: number }>(
      `SELECT s.household_id, p.full_name AS head,
         (SELECT count(*)::int FROM household_member m WHERE m.household_id = s.household_id AND m.valid_to IS NULL) AS size
       FROM cycle_household s
       JOIN household_member hm ON hm.household_id = s.household_id AND hm.relationship = 'head' AND hm.valid_to IS NULL
       JOIN person p ON p.id = hm.person_id
       WHERE s.cycle_id = $1 AND s.point_id = $2 ORDER BY s.household_id`,
      [cycleId, pointId],
    );
    expect(served.length).toBeGreaterThan(1);
    for (const h of served.slice(0, 2)) {
      const entitlements = (
        await rows<{ id: string }>('SELECT id FROM entitlement WHERE cycle_id = $1 AND household_id = $2 ORDER BY id', [
          cycleId,
          h.household_id,
        ])
      ).map((r) => r.id);
      expect(entitlements.length).toBe(2);
      const card = await call('POST', '/api/v1/aid/cards', { householdId: h.household_id });
      hh.push({ id: h.household_id, head: h.head, size: h.size, entitlements, card });
    }
    await page.locator('.points-list').getByRole('link').filter({ hasText: POINT }).click();
    await page.getByRole('heading', { name: POINT, level: 1 }).waitFor();
    await page.getByLabel('الدورة').selectOption(cycleId);
    await page.locator('.point-hh-count').waitFor();
    const total = (
      await rows<{ n: number }>('SELECT count(*)::int AS n FROM cycle_household WHERE cycle_id = $1 AND point_id = $2', [cycleId, pointId])
    )[0]!.n;
    expect(await page.locator('.point-households li').count()).toBe(Math.min(total, 100));
    const first = page.locator('.point-households li').filter({ hasText: hh[0]!.head });
    await first.waitFor();
    expect(await first.textContent()).toContain('استلمت ٠ من ٢');
    const logged = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM change_log WHERE entity = 'distribution_point' AND entity_id = $1 AND action = 'read' AND after->'ids' ? $2",
      [pointId, hh[0]!.id],
    );
    expect(logged[0]!.n).toBeGreaterThan(0);
    await screenshots(page, 'point-households', () => page.locator('.point-households li').first().waitFor());
  }, 120_000);
});

describe.skipIf(!run)('a distribution point set up and run in the web app (2 of 3: distribution, offline, in Arabic)', () => {
  test('the officer prepares the point online', async () => {
    await nav().getByRole('link', { name: 'التوزيع', exact: true }).click();
    await page.getByRole('heading', { name: 'نقطة التوزيع', level: 1 }).waitFor();
    await page.getByLabel('الدورة', { exact: true }).selectOption(cycleId);
    await page.getByLabel('نقطة التوزيع', { exact: true }).selectOption(pointId);
    await page.getByRole('button', { name: 'نزّل القائمة للعمل دون اتصال' }).click();
    await text(/^جاهز دون اتصال: /).waitFor();
    await expect
      .poll(() => page.evaluate<boolean>('navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active))'), { timeout: 30_000 })
      .toBe(true);
  }, 120_000);

  test('the list on the device holds the names and sizes of this point households only, no ID numbers', async () => {
    const stored = await page.evaluate<string>(`new Promise((resolve, reject) => {
      const req = indexedDB.open('sanad-distribution');
      req.onsuccess = () => {
        const all = req.result.transaction('prepared').objectStore('prepared').getAll();
        all.onsuccess = () => resolve(JSON.stringify(all.result));
        all.onerror = () => reject(all.error);
      };
      req.onerror = () => reject(req.error);
    })`);
    const lists = JSON.parse(stored) as { manifest: { households: { householdId: string; headName: string; size: number }[] } }[];
    expect(lists.length).toBe(1);
    const served = await rows<{ household_id: string }>('SELECT household_id FROM cycle_household WHERE cycle_id = $1 AND point_id = $2', [
      cycleId,
      pointId,
    ]);
    expect(lists[0]!.manifest.households.map((h) => h.householdId).sort()).toEqual(served.map((r) => r.household_id).sort());
    expect(lists[0]!.manifest.households).toContainEqual({ householdId: hh[0]!.id, headName: hh[0]!.head, size: hh[0]!.size });
    const ids = await rows<{ national_id: string }>(
      `SELECT p.national_id FROM person p JOIN household_member m ON m.person_id = p.id
       WHERE m.household_id = ANY($1::uuid[]) AND p.national_id IS NOT NULL`,
      [served.map((r) => r.household_id)],
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((r) => stored.includes(r.national_id))).toEqual([]);
    const others = await rows<{ full_name: string }>(
      `SELECT p.full_name FROM person p JOIN household_member m ON m.person_id = p.id AND m.relationship = 'head' AND m.valid_to IS NULL
       WHERE m.household_id <> ALL($1::uuid[]) LIMIT 20`,
      [served.map((r) => r.household_id)],
    );
    expect(others.filter((r) => !hh.some((h) => h.head === r.full_name) && stored.includes(`"${r.full_name}"`))).toEqual([]);
  });

  test("offline: a typed card number shows the head's name and the household's size from the device; the rendered order is right", async () => {
    await ctx.setOffline(true);
    await page
      .getByRole('status')
      .filter({ hasText: /^دون اتصال$/ })
      .waitFor();
    await typeNumber(hh[0]!.card.number);
    await page.getByRole('heading', { name: 'سلّم الآن:' }).waitFor();
    await text(`البطاقة رقم ${arabicDigits(cardNumber(hh[0]!.card.serial))}`).waitFor();
    const identity = page.getByRole('region', { name: 'من صاحب البطاقة' });
    expect(await identity.locator('.dist-head').textContent()).toBe(hh[0]!.head);
    expect(await identity.locator('.dist-size').textContent()).toMatch(/^(فرد واحد|فردان|[٠-٩]+ أفراد|[٠-٩]+ فرداً|[٠-٩]+ فرد)$/);
    expect(await identity.locator('.dist-size').textContent()).toContain(
      hh[0]!.size === 1 ? 'فرد واحد' : hh[0]!.size === 2 ? 'فردان' : arabicDigits(String(hh[0]!.size)),
    );
    await identity.getByText('من القائمة على هذا الجهاز.').waitFor();

    await renderedOrderIsRight();

    await page.getByLabel('تحقّقت من وثيقة هوية المستلم وهي تطابق البطاقة').check();
    await screenshots(page, 'distribution-point-identity', () =>
      page.getByRole('region', { name: /من صاحب البطاقة|Whose card it is/ }).waitFor(),
    );
    await page.getByLabel('تحقّقت من وثيقة هوية المستلم وهي تطابق البطاقة').check();
    await page.getByRole('button', { name: 'سجّل التسليم' }).click();
    await text(`سُجّل التسليم للبطاقة رقم ${arabicDigits(cardNumber(hh[0]!.card.serial))}. امسح البطاقة التالية.`).waitFor();
    await waiting('١').waitFor();
    // in the outbox: the card number's groups in order, the Latin item name isolated in its own line part
    const outboxGroups = await groupXs('.dist-handover');
    expect(outboxGroups[0]!).toBeLessThan(outboxGroups[1]!);
    expect(await page.locator('.dist-handover .list-meta').first().textContent()).toContain('، Hygiene kit: ١ kit');
    expect(await standing(0)).toEqual([]); // nothing reached the server
  }, 180_000);

  test('back online: synced once, one standing redemption per entitlement, presented as typed', async () => {
    await ctx.setOffline(false);
    await waiting('٠').waitFor({ timeout: 60_000 });
    await text('تمت المزامنة').waitFor();
    expect((await standing(0)).map((r) => [r.entitlement_id, r.status, r.presented])).toEqual(
      hh[0]!.entitlements.map((e) => [e, 'standing', 'typed']),
    );
    const batches = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM change_log WHERE entity = 'redemption_batch' AND after->'standing' ?| $1::text[]",
      [
        (await rows<{ id: string }>('SELECT id FROM redemption WHERE entitlement_id = ANY($1::uuid[])', [hh[0]!.entitlements])).map(
          (r) => r.id,
        ),
      ],
    );
    expect(batches[0]!.n).toBe(1);
  }, 120_000);
});

describe.skipIf(!run)('a distribution point set up and run in the web app (3 of 3: online, in English; sign-out)', () => {
  test("online, in English: the head's name and size come from the server's check, a logged read", async () => {
    await setLang(page, 'en');
    await page.getByRole('heading', { name: 'Distribution point', level: 1 }).waitFor();
    const before = (
      await rows<{ n: number }>("SELECT count(*)::int AS n FROM change_log WHERE entity = 'household' AND entity_id = $1", [hh[1]!.id])
    )[0]!.n;
    await typeNumber(hh[1]!.card.number);
    const identity = page.getByRole('region', { name: 'Whose card it is' });
    await identity.getByText('From the server, now.').waitFor({ timeout: 30_000 });
    expect(await identity.locator('.dist-head').textContent()).toBe(hh[1]!.head);
    expect(await identity.locator('.dist-size').textContent()).toBe(hh[1]!.size === 1 ? 'One member' : `${hh[1]!.size} members`);
    const reads = await rows<{ after: Record<string, unknown> }>(
      "SELECT after FROM change_log WHERE entity = 'household' AND entity_id = $1 AND action = 'read' ORDER BY seq OFFSET $2",
      [hh[1]!.id, before],
    );
    expect(reads.map((r) => r.after)).toEqual([{ cardSerial: hh[1]!.card.serial, identityCheck: true }]);
    const groups = await groupXs('.dist-serial');
    expect(groups[0]!).toBeLessThan(groups[1]!);
    await page.getByLabel("I checked the recipient's identity document and it matches the card").check();
    await page.getByRole('button', { name: 'Record the hand-over' }).click();
    await page.getByRole('heading', { name: 'Waiting to sync: 0' }).waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await standing(1)).filter((r) => r.status === 'standing').length, { timeout: 30_000 }).toBe(2);
    expect(await page.evaluate<boolean>("document.body.innerText.includes('\u00b7')")).toBe(false);
    await screenshots(page, 'distribution-point-synced', () => page.getByRole('heading', { level: 1 }).first().waitFor());
  }, 120_000);

  test('signing out removes the names from the device; the outbox stays', async () => {
    await setLang(page, 'en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('input[name=username]').waitFor();
    const stored = await page.evaluate<string>(`new Promise((resolve) => {
      const req = indexedDB.open('sanad-distribution');
      req.onsuccess = () => {
        const t = req.result.transaction(['prepared', 'records']);
        const p = t.objectStore('prepared').getAll();
        const r = t.objectStore('records').count();
        t.oncomplete = () => resolve(JSON.stringify({ prepared: p.result, records: r.result }));
      };
    })`);
    for (const h of hh) expect(stored).not.toContain(h.head);
    const parsed = JSON.parse(stored) as {
      prepared: { identitiesCleared?: boolean; manifest: { entitlements: unknown[] } }[];
      records: number;
    };
    expect(parsed.prepared[0]!.identitiesCleared).toBe(true);
    expect(parsed.prepared[0]!.manifest.entitlements.length).toBeGreaterThan(0);
    expect(parsed.records).toBe(4);
  }, 60_000);

  test('no error in the page; no card number, household id or name in a URL', () => {
    expect(pageErrors).toEqual([]);
    const secrets = hh.flatMap((h) => [
      h.card.number.replace(/ /g, ''),
      encodeURIComponent(h.card.number),
      h.id,
      encodeURIComponent(h.head),
    ]);
    expect(urls.filter((u) => secrets.some((s) => u.includes(s)))).toEqual([]);
  });
});
