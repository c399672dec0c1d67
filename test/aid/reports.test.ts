// Reach reports and the HXL-tagged 3W/5W CSV, checked against the HXL fixtures in
// /work/shared/data/hxl (libhxl test files and the hashtag chooser's knowledge base).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { scenario, type Scenario } from '../support/aidScenario.ts';
import { Device, injectTransport } from '../support/device.ts';
import { useTestApp } from '../support/testApp.ts';

const HXL = process.env.SANAD_HXL_FIXTURES ?? '/work/shared/data/hxl';
const have = fs.existsSync(path.join(HXL, 'hxl-knowledge-base.json'));
const TAG = /^#[a-z][a-z0-9_]*(\s*\+\s*[a-z][a-z0-9_]*)*$/i;

/** The hashtag row of an HXL table: the first row whose non-empty cells are all tag specs. */
function hashtagRow(rows: string[][]): number {
  return rows.findIndex((r) => r.some((c) => c.trim()) && r.every((c) => !c.trim() || TAG.test(c.trim())));
}
const norm = (t: string) => {
  const [h, ...atts] = t.replace(/\s/g, '').toLowerCase().split('+');
  return [h, ...atts.sort()].join('+');
};

function knowledgeBase(): { tags: Set<string>; atts: Set<string> } {
  const kb = JSON.parse(fs.readFileSync(path.join(HXL, 'hxl-knowledge-base.json'), 'utf8'));
  const tags = new Set<string>();
  const atts = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'hashtag' && typeof v === 'string') tags.add(v);
        else if ((k === 'attribute' || k === 'attributes') && (typeof v === 'string' || Array.isArray(v)))
          for (const a of [v].flat()) atts.add(String(a));
        walk(v);
      }
    }
  };
  walk(kb);
  return { tags, atts };
}

function numericTags(): string[] {
  const schema = JSON.parse(fs.readFileSync(path.join(HXL, 'hxl-default-schema.json'), 'utf8')) as Record<string, string>[];
  return schema.filter((r) => r['#valid_datatype'] === 'number').flatMap((r) => r['#valid_tag']!.split(','));
}

describe.skipIf(!have)('HXL fixtures', () => {
  test('the hashtag-row reader agrees with libhxl on its test files', () => {
    const read = (f: string) => parse(fs.readFileSync(path.join(HXL, f), 'utf8'), { relax_column_count: true }) as string[][];
    const input = read('input-valid.csv');
    const i = hashtagRow(input);
    expect(i).toBe(2);
    const out = read('output-valid.csv');
    const o = hashtagRow(out);
    expect(o).toBe(1);
    expect(input[i]!.map(norm)).toEqual(out[o]!.map(norm).slice(0, input[i]!.length));
    expect(hashtagRow(read('input-invalid.csv'))).toBe(-1); // tags without '#'
    expect(hashtagRow(read('input-multiple-headers.csv'))).toBe(2);
    // libhxl's default schema: #targeted and #reached are numbers; the valid file passes that check
    const num = numericTags();
    expect(num).toEqual(expect.arrayContaining(['#targeted', '#reached']));
  });
});

type C = { households: number; people: number; female: number; male: number; f_0_17: number; f_18_59: number; f_60_plus: number };
type R = {
  level: string;
  governorate: string;
  siteId: string | null;
  item: string;
  targeted: C;
  reached: C;
  distributedQuantity: number;
  coverage: number | null;
};
const WHO_WHERE_TAGS = ['#org+name', '#sector', '#adm1+code', '#adm2+code'];
const REQUIRED_TAGS = [...WHO_WHERE_TAGS, '#targeted', '#reached', '#reached+f', '#reached+m', '#targeted+f', '#targeted+m'];

/** Every hashtag and attribute is one HXL knows. */
function expectKnownTags(tags: string[]): void {
  const kb = knowledgeBase();
  for (const t of tags.filter((x) => x)) {
    const [hash, ...atts] = t.slice(1).split('+');
    expect(kb.tags.has(hash!), t).toBe(true);
    for (const a of atts) expect(kb.atts.has(a), `${t}: +${a}`).toBe(true);
  }
}

/** A data row: numbers where the default schema wants numbers, no stray whitespace, codes and sums that agree. */
function expectValidRow(tags: string[], row: string[], numeric: string[]): void {
  row.forEach((v, i) => {
    const t = tags[i]!;
    if (numeric.some((n) => t === n || t.startsWith(`${n}+`))) expect(v, t).toMatch(/^\d+(\.\d+)?$/);
    expect(v).toBe(v.trim()); // the default schema warns about stray whitespace
  });
  const col = (t: string) => row[tags.indexOf(t)]!;
  expect(col('#adm1+code')).toMatch(/^PS0[12]$/);
  expect(col('#adm2+code').startsWith(col('#adm1+code'))).toBe(true);
  expect(Number(col('#reached+f')) + Number(col('#reached+m'))).toBe(Number(col('#reached')));
}

describe('reports', () => {
  const t = useTestApp();
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario(t, { households: 150 });
    for (const point of [s.points.gaza, s.points.site]) {
      const d = new Device(`rep-${point}`, point, injectTransport(t.app, s.officer.auth));
      const m = await d.download(s.cycleId);
      const hhs = [...new Set(m.entitlements.map((e) => e.householdId))];
      for (const h of hhs.slice(0, Math.ceil(hhs.length / 2))) d.redeemOffline(s.cards.get(h)!.token);
      await d.sync();
    }
  });

  test('reach per governorate, site and item: households and people by sex and age, coverage', async () => {
    const r = await s.get(s.officer, `/api/v1/aid/reports/reach?cycle=${s.cycleId}`);
    expect(r.status).toBe(200);
    const rows = r.body.rows as R[];
    const gov = rows.filter((x) => x.level === 'governorate');
    for (const item of Object.keys(s.items)) {
      const reachedHh = (
        await t.db.pool.query(
          "SELECT count(DISTINCT household_id)::int AS n FROM redemption WHERE cycle_id = $1 AND status = 'standing' AND item_id = $2",
          [s.cycleId, s.items[item]],
        )
      ).rows[0].n;
      expect(gov.filter((x) => x.item === item).reduce((a, x) => a + x.reached.households, 0)).toBe(reachedHh);
    }
    for (const x of rows) {
      expect(x.reached.female + x.reached.male).toBe(x.reached.people);
      expect(x.reached.f_0_17 + x.reached.f_18_59 + x.reached.f_60_plus).toBeLessThanOrEqual(x.reached.female);
      expect(x.reached.households).toBeLessThanOrEqual(x.targeted.households);
    }
    const gaza = gov.find((x) => x.governorate === 'PS0260' && x.item === 'food_parcel')!;
    expect(gaza.coverage).toBeGreaterThan(0);
    expect(gaza.coverage).toBeLessThanOrEqual(1);
    const site = rows.find((x) => x.level === 'site' && x.siteId === s.sites[0]!.id && x.item === 'water_l')!;
    expect(site.reached.households).toBeGreaterThan(0);
    expect(Array.isArray(r.body.sitesOverCapacity)).toBe(true);
  });

  test.skipIf(!have)(
    'the 3W/5W CSV is valid HXL: known hashtags and attributes, numbers where the default schema wants numbers',
    async () => {
      const r = await t.get(s.officer, `/api/v1/aid/reports/3w.csv?cycle=${s.cycleId}`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/text\/csv/);
      const rows = parse(r.body) as string[][];
      const h = hashtagRow(rows);
      expect(h).toBe(1);
      const tags = rows[h]!;
      expectKnownTags(tags);
      for (const need of REQUIRED_TAGS) expect(tags).toContain(need);
      const data = rows.slice(h + 1);
      expect(data.length).toBeGreaterThan(0);
      const numeric = numericTags();
      for (const row of data) expectValidRow(tags, row, numeric);
      const logged = await t.db.pool.query("SELECT count(*)::int AS n FROM change_log WHERE action = 'export_3w'");
      expect(logged.rows[0].n).toBe(1);
    },
  );
});
