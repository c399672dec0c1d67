// Scope and disclosure of the aid reports (reach, 3W/5W CSV, reconciliation): an officer of one
// governorate sees only its rows; an analyst (aggregates only) sees no count of 1 to 4 and cannot
// recompute one from a total; another organisation sees nothing (404, as if absent).
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { scenario, type Scenario } from '../support/aidScenario.ts';
import { Device, injectTransport } from '../support/device.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let s: Scenario;
const KHAN_YOUNIS = 'PS0270';

type Counts = Record<string, number | null>;
type Row = {
  governorate: string;
  siteId: string | null;
  level: 'governorate' | 'site';
  item: string;
  targeted: Counts;
  reached: Counts;
  entitledQuantity: number | null;
  distributedQuantity: number | null;
  coverage: number | null;
};
type Recon = Record<string, number | null | string | boolean | string[]> & { pointId?: string | null; item: string };

beforeAll(async () => {
  s = await scenario(t, { households: 60 });
  // some households at every point receive their aid: small counts in some cells
  for (const point of [s.points.gaza, s.points.site, s.points.khanYounis]) {
    const d = new Device(`scope-${point}`, point, injectTransport(t.app, s.officer.auth));
    const m = await d.download(s.cycleId);
    const hhs = [...new Set(m.entitlements.map((e) => e.householdId))];
    for (const h of hhs.slice(0, Math.ceil(hhs.length / 3))) d.redeemOffline(s.cards.get(h)!.token);
    await d.sync();
  }
});

const reach = async (u: TestUser) => {
  const r = await s.get(u, `/api/v1/aid/reports/reach?cycle=${s.cycleId}`);
  expect(r.status).toBe(200);
  return r.body as { rows: Row[]; sitesOverCapacity: { governorate: string; people: number | null }[] };
};
const recon = async (u: TestUser) => {
  const r = await s.get(u, `/api/v1/aid/cycles/${s.cycleId}/reconciliation`);
  expect(r.status).toBe(200);
  return r.body as { points: Recon[]; totals: Recon[] };
};
const threeW = async (u: TestUser) => {
  const r = await t.get(u, `/api/v1/aid/reports/3w.csv?cycle=${s.cycleId}`);
  expect(r.statusCode).toBe(200);
  const rows = parse(r.body) as string[][];
  return { head: rows[0]!, tags: rows[1]!, data: rows.slice(2) };
};
const COUNT_KEYS = ['households', 'people', 'female', 'male', 'f_0_17', 'm_0_17', 'f_18_59', 'm_18_59', 'f_60_plus', 'm_60_plus'];
const small = (n: unknown) => typeof n === 'number' && n > 0 && n < 5;

describe('an officer scoped to one governorate', () => {
  test('sees only its rows in the reach report, the 3W/5W CSV and the reconciliation, counted as in the database', async () => {
    const officer = await t.user({ role: 'distribution_officer', orgId: s.admin.orgId, governorates: [KHAN_YOUNIS] });
    const everywhere = await reach(s.officer);
    expect(new Set(everywhere.rows.map((r) => r.governorate)).size).toBeGreaterThan(1);

    const mine = await reach(officer);
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(new Set(mine.rows.map((r) => r.governorate))).toEqual(new Set([KHAN_YOUNIS]));
    for (const r of mine.rows)
      expect(r).toEqual(
        everywhere.rows.find((x) => x.level === r.level && x.siteId === r.siteId && x.item === r.item && x.governorate === r.governorate),
      );
    for (const site of mine.sitesOverCapacity) expect(site.governorate).toBe(KHAN_YOUNIS);
    const hh = await t.db.pool.query<{ n: number }>(
      'SELECT count(DISTINCT household_id)::int AS n FROM cycle_household WHERE cycle_id = $1 AND governorate = $2',
      [s.cycleId, KHAN_YOUNIS],
    );
    const food = mine.rows.find((r) => r.level === 'governorate' && r.item === 'food_parcel')!;
    expect(food.targeted.households).toBe(hh.rows[0]!.n);

    const csv = await threeW(officer);
    const code = csv.tags.indexOf('#adm2+code');
    expect(csv.data.length).toBeGreaterThan(0);
    expect(new Set(csv.data.map((r) => r[code]))).toEqual(new Set([KHAN_YOUNIS]));

    const points = (await recon(officer)).points;
    const allowed = new Set([s.points.khanYounis, null]);
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(allowed.has(p.pointId ?? null), String(p.pointId)).toBe(true);
    expect((await recon(s.officer)).points.some((p) => p.pointId === s.points.gaza)).toBe(true);
  });
});

describe('an analyst (aggregates only)', () => {
  test('sees no count of 1 to 4 in the reach report, and published cells are exact', async () => {
    const analyst = await t.user({ role: 'analyst', orgId: s.admin.orgId });
    const exact = await reach(s.officer);
    // the data has small cells, so the rule is exercised
    expect(exact.rows.some((r) => COUNT_KEYS.some((k) => small(r.targeted[k]) || small(r.reached[k])))).toBe(true);
    const seen = await reach(analyst);
    expect(seen.rows).toHaveLength(exact.rows.length);
    seen.rows.forEach((r, i) => {
      const e = exact.rows[i]!;
      for (const side of ['targeted', 'reached'] as const)
        for (const k of COUNT_KEYS) {
          const v = r[side][k];
          expect(small(v), `${side}.${k}`).toBe(false);
          if (v !== null) expect(v).toBe(e[side][k]);
          if (small(e[side][k])) expect(v).toBeNull();
        }
      // a quantity goes with its count of households (a parcel a household gives the count away)
      if (r.reached.households === null) expect(r.distributedQuantity).toBeNull();
      if (r.reached.households === null || r.targeted.households === null) expect(r.coverage).toBeNull();
    });
    for (const site of seen.sitesOverCapacity) expect(small(site.people)).toBe(false);
  });

  test('cannot recompute a withheld cell from a governorate total or a sum of sexes and ages', async () => {
    const analyst = await t.user({ role: 'analyst', orgId: s.admin.orgId });
    const { rows } = await reach(analyst);
    const relations: (number | null)[][] = [];
    for (const r of rows) {
      for (const side of ['targeted', 'reached'] as const) {
        const c = r[side];
        relations.push(
          [c.people!, c.female!, c.male!],
          [c.female!, c.f_0_17!, c.f_18_59!, c.f_60_plus!],
          [c.male!, c.m_0_17!, c.m_18_59!, c.m_60_plus!],
        );
      }
      if (r.level !== 'governorate') continue;
      const sites = rows.filter((x) => x.level === 'site' && x.governorate === r.governorate && x.item === r.item);
      for (const side of ['targeted', 'reached'] as const)
        for (const k of COUNT_KEYS) relations.push([r[side][k]!, ...sites.map((x) => x[side][k]!)]);
    }
    // a relation with exactly one withheld cell would give it away by subtraction, unless that cell is
    // the total and every part is 0 (women of unknown age: the sum says nothing about the total)
    for (const [total, ...parts] of relations) {
      const withheld = [total, ...parts].filter((v) => v === null).length;
      if (withheld === 1 && total === null && parts.every((v) => v === 0)) continue;
      expect(withheld, JSON.stringify([total, ...parts])).not.toBe(1);
    }
    expect(relations.some((cells) => cells.includes(null))).toBe(true);
  });

  test('the 3W/5W CSV writes "<5" in a withheld cell, never a number 1 to 4; the HXL hashtag row is unchanged', async () => {
    const analyst = await t.user({ role: 'analyst', orgId: s.admin.orgId });
    const mine = await threeW(analyst);
    const full = await threeW(s.officer);
    expect(mine.tags).toEqual(full.tags);
    expect(mine.tags.slice(4, 9)).toEqual(['#adm1+name', '#adm1+code', '#adm2+name', '#adm2+name+i_ar', '#adm2+code']);
    const numeric = mine.tags.map((tag, i) => (tag.startsWith('#targeted') || tag.startsWith('#reached') ? i : -1)).filter((i) => i >= 0);
    const cells = mine.data.flatMap((r) => numeric.map((i) => r[i]!));
    expect(cells).toContain('<5');
    for (const c of cells) expect(c === '<5' || !small(Number(c)), c).toBe(true);
  });

  test('sees no household count of 1 to 4 in the reconciliation; stock figures stay', async () => {
    const analyst = await t.user({ role: 'analyst', orgId: s.admin.orgId });
    const exact = await recon(s.officer);
    const seen = await recon(analyst);
    const counts = ['entitledHouseholds', 'redeemedHouseholds'];
    expect(exact.points.some((p) => counts.some((k) => small(p[k])))).toBe(true);
    for (const row of [...seen.points, ...seen.totals]) for (const k of counts) expect(small(row[k]), k).toBe(false);
    seen.points.forEach((p, i) => {
      if (p.redeemedHouseholds === null) expect(p.standing).toBeNull();
      if (p.entitledHouseholds === null) expect(p.entitled).toBeNull();
      for (const k of Object.keys(p)) if (p[k] !== null) expect(p[k], k).toEqual(exact.points[i]![k]);
    });
    // item totals = sum of the points: never exactly one withheld cell among a total and its points
    for (const tot of seen.totals)
      for (const k of counts) {
        const cells = [tot[k], ...seen.points.filter((p) => p.item === tot.item).map((p) => p[k])];
        expect(cells.filter((v) => v === null).length).not.toBe(1);
      }
  });
});

test('another organisation gets 404 for the reach report, the 3W/5W CSV and the reconciliation, whatever its role', async () => {
  for (const role of ['analyst', 'distribution_officer'] as const) {
    const outsider = await t.user({ role });
    for (const url of [
      `/api/v1/aid/reports/reach?cycle=${s.cycleId}`,
      `/api/v1/aid/reports/3w.csv?cycle=${s.cycleId}`,
      `/api/v1/aid/cycles/${s.cycleId}/reconciliation`,
    ])
      expect((await t.get(outsider, url)).statusCode, `${role} ${url}`).toBe(404);
  }
});
