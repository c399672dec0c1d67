// Sales synced from vendors' phones: the same sale sent twice (one after the other, or at once) applies
// once; two sales racing for the last units of a quota: one stands, the other is refused naming what
// remains; the sold total never exceeds the quota.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { approvedCase, openPlan, vendorIn } from './tranchesSupport.ts';

const t = useTestApp();

async function setup() {
  const s = await approvedCase(t);
  const plan = await openPlan(t, s);
  const q = await t.post(s.claims, `/api/v1/reconstruction/cases/${s.caseId}/quota`, {
    lines: [{ item: 'cement', unit: 'tonne', quantity: 10 }],
  });
  expect(q.statusCode, q.body).toBe(200);
  const v1 = await vendorIn(t, s.officer.orgId);
  const v2 = await vendorIn(t, s.officer.orgId, 'PS0265');
  return { s, code: plan.code as string, v1, v2 };
}
const body = (code: string, quantity: number, id: string = randomUUID()) => ({
  id,
  code,
  item: 'cement',
  quantity,
  soldAt: '2026-11-02T08:00:00Z',
});
const sold = async (caseId: string) =>
  (
    await t.db.pool.query('SELECT count(*)::int AS n, COALESCE(sum(quantity), 0)::float AS total FROM material_sale WHERE case_id = $1', [
      caseId,
    ])
  ).rows[0];

test('the same sale sent twice at once applies once', async () => {
  const { s, code, v1 } = await setup();
  const sale = body(code, 3);
  const answers = await Promise.all([t.post(v1, '/api/v1/reconstruction/sales', sale), t.post(v1, '/api/v1/reconstruction/sales', sale)]);
  expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
  expect(answers.every((a) => a.json().remaining === 7)).toBe(true);
  expect(await sold(s.caseId)).toEqual({ n: 1, total: 3 });
  const later = await t.post(v1, '/api/v1/reconstruction/sales', sale);
  expect(later.json()).toMatchObject({ replayed: true });
  expect(await sold(s.caseId)).toEqual({ n: 1, total: 3 });
});

test('two vendors racing for the last units: one sale stands, the other is refused naming what remains', async () => {
  const { s, code, v1, v2 } = await setup();
  expect((await t.post(v1, '/api/v1/reconstruction/sales', body(code, 8))).statusCode).toBe(201);
  for (let round = 0; round < 3; round++) {
    const answers = await Promise.all([
      t.post(v1, '/api/v1/reconstruction/sales', body(code, 2)),
      t.post(v2, '/api/v1/reconstruction/sales', body(code, 2)),
    ]);
    if (round === 0) {
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      const refused = answers.find((a) => a.statusCode === 409)!.json();
      expect(refused.type).toBe('/problems/sale_beyond_quota');
      expect(refused.errors[0].params).toEqual({ max: 0 });
    } else {
      expect(answers.map((a) => a.statusCode)).toEqual([409, 409]);
    }
  }
  expect(await sold(s.caseId)).toEqual({ n: 2, total: 10 });
});
