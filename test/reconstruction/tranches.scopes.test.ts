// Walk every role, in and out of the organisation and the governorate, over every tranche and
// materials route: who may open a plan, read it, inspect, release, set the quota, approve a vendor,
// sell and read the reconciliation. Outside the organisation or governorate a plan does not exist (404).
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { allows } from '../../src/shared/permissions.ts';
import { roles } from '../../src/shared/roles.ts';
import { useTestApp } from '../support/testApp.ts';
import { approvedCase, openPlan, photo } from './tranchesSupport.ts';

const t = useTestApp();

test('every role, in and out of the organisation and the governorate', async () => {
  const s = await approvedCase(t);
  const plan = await openPlan(t, s);
  const other = await approvedCase(t, s.officer.orgId, 7);
  const url = `/api/v1/reconstruction/cases/${s.caseId}`;
  for (const role of roles) {
    for (const where of ['same', 'otherGovernorate', 'otherOrg'] as const) {
      const u = await t.user({
        role,
        ...(where === 'otherOrg' ? {} : { orgId: s.officer.orgId }),
        ...(where === 'otherGovernorate' ? { governorates: ['PS0105'] } : {}),
      });
      const label = `${role} ${where}`;
      const expectFor = (key: string, status: number, ok: number) =>
        expect(status, `${label} ${key}`).toBe(!allows(key, role) ? 403 : where === 'same' ? ok : 404);
      expectFor('GET /api/v1/reconstruction/cases/:id/plan', (await t.get(u, `${url}/plan`)).statusCode, 200);
      const insp = await t.post(u, `${url}/inspections`, { stage: 'signing', inspectedOn: '2026-11-01', photos: [photo] });
      expectFor('POST /api/v1/reconstruction/cases/:id/inspections', insp.statusCode, 201);
      const q = await t.post(u, `${url}/quota`, { lines: [{ item: 'cement', unit: 'tonne', quantity: 5 }] });
      expectFor('POST /api/v1/reconstruction/cases/:id/quota', q.statusCode, 200);
      // releasing the last tranche of a plan without its inspection: refused on the merits (409) for those allowed
      const rel = await t.post(u, `${url}/tranches/${plan.tranches[2].id}/release`);
      expectFor('POST /api/v1/reconstruction/cases/:id/tranches/:trancheId/release', rel.statusCode, 409);
      const open = await t.post(u, `/api/v1/reconstruction/cases/${other.caseId}/plan`);
      expectFor('POST /api/v1/reconstruction/cases/:id/plan', open.statusCode, 201);
      const plans = await t.get(u, '/api/v1/reconstruction/plans');
      expect(plans.statusCode, label).toBe(allows('GET /api/v1/reconstruction/plans', role) ? 200 : 403);
      if (plans.statusCode === 200)
        expect(
          plans.json().items.some((p: { caseId: string }) => p.caseId === s.caseId),
          label,
        ).toBe(where === 'same');
      const rec = await t.get(u, '/api/v1/reconstruction/materials/reconciliation');
      expect(rec.statusCode, label).toBe(allows('GET /api/v1/reconstruction/materials/reconciliation', role) ? 200 : 403);
      const items = await t.get(u, '/api/v1/reconstruction/sale-items');
      expect(items.statusCode, label).toBe(allows('GET /api/v1/reconstruction/sale-items', role) ? 200 : 403);
      const vendor = await t.post(u, '/api/v1/reconstruction/vendors', { userId: randomUUID(), organisation: 'x', governorate: 'PS0260' });
      expect(vendor.statusCode, label).toBe(allows('POST /api/v1/reconstruction/vendors', role) ? 422 : 403);
      const sale = await t.post(u, '/api/v1/reconstruction/sales', {
        id: randomUUID(),
        code: plan.code,
        item: 'cement',
        quantity: 1,
        soldAt: '2026-11-02T08:00:00Z',
      });
      // a vendor account not yet approved is refused as such; every other role by the matrix
      expect(sale.statusCode, label).toBe(403);
      expect(sale.json().type, label).toBe(
        allows('POST /api/v1/reconstruction/sales', role) ? '/problems/vendor_not_approved' : '/problems/forbidden',
      );
    }
  }
  const payments = await t.db.pool.query('SELECT count(*)::int AS n FROM tranche_payment WHERE case_id = $1', [s.caseId]);
  expect(payments.rows[0].n).toBe(0);
});
