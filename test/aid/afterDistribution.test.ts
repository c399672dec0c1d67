// After distribution, through the API: conflicts listed side by side for review (who, where, the
// device's time and the server's, why held), a decision with a required reason that chooses which
// redemption stands (logged with the reason); the warehouses list; the reconciliation per point,
// item and day computed again here with SQL on the same data and compared; the 3W/5W report as CSV
// and XLSX files read back (HXL: territories #adm1, governorates #adm2, P-codes +code).
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Scenario, scenario } from '../support/aidScenario.ts';
import { Device, injectTransport } from '../support/device.ts';
import type { TestUser } from '../support/factories.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let s: Scenario;
let second: TestUser;

type Redemption = {
  id: string;
  status: string;
  review: string | null;
  held: string | null;
  pointName: string | null;
  officer: string | null;
  deviceId: string | null;
  redeemedAt: string;
  receivedAt: string;
  reviewer: string | null;
  reviewReason: string | null;
};
type Group = { entitlementId: string; householdId: string; item: string; quantity: number; open: boolean; redemptions: Redemption[] };

const reviews = async (u: TestUser = s.officer, state = 'open'): Promise<Group[]> => {
  const r = await s.get(u, `/api/v1/aid/cycles/${s.cycleId}/reviews?state=${state}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.groups;
};

/** One offline redemption of an entitlement synced by `u` from `deviceId`. */
async function syncOne(u: TestUser, deviceId: string, e: { id: string; householdId: string }, redeemedAt = new Date().toISOString()) {
  const id = randomUUID();
  const res = await s.post(u, '/api/v1/aid/sync', {
    batchId: randomUUID(),
    pointId: point,
    deviceId,
    redemptions: [{ id, entitlementId: e.id, card: s.cards.get(e.householdId)!.token, redeemedAt }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id, ...(res.body.results[0] as { status: string; held?: string }) };
}

let open: { id: string; householdId: string }[];
let point: string;

beforeAll(async () => {
  s = await scenario(t, { households: 200 });
  second = await t.user({ role: 'distribution_officer', orgId: s.officer.orgId });
  // the point with the most entitlements of households with a card
  open = [];
  for (const p of Object.values(s.points)) {
    const m = await t.get(s.officer, `/api/v1/aid/cycles/${s.cycleId}/manifest?point=${p}`);
    const ents = (m.json() as { entitlements: { id: string; householdId: string }[] }).entitlements.filter((e) =>
      s.cards.has(e.householdId),
    );
    if (ents.length > open.length) [open, point] = [ents, p];
  }
  expect(open.length).toBeGreaterThan(25);
});

let standing: { id: string; status: string };
let conflict: { id: string; status: string };

describe('conflict review: listed side by side, within the governorates', () => {
  test('two devices redeem one entitlement: listed side by side with officers, points, times', async () => {
    const e = open[0]!;
    standing = await syncOne(s.officer, 'tablet-1', e);
    conflict = await syncOne(second, 'tablet-2', e);
    expect([standing, conflict].map((r) => r.status)).toEqual(['standing', 'conflict']);
    const groups = await reviews();
    expect(groups).toHaveLength(1);
    const g = groups[0]!;
    expect(g).toMatchObject({ entitlementId: e.id, householdId: e.householdId, open: true });
    const names = await t.db.pool.query<{ id: string; username: string }>('SELECT id, username FROM app_user WHERE id = ANY($1)', [
      [s.officer.id, second.id],
    ]);
    const name = (id: string) => names.rows.find((r) => r.id === id)!.username;
    const byId = new Map(g.redemptions.map((r) => [r.id, r]));
    expect(byId.get(standing.id)).toMatchObject({ status: 'standing', officer: name(s.officer.id), deviceId: 'tablet-1', held: null });
    expect(byId.get(conflict.id)).toMatchObject({ status: 'conflict', review: 'open', officer: name(second.id), deviceId: 'tablet-2' });
    for (const r of g.redemptions) {
      expect(r.pointName).toBeTruthy();
      expect(Date.parse(r.receivedAt)).toBeGreaterThanOrEqual(Date.parse(r.redeemedAt) - 1000);
    }
    // an auditor reads the list, without the reasons; another organisation does not find the cycle
    const auditor = await t.user({ role: 'auditor', orgId: s.officer.orgId });
    expect(await reviews(auditor)).toHaveLength(1);
    expect((await s.get(await t.user({ role: 'distribution_officer' }), `/api/v1/aid/cycles/${s.cycleId}/reviews`)).status).toBe(404);
    expect((await s.get(await t.user({ role: 'analyst', orgId: s.officer.orgId }), `/api/v1/aid/cycles/${s.cycleId}/reviews`)).status).toBe(
      403,
    );
  });

  test('an officer of other governorates neither sees nor settles it (404)', async () => {
    const gov = (await t.db.pool.query<{ g: string }>('SELECT governorate AS g FROM distribution_point WHERE id = $1', [point])).rows[0]!.g;
    const other = gov === 'PS0260' ? 'PS0270' : 'PS0260';
    const elsewhere = await t.user({ role: 'distribution_officer', orgId: s.officer.orgId, governorates: [other] });
    expect(await reviews(elsewhere)).toEqual([]);
    const old = await s.get(elsewhere, `/api/v1/aid/cycles/${s.cycleId}/conflicts`);
    expect(old.body.conflicts).toEqual([]);
    const res = await s.post(elsewhere, `/api/v1/aid/redemptions/${conflict.id}/review`, { decision: 'stands', reason: 'not mine' });
    expect(res.status).toBe(404);
    expect((await t.db.pool.query('SELECT status FROM redemption WHERE id = $1', [conflict.id])).rows[0].status).toBe('conflict');
  });
});

describe('conflict review: the decision', () => {
  test('a decision needs a reason; "stands" swaps which redemption stands, logged with the reason', async () => {
    const none = await s.post(s.officer, `/api/v1/aid/redemptions/${conflict.id}/review`, { decision: 'stands' });
    expect(none.status).toBe(422);
    const blank = await s.post(s.officer, `/api/v1/aid/redemptions/${conflict.id}/review`, { decision: 'stands', reason: '   ' });
    expect(blank.status).toBe(422);
    const res = await s.post(s.officer, `/api/v1/aid/redemptions/${conflict.id}/review`, {
      decision: 'stands',
      reason: 'tablet-1 scanned the wrong card',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ id: conflict.id, review: 'stands', standingId: conflict.id });
    const rows = await t.db.pool.query('SELECT id, status, review, conflict_of, review_reason FROM redemption WHERE id = ANY($1)', [
      [standing.id, conflict.id],
    ]);
    const row = (id: string) => rows.rows.find((r) => r.id === id);
    expect(row(conflict.id)).toMatchObject({ status: 'standing', review: null, conflict_of: null });
    expect(row(standing.id)).toMatchObject({
      status: 'conflict',
      review: 'duplicate_confirmed',
      conflict_of: conflict.id,
      review_reason: 'tablet-1 scanned the wrong card',
    });
    const log = await t.db.pool.query(
      "SELECT actor_id, reason, after FROM change_log WHERE entity = 'redemption' AND entity_id = $1 AND action = 'review'",
      [conflict.id],
    );
    expect(log.rows).toEqual([
      { actor_id: s.officer.id, reason: 'tablet-1 scanned the wrong card', after: { decision: 'stands', standingId: conflict.id } },
    ]);
    // no longer open; with state=all, the decision and its reviewer
    expect(await reviews()).toEqual([]);
    const all = await reviews(s.officer, 'all');
    expect(all).toHaveLength(1);
    expect(all[0]!.open).toBe(false);
    expect(all[0]!.redemptions.find((r) => r.id === standing.id)).toMatchObject({ reviewReason: 'tablet-1 scanned the wrong card' });
    // the standing one cannot be "reviewed": it is chosen by reviewing its competitor
    expect((await s.post(s.officer, `/api/v1/aid/redemptions/${conflict.id}/review`, { decision: 'accepted', reason: 'x' })).status).toBe(
      404,
    );
  });

  test('held by its time (dated before the card): listed alone with the reason; it may be made to stand', async () => {
    const e = open[1]!;
    const held = await syncOne(s.officer, 'tablet-3', e, '2020-01-01T08:00:00Z');
    expect(held).toMatchObject({ status: 'conflict', held: 'before_card' });
    const g = (await reviews()).find((x) => x.entitlementId === e.id)!;
    expect(g.redemptions).toHaveLength(1);
    expect(g.redemptions[0]).toMatchObject({ id: held.id, held: 'before_card', status: 'conflict' });
    const res = await s.post(s.officer, `/api/v1/aid/redemptions/${held.id}/review`, {
      decision: 'stands',
      reason: 'the tablet clock was reset; the officer confirmed the hand-over',
    });
    expect(res.status).toBe(200);
    const row = (await t.db.pool.query('SELECT status, held, review FROM redemption WHERE id = $1', [held.id])).rows[0];
    expect(row).toEqual({ status: 'standing', held: null, review: null });
  });
});

type Recon = {
  points: { pointId: string | null; item: string; entitled: number | null; distributed: number | null; dispatched: number | null }[];
  totals: { item: string; distributed: number | null; redeemedHouseholds: number | null }[];
  days: { day: string; item: string; distributed: number | null; households: number | null; dispatched: number | null }[];
};

/** Per point (in the officer's governorates) and item, computed here with SQL: entitled, handed out, dispatched. */
async function perPointBySql() {
  const govs = s.officer.actor.governorates;
  return t.db.pool.query<{
    point_id: string | null;
    item: string;
    entitled: string;
    distributed: string;
    dispatched: string;
  }>(
    `SELECT p.point_id, i.code AS item,
       (SELECT coalesce(sum(e.quantity), 0) FROM entitlement e WHERE e.cycle_id = $1 AND e.point_id IS NOT DISTINCT FROM p.point_id AND e.item_id = p.item_id) AS entitled,
       (SELECT coalesce(sum(r.quantity), 0) FROM redemption r WHERE r.cycle_id = $1 AND r.point_id IS NOT DISTINCT FROM p.point_id AND r.item_id = p.item_id) AS distributed,
       (SELECT coalesce(sum(m.quantity), 0) FROM stock_movement m WHERE m.cycle_id = $1 AND m.kind = 'dispatch' AND m.point_id IS NOT DISTINCT FROM p.point_id AND m.item_id = p.item_id) AS dispatched
     FROM (SELECT DISTINCT point_id, item_id FROM entitlement WHERE cycle_id = $1 AND point_id IN (SELECT id FROM distribution_point WHERE governorate = ANY($2))) p
     JOIN aid_item i ON i.id = p.item_id`,
    [s.cycleId, govs],
  );
}

/** Per day and item, computed here with SQL. */
async function perDayBySql() {
  return t.db.pool.query<{ day: string; item: string; distributed: string; households: string; dispatched: string }>(
    `SELECT d.day, i.code AS item,
       (SELECT coalesce(sum(quantity), 0) FROM redemption r WHERE r.cycle_id = $1 AND r.item_id = d.item_id AND to_char(r.redeemed_at AT TIME ZONE 'Asia/Gaza', 'YYYY-MM-DD') = d.day) AS distributed,
       (SELECT count(DISTINCT household_id) FROM redemption r WHERE r.cycle_id = $1 AND r.item_id = d.item_id AND r.status = 'standing' AND to_char(r.redeemed_at AT TIME ZONE 'Asia/Gaza', 'YYYY-MM-DD') = d.day) AS households,
       (SELECT coalesce(sum(quantity), 0) FROM stock_movement m WHERE m.cycle_id = $1 AND m.item_id = d.item_id AND m.kind = 'dispatch' AND to_char(m.occurred_on, 'YYYY-MM-DD') = d.day) AS dispatched
     FROM (SELECT DISTINCT to_char(redeemed_at AT TIME ZONE 'Asia/Gaza', 'YYYY-MM-DD') AS day, item_id FROM redemption WHERE cycle_id = $1
           UNION SELECT to_char(occurred_on, 'YYYY-MM-DD'), item_id FROM stock_movement WHERE cycle_id = $1 AND kind = 'dispatch') d
     JOIN aid_item i ON i.id = d.item_id ORDER BY 1, 2`,
    [s.cycleId],
  );
}

describe('stock and reconciliation', () => {
  let warehouseId: string;
  test('warehouses are listed within the governorates; not enough stock is refused', async () => {
    const wh = await s.post(s.officer, '/api/v1/aid/warehouses', { name: 'Gaza warehouse', governorate: 'PS0260' });
    expect(wh.status).toBe(201);
    warehouseId = wh.body.id;
    await s.post(s.officer, '/api/v1/aid/warehouses', { name: 'Hebron warehouse', governorate: 'PS0175' });
    const scoped = await t.user({ role: 'distribution_officer', orgId: s.officer.orgId, governorates: ['PS0260'] });
    const list = await s.get(scoped, '/api/v1/aid/warehouses');
    expect(list.status).toBe(200);
    expect(list.body.warehouses.map((w: { name: string }) => w.name)).toEqual(['Gaza warehouse']);
    const food = s.items.food_parcel!;
    const tooMuch = await s.post(s.officer, '/api/v1/aid/stock', {
      kind: 'dispatch',
      itemId: food,
      quantity: 1,
      warehouseId,
      pointId: point,
      cycleId: s.cycleId,
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.type).toContain('not_enough_stock');
    for (const [item, q] of [
      [food, 500],
      [s.items.hygiene_kit!, 200],
    ] as const) {
      expect((await s.post(s.officer, '/api/v1/aid/stock', { kind: 'receipt', itemId: item, quantity: q, warehouseId })).status).toBe(201);
      for (const [day, n] of [
        ['2026-01-10', 40],
        ['2026-01-11', 25],
      ] as const) {
        const d = await s.post(s.officer, '/api/v1/aid/stock', {
          kind: 'dispatch',
          itemId: item,
          quantity: n,
          warehouseId,
          pointId: point,
          cycleId: s.cycleId,
          date: day,
        });
        expect(d.status, JSON.stringify(d.body)).toBe(201);
      }
    }
  });

  test('the reconciliation per point, item and day equals the same figures computed with SQL', async () => {
    const dev = new Device('recon-dev', point, injectTransport(t.app, s.officer.auth));
    await dev.download(s.cycleId);
    for (const e of open.slice(5, 25)) dev.redeemOffline(s.cards.get(e.householdId)!.token);
    await dev.sync(50);
    const res = await s.get(s.officer, `/api/v1/aid/cycles/${s.cycleId}/reconciliation`);
    expect(res.status).toBe(200);
    const api = res.body as Recon;
    const perPoint = await perPointBySql();
    expect(perPoint.rows.length).toBeGreaterThan(3);
    for (const x of perPoint.rows) {
      const row = api.points.find((r) => r.pointId === x.point_id && r.item === x.item);
      expect(row, `${x.point_id} ${x.item}`).toBeDefined();
      expect([row!.entitled, row!.distributed, row!.dispatched]).toEqual([Number(x.entitled), Number(x.distributed), Number(x.dispatched)]);
    }
    const perDay = await perDayBySql();
    expect(api.days.map((d) => [d.day, d.item, d.distributed, d.households, d.dispatched])).toEqual(
      perDay.rows.map((d) => [d.day, d.item, Number(d.distributed), Number(d.households), Number(d.dispatched)]),
    );
    expect(api.days.some((d) => d.day === '2026-01-10' && d.item === 'food_parcel' && d.dispatched === 40)).toBe(true);
    // an item's days add up to its total
    for (const tot of api.totals)
      expect(api.days.filter((d) => d.item === tot.item).reduce((a, d) => a + d.distributed!, 0)).toBe(tot.distributed);
  });

  test('for an analyst, small daily counts are withheld with what would give them away', async () => {
    const analyst = await t.user({ role: 'analyst', orgId: s.officer.orgId });
    const api = (await s.get(analyst, `/api/v1/aid/cycles/${s.cycleId}/reconciliation`)).body as Recon;
    const officer = (await s.get(s.officer, `/api/v1/aid/cycles/${s.cycleId}/reconciliation`)).body as Recon;
    officer.days.forEach((d, i) => {
      const a = api.days[i]!;
      if (d.households! > 0 && d.households! < 5) {
        expect(a.households).toBeNull();
        expect(a.distributed).toBeNull();
      } else if (a.households !== null) expect(a.households).toBe(d.households);
    });
    expect(officer.days.some((d) => d.households! > 0 && d.households! < 5)).toBe(true);
  });
});

describe('3W/5W report files', () => {
  const file = async (format: 'csv' | 'xlsx', u: TestUser = s.officer) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/aid/reports/3w', headers: u.auth, payload: { cycle: s.cycleId, format } });
    return r;
  };
  test('CSV: a header, HXL hashtags (#adm1+code, #adm2+code), one row per governorate and item, read back', async () => {
    const r = await file('csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/sanad-3w-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = parse(r.body.replace(/^\uFEFF/, '')) as string[][];
    const tags = rows[1]!;
    expect(tags).toContain('#adm1+code');
    expect(tags).toContain('#adm2+code');
    expect(tags).toContain('#adm2+name');
    expect(rows.length - 2).toBe(Number(r.headers['x-export-rows']));
    const adm2 = tags.indexOf('#adm2+code');
    const adm1 = tags.indexOf('#adm1+code');
    for (const row of rows.slice(2)) {
      expect(row[adm2]).toMatch(/^PS0[12]\d\d$/);
      expect(row[adm1]).toBe(row[adm2]!.startsWith('PS02') ? 'PS02' : 'PS01');
    }
    const reached = (await s.get(s.officer, `/api/v1/aid/reports/reach?cycle=${s.cycleId}`)).body.rows.filter(
      (x: { level: string }) => x.level === 'governorate',
    );
    expect(rows.length - 2).toBe(reached.length);
  });

  test('XLSX: the same rows, read back', async () => {
    const csv = parse((await file('csv')).body.replace(/^\uFEFF/, '')) as string[][];
    const r = await file('xlsx');
    expect(r.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: string[][] = [];
    const width = csv[0]!.length;
    sheet.eachRow((row) =>
      rows.push(
        Array.from({ length: width }, (_, i) => row.getCell(i + 1).value).map((v) => (v === null || v === undefined ? '' : String(v))),
      ),
    );
    expect(rows).toEqual(csv);
  });

  test('a registration officer may not download it', async () => {
    expect((await file('csv', await t.user({ role: 'registration_officer', orgId: s.officer.orgId }))).statusCode).toBe(403);
  });
});
