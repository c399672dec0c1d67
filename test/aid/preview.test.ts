// A rule set's preview (POST /api/v1/aid/programmes/preview): the counts it gives are those a cycle
// cut off today generates from the same rules; invalid rules are refused with the field named;
// another organisation's registry is not counted; roles follow the permission matrix.
import { beforeAll, expect, test } from 'vitest';
import { RULES, scenario, type Scenario } from '../support/aidScenario.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let s: Scenario;
beforeAll(async () => {
  s = await scenario(t, { households: 120, cards: 0 });
});

test('the preview counts what generating a cycle cut off today gives, per item', async () => {
  const r = await s.post(s.officer, '/api/v1/aid/programmes/preview', { rules: RULES });
  expect(r.status).toBe(200);
  const snap = await t.db.pool.query('SELECT count(*)::int AS n FROM cycle_household WHERE cycle_id = $1', [s.cycleId]);
  expect(r.body.households).toBe(snap.rows[0].n);
  const sel = await t.db.pool.query('SELECT count(DISTINCT household_id)::int AS n FROM entitlement WHERE cycle_id = $1', [s.cycleId]);
  expect(r.body.selected).toBe(sel.rows[0].n);
  expect(r.body.selected).toBeGreaterThan(0);
  const per = await t.db.pool.query<{ code: string; h: number; q: string }>(
    'SELECT i.code, count(*)::int AS h, sum(e.quantity) AS q FROM entitlement e JOIN aid_item i ON i.id = e.item_id WHERE e.cycle_id = $1 GROUP BY i.code',
    [s.cycleId],
  );
  const want = new Map(per.rows.map((x) => [x.code, { households: x.h, quantity: Number(x.q) }]));
  for (const it of r.body.items)
    expect({ item: it.item, households: it.households, quantity: it.quantity }).toEqual({
      item: it.item,
      ...(want.get(it.item) ?? { households: 0, quantity: 0 }),
    });
  expect(r.body.items.map((x: { item: string }) => x.item).sort()).toEqual([...new Set(RULES.map((x) => x.item))].sort());
});

test('a narrower rule selects fewer; no rules select none', async () => {
  const all = await s.post(s.officer, '/api/v1/aid/programmes/preview', { rules: [{ item: 'food_parcel', quantity: { base: 1 } }] });
  expect(all.body.selected).toBe(all.body.households);
  const big = await s.post(s.officer, '/api/v1/aid/programmes/preview', {
    rules: [{ item: 'food_parcel', when: { minSize: 6 }, quantity: { base: 1 } }],
  });
  const n = await t.db.pool.query('SELECT count(*) FILTER (WHERE size >= 6)::int AS n FROM cycle_household WHERE cycle_id = $1', [
    s.cycleId,
  ]);
  expect(big.body.selected).toBe(n.rows[0].n);
  expect(big.body.selected).toBeLessThan(all.body.selected);
  const none = await s.post(s.officer, '/api/v1/aid/programmes/preview', { rules: [] });
  expect(none.body).toMatchObject({ selected: 0, items: [] });
});

test('invalid rules are refused with a problem naming the field', async () => {
  const r = await s.post(s.officer, '/api/v1/aid/programmes/preview', { rules: [{ item: 'food_parcel', quantity: { base: -1 } }] });
  expect(r.status).toBe(422);
  expect(JSON.stringify(r.body)).toContain('rules');
  expect(
    (await s.post(s.officer, '/api/v1/aid/programmes/preview', { rules: [{ item: 'x', when: { colour: 'red' }, quantity: {} }] })).status,
  ).toBe(422);
});

test('scopes: another organisation counts none of ours; roles without programmes are refused', async () => {
  const outsider = await t.user({ role: 'distribution_officer' });
  const r = await s.post(outsider, '/api/v1/aid/programmes/preview', { rules: RULES });
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ households: 0, selected: 0 });
  for (const role of ['registration_officer', 'analyst', 'auditor', 'site_manager'] as const) {
    const u = await t.user({ role, orgId: s.admin.orgId });
    expect((await s.post(u, '/api/v1/aid/programmes/preview', { rules: RULES })).status, role).toBe(403);
  }
  expect((await s.post(s.admin, '/api/v1/aid/programmes/preview', { rules: RULES })).status).toBe(200);
});
