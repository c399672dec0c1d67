// Cards for a whole cycle: GET /api/v1/aid/cycles/:id/cards (counts), POST .../cards (issue the
// missing cards a batch at a time: idempotent, never two valid cards for a household, even with two
// officers at once) and POST .../cards/sheet (the printable sheet: each entitled household's newest
// valid card with the QR code of the token issued, the number, the head's name and the size; right to
// left in Arabic; no identity number; each batch logged as a read). Scope, roles, a draft cycle.
import jsQRModule from 'jsqr';
import { expect, test } from 'vitest';
import { escapeHtml, qrStrokePath, SHEET_QR_MASK } from '../../src/aid/cardSheet.ts';
import { cardNumber } from '../../src/shared/cardNumber.ts';
import { qrMatrix } from '../../src/shared/qr.ts';
import { scenario } from '../support/aidScenario.ts';
import { created, makeCycle } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const jsQR = ((jsQRModule as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

/** A sheet's QR code read back by an independent decoder (jsQR), from the SVG path as drawn. */
function readQr(path: string, side: number): string | undefined {
  const scale = 3;
  const px = new Uint8ClampedArray(side * scale * side * scale * 4).fill(255);
  let [x, y] = [0, 0];
  for (const m of path.matchAll(/([Mm])(\d+) (\d+)(?:\.5)?h(\d+)/g)) {
    if (m[1] === 'M') [x, y] = [Number(m[2]), Number(m[3])];
    else x += Number(m[2]);
    const len = Number(m[4]);
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < len * scale; dx++) {
        const i = ((y * scale + dy) * side * scale + x * scale + dx) * 4;
        px[i] = px[i + 1] = px[i + 2] = 0;
      }
    x += len;
  }
  const r = jsQR(px, side * scale, side * scale, { inversionAttempts: 'dontInvert' });
  return r ? new TextDecoder().decode(Uint8Array.from(r.binaryData)) : undefined;
}
type Counts = { entitled: number; withCard: number; withoutCard: number; issued?: number; programme: string; cycleNumber: number };

/** Independently of the code under test: entitled households and their valid cards. */
async function fromSql(cycleId: string) {
  const r = await t.db.pool.query<{ household_id: string; valid: string[] }>(
    `SELECT e.household_id, array_remove(array_agg(c.serial::text ORDER BY c.serial), NULL) AS valid
       FROM (SELECT DISTINCT household_id FROM entitlement WHERE cycle_id = $1) e
       LEFT JOIN household_card c ON c.household_id = e.household_id
        AND NOT EXISTS (SELECT 1 FROM card_revocation r WHERE r.serial = c.serial)
      GROUP BY e.household_id`,
    [cycleId],
  );
  return r.rows;
}

test('issue the missing cards in batches, idempotent, then print them (Arabic and English)', async () => {
  const s = await scenario(t, { households: 40, cards: 6 });
  const url = `/api/v1/aid/cycles/${s.cycleId}/cards`;
  const before = await fromSql(s.cycleId);
  const counts = (await s.get(s.officer, url)).body as Counts;
  expect(counts.entitled).toBe(before.length);
  expect(counts.withCard).toBe(before.filter((h) => h.valid.length > 0).length);
  expect(counts.withoutCard).toBeGreaterThan(10);

  // batches of 10: each answers the counts after it, until none is missing
  let last = counts;
  let batches = 0;
  while (last.withoutCard > 0) {
    const r = await t.post(s.officer, url, { limit: 10 }, { idempotencyKey: crypto.randomUUID() });
    expect(r.statusCode, r.body).toBe(200);
    const next = r.json() as Counts;
    expect(next.issued).toBe(Math.min(10, last.withoutCard));
    expect(next.withCard).toBe(last.withCard + next.issued!);
    last = next;
    batches++;
  }
  expect(batches).toBe(Math.ceil(counts.withoutCard / 10));
  const after = await fromSql(s.cycleId);
  expect(after.every((h) => h.valid.length === 1)).toBe(true); // one valid card each, those with one kept theirs
  for (const h of before.filter((x) => x.valid.length > 0))
    expect(after.find((a) => a.household_id === h.household_id)!.valid).toEqual(h.valid);
  // run again: nothing to issue; a replay of a batch's key changes nothing either
  const key = crypto.randomUUID();
  expect((await t.post(s.officer, url, {}, { idempotencyKey: key })).json()).toMatchObject({ issued: 0, withoutCard: 0 });
  expect((await t.post(s.officer, url, {}, { idempotencyKey: key })).json()).toMatchObject({ issued: 0 });
  const logged = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM change_log WHERE entity = 'household_card' AND action = 'issue' AND after->>'cycleId' = $1",
    [s.cycleId],
  );
  expect(logged.rows[0].n).toBe(counts.withoutCard);

  // a revoked card: its household is without a card again, and gets a new one
  const revoked = after[0]!;
  await created(t, s.officer, `/api/v1/aid/cards/${revoked.valid[0]}/revoke`, { reason: 'lost' }, 200);
  expect((await s.get(s.officer, url)).body).toMatchObject({ withoutCard: 1 });
  expect((await t.post(s.officer, url, {})).json()).toMatchObject({ issued: 1, withoutCard: 0 });

  await printedSheet(s.cycleId, s.officer, s.cards);
});

async function printedSheet(
  cycleId: string,
  officer: Awaited<ReturnType<typeof t.user>>,
  issued: Map<string, { serial: number; token: string }>,
) {
  const cards = await fromSql(cycleId);
  await t.db.pool.query(
    "UPDATE person SET national_id = lpad((400000000 + row_number)::text, 9, '0') FROM (SELECT id, row_number() OVER () FROM person) x WHERE x.id = person.id",
  );
  const sheetUrl = `/api/v1/aid/cycles/${cycleId}/cards/sheet`;
  const r = await t.post(officer, sheetUrl, { language: 'ar' });
  expect(r.statusCode, r.body).toBe(200);
  expect(r.headers['content-type']).toMatch(/^text\/html/);
  expect(Number(r.headers['x-sheet-cards'])).toBe(cards.length);
  const html = r.body;
  expect(html).toMatch(/<html lang="ar" dir="rtl">/);
  const serials = [...html.matchAll(/data-serial="(\d+)"/g)].map((m) => Number(m[1]));
  expect(serials).toEqual(cards.map((c) => Number(c.valid[0])).sort((a, b) => a - b));
  expect((html.match(/<section class="page">/g) ?? []).length).toBe(Math.ceil(cards.length / 8));
  // the QR code of a card issued on the household page is the token it was issued with
  const kept = [...issued.entries()].find(([h, c]) => cards.find((x) => x.household_id === h)?.valid[0] === String(c.serial));
  expect(kept).toBeDefined();
  expect(html).toContain(qrStrokePath(qrMatrix(kept![1].token, { mask: SHEET_QR_MASK })));
  const drawn = [...html.matchAll(/viewBox="0 0 (\d+) \d+"[^>]*>.*?<path d="([^"]+)"/g)];
  expect(drawn.length).toBe(cards.length);
  for (const svg of drawn.slice(0, 5)) {
    const token = readQr(svg[2]!, Number(svg[1]));
    expect(token).toMatch(/^[A-Za-z0-9_-]{100,}$/);
    expect(html).toContain(qrStrokePath(qrMatrix(token!, { mask: SHEET_QR_MASK })));
  }
  expect(readQr(qrStrokePath(qrMatrix(kept![1].token, { mask: SHEET_QR_MASK })), qrMatrix(kept![1].token).length + 8)).toBe(kept![1].token);
  const arabicDigits = (x: string) => x.replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)));
  expect(html).toContain(`<bdi dir="ltr" class="number">${arabicDigits(cardNumber(kept![1].serial))}</bdi>`);
  // heads' names and sizes; no identity number
  const heads = await t.db.pool.query<{ full_name: string; size: number }>(
    `SELECT p.full_name, (SELECT count(*)::int FROM household_member m WHERE m.household_id = hm.household_id AND m.valid_to IS NULL) AS size
       FROM household_member hm JOIN person p ON p.id = hm.person_id
      WHERE hm.household_id = ANY($1) AND hm.relationship = 'head' AND hm.valid_to IS NULL`,
    [cards.map((c) => c.household_id)],
  );
  for (const h of heads.rows) expect(html).toContain(`<bdi dir="auto">${escapeHtml(h.full_name)}</bdi>`);
  const ids = await t.db.pool.query<{ national_id: string }>('SELECT national_id FROM person WHERE national_id IS NOT NULL');
  expect(ids.rows.length).toBeGreaterThan(0);
  for (const { national_id } of ids.rows) expect(html).not.toContain(national_id);
  // the read is logged: the households whose cards were written
  const reads = await t.db.pool.query<{ ids: string[] }>(
    "SELECT after->'ids' AS ids FROM change_log WHERE entity = 'cycle_cards' AND action = 'read' AND entity_id = $1",
    [cycleId],
  );
  expect(reads.rows.flatMap((x) => x.ids).sort()).toEqual(cards.map((c) => c.household_id).sort());

  // English, a part of it
  const part = await t.post(officer, sheetUrl, { language: 'en', offset: 2, limit: 3 });
  expect(part.body).toMatch(/<html lang="en" dir="ltr">/);
  expect([...part.body.matchAll(/data-serial="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(serials.slice(2, 5));
  expect(part.body).toContain('Head of household');
}

test('two officers issuing at once give no household two cards', async () => {
  const s = await scenario(t, { households: 30, cards: 0 });
  const url = `/api/v1/aid/cycles/${s.cycleId}/cards`;
  const [a, b] = await Promise.all([t.post(s.officer, url, {}), t.post(s.admin, url, {})]);
  expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
  const after = await fromSql(s.cycleId);
  expect(a.json().issued + b.json().issued).toBe(after.length);
  expect(after.every((h) => h.valid.length === 1)).toBe(true);
});

test('roles, organisations, governorates and a draft cycle', async () => {
  const s = await scenario(t, { households: 12, cards: 0 });
  const url = `/api/v1/aid/cycles/${s.cycleId}/cards`;
  for (const role of ['registration_officer', 'caseworker', 'site_manager', 'analyst', 'auditor'] as const) {
    const u = await t.user({ role, orgId: s.admin.orgId });
    expect((await t.get(u, url)).statusCode, role).toBe(403);
    expect((await t.post(u, url, {})).statusCode, role).toBe(403);
    expect((await t.post(u, `${url}/sheet`, {})).statusCode, role).toBe(403);
  }
  const stranger = await t.user({ role: 'distribution_officer' });
  expect((await t.get(stranger, url)).statusCode).toBe(404);
  expect((await t.post(stranger, url, {})).statusCode).toBe(404);
  expect((await t.post(stranger, `${url}/sheet`, {})).statusCode).toBe(404);
  // scoped to one governorate: only its households are counted, issued and printed
  const gov = (
    await t.db.pool.query<{ governorate: string; n: number }>(
      `SELECT h.governorate, count(DISTINCT h.id)::int AS n FROM entitlement e JOIN household h ON h.id = e.household_id
        WHERE e.cycle_id = $1 GROUP BY h.governorate ORDER BY n DESC LIMIT 1`,
      [s.cycleId],
    )
  ).rows[0]!;
  const all = ((await t.get(s.officer, url)).json() as Counts).entitled;
  expect(gov.n).toBeLessThan(all);
  const local = await t.user({ role: 'distribution_officer', orgId: s.admin.orgId, governorates: [gov.governorate] });
  expect((await t.get(local, url)).json()).toMatchObject({ entitled: gov.n, withCard: 0 });
  expect((await t.post(local, url, {})).json()).toMatchObject({ issued: gov.n, withoutCard: 0 });
  expect((await t.get(s.officer, url)).json()).toMatchObject({ withCard: gov.n, withoutCard: all - gov.n });
  const sheet = await t.post(local, `${url}/sheet`, {});
  expect(sheet.headers['x-sheet-cards']).toBe(String(gov.n));
  const printed = [...sheet.body.matchAll(/data-serial="(\d+)"/g)].map((m) => m[1]);
  const govOf = await t.db.pool.query<{ g: string }>(
    'SELECT DISTINCT h.governorate AS g FROM household_card c JOIN household h ON h.id = c.household_id WHERE c.serial = ANY($1::bigint[])',
    [printed],
  );
  expect(govOf.rows.map((r) => r.g)).toEqual([gov.governorate]);
  // a draft cycle has no entitlement list: refused with its own problem
  const draft = await makeCycle(t, s.officer, s.programmeId);
  for (const r of [
    await t.get(s.officer, `/api/v1/aid/cycles/${draft.id}/cards`),
    await t.post(s.officer, `/api/v1/aid/cycles/${draft.id}/cards`, {}),
    await t.post(s.officer, `/api/v1/aid/cycles/${draft.id}/cards/sheet`, {}),
  ]) {
    expect(r.statusCode).toBe(409);
    expect(r.json().type).toBe('/problems/cycle_cards_not_generated');
  }
  expect((await t.post(s.officer, url, { limit: 0 })).statusCode).toBe(422);
  expect((await t.post(s.officer, `${url}/sheet`, { language: 'fr' })).statusCode).toBe(422);
});
