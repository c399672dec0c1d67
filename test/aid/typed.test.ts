// A card presented by its printed number (typed) instead of its signed code: the number is
// printed on issue, the manifest maps valid card serials to households, the sync accepts a typed
// redemption only for that household's valid, unrevoked card of this organisation, stores how the
// card was presented, and keeps replays and conflicts exactly as for scanned cards. The check before
// a hand-over (POST /api/v1/aid/cards/check) answers whether the entitlements are still open.
import { beforeAll, describe, expect, test } from 'vitest';
import { cardNumber } from '../../src/aid/cardNumber.ts';
import { scenario, type Scenario } from '../support/aidScenario.ts';
import { Device, injectTransport, type Manifest } from '../support/device.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let s: Scenario;
let m: Manifest & { cards: { serial: number; householdId: string }[] };
/** Households at the point with a card, in a stable order; each test takes its own. */
let households: string[] = [];
let point = '';
let next = 0;
const take = () => households[next++]!;

beforeAll(async () => {
  s = await scenario(t, { households: 80 });
  // the point with the most households
  point = (
    await t.db.pool.query<{ point_id: string }>(
      'SELECT point_id FROM entitlement WHERE cycle_id = $1 AND point_id IS NOT NULL GROUP BY 1 ORDER BY count(DISTINCT household_id) DESC LIMIT 1',
      [s.cycleId],
    )
  ).rows[0]!.point_id;
  m = (await new Device('setup', point, injectTransport(t.app, s.officer.auth)).download(s.cycleId)) as typeof m;
  households = [...new Set(m.entitlements.map((e) => e.householdId))].filter((h) => s.cards.has(h)).sort();
  expect(households.length).toBeGreaterThan(12);
});

const ents = (h: string) => m.entitlements.filter((e) => e.householdId === h);
const numberOf = (h: string) => cardNumber(s.cards.get(h)!.serial);
type Item = { id: string; entitlementId: string; presented?: 'qr' | 'typed'; card?: string; cardNumber?: string; redeemedAt?: string };
const sync = async (items: Item[], deviceId = 'dev-typed', batchId: string = crypto.randomUUID()) => {
  const r = await s.post(s.officer, '/api/v1/aid/sync', { batchId, pointId: point, deviceId, redemptions: items });
  return r;
};
const typedItems = (h: string, number = numberOf(h), at = new Date()) =>
  ents(h).map((e) => ({
    id: crypto.randomUUID(),
    entitlementId: e.id,
    presented: 'typed' as const,
    cardNumber: number,
    redeemedAt: at.toISOString(),
  }));
const stored = async (ids: string[]) =>
  (
    await t.db.pool.query<{ id: string; status: string; presented: string; card_serial: number; conflict_of: string | null }>(
      'SELECT id, status, presented, card_serial, conflict_of FROM redemption WHERE id = ANY($1::uuid[]) ORDER BY id',
      [ids],
    )
  ).rows;
const rejection = async (id: string) =>
  (await t.db.pool.query<{ reason: string; presented: string }>('SELECT reason, presented FROM redemption_rejection WHERE id = $1', [id]))
    .rows[0];
const check = (body: unknown, u = s.officer) => s.post(u, '/api/v1/aid/cards/check', body);
/** A card issued by another organisation to one of its own households (an empty household row: enough for a card). */
async function otherOrganisationsCard(): Promise<{ serial: number; number: string; token: string }> {
  const outsider = await t.user({ role: 'registration_officer' });
  const hh = (
    await t.db.pool.query<{ id: string }>("INSERT INTO household (org_id, governorate) VALUES ($1, 'PS0260') RETURNING id", [
      outsider.orgId,
    ])
  ).rows[0]!.id;
  const r = await s.post(outsider, '/api/v1/aid/cards', { householdId: hh });
  expect(r.status).toBe(201);
  return r.body;
}

describe('the printed number', () => {
  test('issuing a card answers with the number to print: serial and check digit, groups of 4', async () => {
    const h = households[0]!;
    const r = await s.post(s.officer, '/api/v1/aid/cards', { householdId: h });
    expect(r.status).toBe(201);
    expect(r.body.number).toBe(cardNumber(r.body.serial));
    expect(r.body.number).toMatch(/^\d{4} \d{4}$/);
    // the scenario's first card for h is replaced by this one (both stay valid until revoked)
    s.cards.set(h, { serial: r.body.serial, token: r.body.token });
    const m2 = (await new Device('d2', point, injectTransport(t.app, s.officer.auth)).download(s.cycleId)) as typeof m;
    expect(m2.cards.filter((c) => c.householdId === h).length).toBe(2);
    m = m2;
  });

  test('the manifest lists the valid cards of the households at this point, and no others, with no personal data', async () => {
    const here = new Set(m.entitlements.map((e) => e.householdId));
    expect(m.cards.length).toBeGreaterThanOrEqual(households.length);
    expect(m.cards.every((c) => here.has(c.householdId))).toBe(true);
    for (const h of households) expect(m.cards.some((c) => c.householdId === h && c.serial === s.cards.get(h)!.serial)).toBe(true);
    const elsewhere = [...s.cards.keys()].find((h) => !here.has(h));
    if (elsewhere) expect(m.cards.some((c) => c.householdId === elsewhere)).toBe(false);
    expect(Object.keys(m.cards[0]!).sort()).toEqual(['householdId', 'serial']);
  });
});

describe('sync of typed card numbers', () => {
  test('valid: stands, stored as typed with the card serial; the change log names it', async () => {
    const h = take();
    const items = typedItems(h);
    const batchId = crypto.randomUUID();
    const r = await sync(items, 'dev-typed', batchId);
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: { status: string }) => x.status)).toEqual(items.map(() => 'standing'));
    const rows = await stored(items.map((i) => i.id));
    expect(rows.map((x) => [x.status, x.presented, x.card_serial])).toEqual(items.map(() => ['standing', 'typed', s.cards.get(h)!.serial]));
    const log = (
      await t.db.pool.query<{ after: { standing: string[]; typed?: string[] } }>(
        "SELECT after FROM change_log WHERE entity = 'redemption_batch' AND entity_id = $1",
        [batchId],
      )
    ).rows;
    expect(log.length).toBe(1);
    expect(log[0]!.after.typed?.sort()).toEqual(items.map((i) => i.id).sort());
    // spaces, dashes and Arabic-Indic digits are the same number
    const h2 = take();
    const arabic = numberOf(h2)
      .replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)))
      .replace(' ', '-');
    const r2 = await sync(typedItems(h2, arabic));
    expect(r2.body.results.every((x: { status: string }) => x.status === 'standing')).toBe(true);
  });

  test('a scanned card is stored as qr (also when presented is left out, as older devices send)', async () => {
    const h = take();
    const e = ents(h)[0]!;
    const id = crypto.randomUUID();
    const r = await sync([{ id, entitlementId: e.id, card: s.cards.get(h)!.token }]);
    expect(r.body.results[0].status).toBe('standing');
    expect((await stored([id]))[0]!.presented).toBe('qr');
  });

  test("another household's card number: refused as wrong household, kept with the reason", async () => {
    const [h, other] = [take(), take()];
    const items = typedItems(h, numberOf(other));
    const r = await sync(items);
    expect(r.body.results.map((x: { reason: string }) => x.reason)).toEqual(items.map(() => 'wrong_household'));
    expect(await stored(items.map((i) => i.id))).toEqual([]);
    expect(await rejection(items[0]!.id)).toEqual({ reason: 'wrong_household', presented: 'typed' });
  });

  test('a revoked card number: refused after the revocation, counted before it when damaged (as for scanned cards)', async () => {
    const [h1, h2] = [take(), take()];
    const issued = (
      await t.db.pool.query<{ at: Date }>('SELECT issued_at AS at FROM household_card WHERE serial = $1', [s.cards.get(h2)!.serial])
    ).rows[0]!.at;
    const early = typedItems(h2, numberOf(h2), new Date(issued.getTime() + 1));
    for (const [h, reason] of [
      [h1, 'lost'],
      [h2, 'damaged'],
    ] as const)
      expect((await s.post(s.officer, `/api/v1/aid/cards/${s.cards.get(h)!.serial}/revoke`, { reason })).status).toBe(200);
    const late = typedItems(h1);
    const r = await sync([...late, ...early]);
    expect(r.body.results.map((x: { status: string; reason?: string }) => x.reason ?? x.status)).toEqual([
      ...late.map(() => 'revoked'),
      ...early.map(() => 'standing'),
    ]);
    // the next manifest no longer maps the revoked serials to their households
    const m2 = (await new Device('d3', point, injectTransport(t.app, s.officer.auth)).download(s.cycleId)) as typeof m;
    for (const h of [h1, h2]) {
      expect(m2.cards.some((c) => c.serial === s.cards.get(h)!.serial)).toBe(false);
      expect(m2.revokedSerials.some((c) => c.serial === s.cards.get(h)!.serial)).toBe(true);
    }
  });

  test("unknown serial, a bad check digit, another organisation's card: refused", async () => {
    const h = take();
    const e = ents(h)[0]!;
    const unknown = { id: crypto.randomUUID(), entitlementId: e.id, presented: 'typed' as const, cardNumber: cardNumber(99_999_999) };
    const d = numberOf(h).replace(' ', '');
    const badDigit = {
      id: crypto.randomUUID(),
      entitlementId: e.id,
      presented: 'typed' as const,
      cardNumber: d.slice(0, -1) + String((Number(d.at(-1)) + 1) % 10),
    };
    // a card issued by another organisation to one of its own households
    const theirCard = await otherOrganisationsCard();
    const theirs = { id: crypto.randomUUID(), entitlementId: e.id, presented: 'typed' as const, cardNumber: theirCard.number };
    const items: Item[] = [unknown, badDigit, theirs];
    const r = await sync(items);
    expect(r.body.results.map((x: { reason: string }) => x.reason)).toEqual(['unknown_card', 'bad_number', 'unknown_card']);
    expect(await stored(items.map((i) => i.id))).toEqual([]);
  });
});

describe('sync of typed card numbers: replays, conflicts, online', () => {
  test('a replay of a typed batch answers the same and changes nothing', async () => {
    const h = take();
    const items = typedItems(h);
    const batchId = crypto.randomUUID();
    const first = await sync(items, 'dev-typed', batchId);
    const again = await Promise.all([sync(items, 'dev-typed', batchId), sync(items, 'dev-typed', batchId)]);
    for (const a of again)
      expect(a.body.results.map((x: { status: string; replayed: boolean }) => [x.status, x.replayed])).toEqual(
        items.map(() => ['standing', true]),
      );
    expect(first.body.results.every((x: { replayed: boolean }) => !x.replayed)).toBe(true);
    expect((await stored(items.map((i) => i.id))).length).toBe(items.length);
    expect(
      (
        await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM redemption WHERE entitlement_id = ANY($1::uuid[])', [
          items.map((i) => i.entitlementId),
        ])
      ).rows[0]!.n,
    ).toBe(items.length);
    // a refused typed one replays as refused
    const bad = {
      id: crypto.randomUUID(),
      entitlementId: items[0]!.entitlementId,
      presented: 'typed' as const,
      cardNumber: cardNumber(99_999_998),
    };
    expect((await sync([bad])).body.results[0].reason).toBe('unknown_card');
    expect((await sync([bad])).body.results[0]).toMatchObject({ reason: 'unknown_card', replayed: true });
  });

  test('the same entitlement scanned on one device and typed on another: one stands, the other is a conflict for review', async () => {
    const h = take();
    const qr = ents(h).map((e) => ({
      id: crypto.randomUUID(),
      entitlementId: e.id,
      card: s.cards.get(h)!.token,
      redeemedAt: new Date().toISOString(),
    }));
    const typed = typedItems(h);
    expect((await sync(qr, 'dev-qr')).body.results.every((x: { status: string }) => x.status === 'standing')).toBe(true);
    const r = await sync(typed, 'dev-typed');
    expect(r.body.results.map((x: { status: string; standingId: string }) => [x.status, x.standingId])).toEqual(
      qr.map((q) => ['conflict', q.id]),
    );
    const rows = await stored(typed.map((t) => t.id));
    expect(rows.map((x) => [x.status, x.presented]).sort()).toEqual(typed.map(() => ['conflict', 'typed']));
    const list = await s.get(s.officer, `/api/v1/aid/cycles/${s.cycleId}/conflicts`);
    expect(
      list.body.conflicts.filter((c: { id: string }) => typed.some((t) => t.id === c.id)).map((c: { presented: string }) => c.presented),
    ).toEqual(typed.map(() => 'typed'));
    // and the other way round: typed first, then scanned
    const h2 = take();
    const typed2 = typedItems(h2);
    const qr2 = ents(h2).map((e) => ({ id: crypto.randomUUID(), entitlementId: e.id, card: s.cards.get(h2)!.token }));
    expect((await sync(typed2)).body.results.every((x: { status: string }) => x.status === 'standing')).toBe(true);
    expect((await sync(qr2, 'dev-qr')).body.results.map((x: { status: string }) => x.status)).toEqual(qr2.map(() => 'conflict'));
  });

  test('online redemption with a typed number: 201, stored as typed; the second one 409', async () => {
    const h = take();
    const e = ents(h)[0]!;
    const body = { id: crypto.randomUUID(), entitlementId: e.id, pointId: point, presented: 'typed', cardNumber: numberOf(h) };
    const r = await s.post(s.officer, '/api/v1/aid/redemptions', body);
    expect(r.status).toBe(201);
    expect((await stored([body.id]))[0]!.presented).toBe('typed');
    expect((await s.post(s.officer, '/api/v1/aid/redemptions', body)).status).toBe(200);
    expect((await s.post(s.officer, '/api/v1/aid/redemptions', { ...body, id: crypto.randomUUID() })).status).toBe(409);
  });

  test('a redemption names its card the way it says it was presented (422 otherwise, naming the field)', async () => {
    const h = take();
    const e = ents(h)[0]!;
    const cases: [Item, string][] = [
      [{ id: crypto.randomUUID(), entitlementId: e.id, presented: 'typed', card: s.cards.get(h)!.token }, 'redemptions[0].cardNumber'],
      [{ id: crypto.randomUUID(), entitlementId: e.id, presented: 'qr', cardNumber: numberOf(h) }, 'redemptions[0].card'],
      [{ id: crypto.randomUUID(), entitlementId: e.id }, 'redemptions[0].card'],
    ];
    for (const [item, field] of cases) {
      const r = await sync([item]);
      expect(r.status).toBe(422);
      expect(r.body.errors.map((x: { field: string }) => x.field)).toContain(field);
    }
    expect(await stored(cases.map(([i]) => i.id))).toEqual([]);
  });
});

describe('the check before a hand-over', () => {
  test('a good card, by its code or its number: its entitlements are open, then redeemed once one stands', async () => {
    const h = take();
    const ids = ents(h).map((e) => e.id);
    const other = m.entitlements.find((e) => e.householdId !== h)!.id;
    for (const body of [{ card: s.cards.get(h)!.token }, { cardNumber: numberOf(h) }]) {
      const r = await check({ ...body, entitlementIds: [...ids, other] });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        valid: true,
        serial: s.cards.get(h)!.serial,
        number: numberOf(h),
        householdId: h,
        identity: { householdId: h, headName: expect.any(String), size: expect.any(Number) },
        entitlements: [...ids.map((id) => ({ id, state: 'open' })), { id: other, state: 'other' }],
      });
    }
    const before = (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log')).rows[0]!.n;
    await sync(typedItems(h).slice(0, 1));
    const r = await check({ cardNumber: numberOf(h), entitlementIds: ids });
    expect(r.body.entitlements).toEqual(ids.map((id, i) => ({ id, state: i === 0 ? 'redeemed' : 'open' })));
    // it changes nothing: the sync wrote one entry, and the look-up by printed number is logged as a read of the household
    const after = (
      await t.db.pool.query<{ entity: string; entity_id: string; action: string; after: unknown }>(
        'SELECT entity, entity_id, action, after FROM change_log ORDER BY seq OFFSET $1',
        [before],
      )
    ).rows;
    expect(after.map((x) => x.action)).toEqual(['sync', 'read']);
    expect(after[1]).toMatchObject({
      entity: 'household',
      entity_id: h,
      after: { cardSerial: s.cards.get(h)!.serial, identityCheck: true },
    });
    // a signed code names its household itself, but the answer names its head: that check is logged once too
    await check({ card: s.cards.get(h)!.token, entitlementIds: ids });
    expect((await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log')).rows[0]!.n).toBe(before + 3);
  });

  test('refused cards: revoked, forged, a bad check digit; an unknown number answers 404; one of card or cardNumber', async () => {
    const h = take();
    const ids = ents(h).map((e) => e.id);
    expect((await s.post(s.officer, `/api/v1/aid/cards/${s.cards.get(h)!.serial}/revoke`, { reason: 'stolen' })).status).toBe(200);
    expect((await check({ cardNumber: numberOf(h), entitlementIds: ids })).body).toMatchObject({
      valid: false,
      reason: 'revoked',
      entitlements: [],
    });
    expect((await check({ card: s.cards.get(h)!.token, entitlementIds: ids })).body).toMatchObject({ valid: false, reason: 'revoked' });
    const token = s.cards.get(take())!.token;
    expect((await check({ card: `${token.slice(0, -6)}AAAAAA`, entitlementIds: ids })).body).toMatchObject({
      valid: false,
      reason: 'bad_signature',
    });
    expect((await check({ cardNumber: '0001 0009', entitlementIds: ids })).body).toMatchObject({ valid: false, reason: 'bad_number' });
    expect((await check({ cardNumber: cardNumber(99_999_997), entitlementIds: ids })).status).toBe(404);
    expect((await check({ entitlementIds: ids })).status).toBe(422);
    expect((await check({ card: token, cardNumber: numberOf(h), entitlementIds: ids })).status).toBe(422);
  });
});
