// A cycle's entitlement list: the SQL generated from the rules gives exactly what the pure
// evaluator gives for each household as it stood on the cut-off date; totals per item and
// governorate; frequency (every n cycles, once); a cycle is generated once.
import { beforeAll, describe, expect, test } from 'vitest';
import { evaluate, type HouseholdFacts, RuleSchema, RulesSchema } from '../../src/aid/rules.ts';
import { RULES, scenario, type Scenario } from '../support/aidScenario.ts';
import { useTestApp } from '../support/testApp.ts';

describe('rules (pure)', () => {
  const h = (o: Partial<HouseholdFacts> = {}): HouseholdFacts => ({
    governorate: 'PS0260',
    siteId: null,
    siteKind: null,
    displaced: false,
    size: 4,
    vulnerabilities: [],
    ...o,
  });
  const rules = RulesSchema.parse(RULES);
  test('first matching rule per item; per-person scaling with a cap', () => {
    expect(evaluate(rules, 1, h())).toEqual([{ item: 'food_parcel', quantity: 1, ruleIndex: 0 }]);
    expect(evaluate(rules, 1, h({ size: 7 }))).toEqual([{ item: 'food_parcel', quantity: 2, ruleIndex: 1 }]);
    expect(evaluate(rules, 1, h({ size: 3, siteId: 's', displaced: true }))).toEqual([
      { item: 'food_parcel', quantity: 1, ruleIndex: 0 },
      { item: 'hygiene_kit', quantity: 1, ruleIndex: 2 },
      { item: 'water_l', quantity: 45, ruleIndex: 3 },
    ]);
    expect(evaluate(rules, 1, h({ size: 12, siteId: 's' })).find((e) => e.item === 'water_l')!.quantity).toBe(150);
    expect(evaluate(rules, 1, h({ size: 2, vulnerabilities: ['disability'] })).find((e) => e.item === 'cash_ils')!.quantity).toBe(200);
    expect(evaluate(rules, 1, h({ size: 9, vulnerabilities: ['female_headed'] })).find((e) => e.item === 'cash_ils')!.quantity).toBe(400);
  });
  test('frequency: every n cycles; once', () => {
    const r = [
      RuleSchema.parse({ item: 'tarp', quantity: { base: 1 }, frequency: { everyCycles: 3 } }),
      RuleSchema.parse({ item: 'kit', quantity: { base: 1 }, frequency: { once: true } }),
    ];
    expect(evaluate(r, 1, h()).map((e) => e.item)).toEqual(['tarp', 'kit']);
    expect(evaluate(r, 2, h(), () => true).map((e) => e.item)).toEqual([]);
    expect(evaluate(r, 4, h(), (i) => i === 'kit').map((e) => e.item)).toEqual(['tarp']);
  });
  test('rules are validated', () => {
    expect(RuleSchema.safeParse({ item: 'x', quantity: { base: -1 } }).success).toBe(false);
    expect(RuleSchema.safeParse({ item: 'x', when: { colour: 'red' }, quantity: { base: 1 } }).success).toBe(false);
    expect(RuleSchema.safeParse({ item: 'x', when: { vulnerabilities: ['tall'] }, quantity: { base: 1 } }).success).toBe(false);
  });
});

describe('generation', () => {
  const t = useTestApp();
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario(t, { households: 300, cards: 0 });
  });

  test('SQL generation equals the pure evaluation for every household', async () => {
    const snap = (await t.db.pool.query('SELECT * FROM cycle_household WHERE cycle_id = $1', [s.cycleId])).rows;
    expect(snap.length).toBe(300);
    const codes = new Map(Object.entries(s.items).map(([k, v]) => [v, k]));
    const got = new Map<string, string[]>();
    for (const e of (
      await t.db.pool.query('SELECT household_id, item_id, quantity, rule_index FROM entitlement WHERE cycle_id = $1', [s.cycleId])
    ).rows) {
      const l = got.get(e.household_id) ?? [];
      l.push(`${codes.get(e.item_id)}:${Number(e.quantity)}:${e.rule_index}`);
      got.set(e.household_id, l);
    }
    const rules = RulesSchema.parse(RULES);
    let n = 0;
    for (const h of snap) {
      const want = evaluate(rules, 1, {
        governorate: h.governorate,
        siteId: h.site_id,
        siteKind: h.site_kind,
        displaced: h.displaced,
        size: h.size,
        vulnerabilities: h.vulnerabilities,
      }).map((e) => `${e.item}:${e.quantity}:${e.ruleIndex}`);
      expect((got.get(h.household_id) ?? []).sort()).toEqual(want.sort());
      n += want.length;
    }
    expect(n).toBeGreaterThan(300);
    // the snapshot agrees with the registry: sizes and sites
    const sizes = (await t.db.pool.query('SELECT household_id, count(*)::int AS n FROM household_member WHERE valid_to IS NULL GROUP BY 1'))
      .rows;
    const bySnap = new Map(snap.map((h) => [h.household_id, h]));
    for (const r of sizes) expect(bySnap.get(r.household_id)!.size).toBe(r.n);
    for (const [hid, site] of s.registry.inSite) expect(bySnap.get(hid)!.site_id).toBe(site);
    expect(snap.every((h) => h.female + h.male === h.size)).toBe(true);
    expect(snap.some((h) => h.vulnerabilities.includes('female_headed'))).toBe(true);
  });

  test('totals per item and governorate add up', async () => {
    const r = await s.get(s.officer, `/api/v1/aid/cycles/${s.cycleId}`);
    expect(r.status).toBe(200);
    expect(r.body.cycle.status).toBe('generated');
    expect(r.body.cycle.households).toBe(300);
    const totals = r.body.totals as { governorate: string | null; item: string; quantity: number; households: number }[];
    for (const item of new Set(totals.map((t) => t.item))) {
      const all = totals.find((t) => t.item === item && t.governorate === null)!;
      const parts = totals.filter((t) => t.item === item && t.governorate !== null);
      expect(parts.reduce((a, t) => a + t.quantity, 0)).toBe(all.quantity);
      expect(parts.reduce((a, t) => a + t.households, 0)).toBe(all.households);
      const db1 = (
        await t.db.pool.query('SELECT sum(quantity)::float AS q FROM entitlement WHERE cycle_id = $1 AND item_id = $2', [
          s.cycleId,
          s.items[item],
        ])
      ).rows[0].q;
      expect(all.quantity).toBe(db1);
    }
  });

  test('a cycle is generated once; the next cycle applies frequency rules', async () => {
    expect((await s.post(s.officer, `/api/v1/aid/cycles/${s.cycleId}/generate`)).status).toBe(409);
    const prog = (await s.get(s.officer, '/api/v1/aid/programmes')).body.programmes[0];
    const rules = [
      { item: 'hygiene_kit', quantity: { base: 1 }, frequency: { once: true } },
      { item: 'food_parcel', quantity: { base: 1 }, frequency: { everyCycles: 2 } },
    ];
    expect((await t.put(s.officer, `/api/v1/aid/programmes/${prog.id}/rules`, { version: prog.version, rules })).statusCode).toBe(200);
    const c2 = (await s.post(s.officer, `/api/v1/aid/programmes/${prog.id}/cycles`, { cutoffDate: new Date().toISOString().slice(0, 10) }))
      .body;
    expect(c2.number).toBe(2);
    expect((await s.post(s.officer, `/api/v1/aid/cycles/${c2.id}/generate`)).status).toBe(200);
    const items = (await t.db.pool.query('SELECT item_id, count(*)::int AS n FROM entitlement WHERE cycle_id = $1 GROUP BY 1', [c2.id]))
      .rows;
    const hadKit = (
      await t.db.pool.query('SELECT count(*)::int AS n FROM entitlement WHERE cycle_id = $1 AND item_id = $2', [
        s.cycleId,
        s.items.hygiene_kit,
      ])
    ).rows[0].n;
    expect(items.find((i) => i.item_id === s.items.food_parcel)).toBeUndefined(); // cycle 2: not an every-2nd cycle
    expect(items.find((i) => i.item_id === s.items.hygiene_kit)!.n).toBe(300 - hadKit);
    const bad = await t.put(s.officer, `/api/v1/aid/programmes/${prog.id}/rules`, {
      version: prog.version + 1,
      rules: [{ item: 'no_such_item', quantity: { base: 1 } }],
    });
    expect(bad.statusCode).toBe(422);
  });
});
