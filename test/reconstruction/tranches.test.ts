// Tranches and materials through the API: a plan from the approved grant (refused for an open case,
// and for a second plan on one unit); a tranche refused before its inspection, then released by
// someone other than the engineer, once, in order; photos by their bytes with metadata stripped;
// the quota from bill-of-quantities lines; a vendor's sales (a replay applies once, beyond the
// quota refused naming the item and what remains); the reconciliation per governorate.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { useTestApp } from '../support/testApp.ts';
import { HOSTILE, PDF } from './claimFiles.ts';
import { occupant, remoteClass, unitIn } from './claimsSupport.ts';
import { approvedCase, openPlan, photo, vendorIn } from './tranchesSupport.ts';

const t = useTestApp();
const base = (caseId: string) => `/api/v1/reconstruction/cases/${caseId}`;

test('plan: tranches from the approved grant; not for an open case; one plan per unit', async () => {
  const s = await approvedCase(t);
  // the case names its plan once it is opened (the link between the two screens)
  expect((await t.get(s.claims, `/api/v1/reconstruction/cases/${s.caseId}`)).json().plan).toBeNull();
  const plan = await openPlan(t, s);
  expect((await t.get(s.committee, `/api/v1/reconstruction/cases/${s.caseId}`)).json().plan).toEqual({ code: plan.code });
  expect(plan).toMatchObject({ stream: 'rebuild', grantAmount: 40000, ruleVersion: 1, paid: 0, shelter: { monthly: 250, until: null } });
  expect(plan.code).toMatch(/^[0-9A-Z]{8}$/);
  expect(plan.tranches.map((x: { stage: string; amount: number; state: string }) => [x.stage, x.amount, x.state])).toEqual([
    ['signing', 12000, 'waiting'],
    ['plinth', 16000, 'waiting'],
    ['roof', 12000, 'waiting'],
  ]);
  const again = await t.post(s.claims, `${base(s.caseId)}/plan`);
  expect(again.statusCode).toBe(409);
  expect(again.json().type).toBe('/problems/plan_exists');
  const stranger = await t.user({ role: 'claims_officer' });
  expect((await t.get(stranger, `${base(s.caseId)}/plan`)).statusCode).toBe(404);
  const listed = await t.get(s.engineer, '/api/v1/reconstruction/plans');
  expect(listed.statusCode, listed.body).toBe(200);
  expect(listed.json().items).toEqual([
    {
      caseId: s.caseId,
      code: plan.code,
      governorate: plan.governorate,
      stream: 'rebuild',
      grantAmount: 40000,
      paid: 0,
      nextStage: 'signing',
    },
  ]);
  expect((await t.get(stranger, '/api/v1/reconstruction/plans')).json().items).toEqual([]);
  const other = await unitIn(t, s.officer, 5);
  await remoteClass(t, s.officer, other.buildingId, 'destroyed');
  const owner = await occupant(t, s.officer, other.unitId, 'owner', []);
  const filed = await t.post(s.officer, '/api/v1/reconstruction/claims', {
    unitId: other.unitId,
    householdId: owner.id,
    basis: 'owner',
    claimedClass: 'destroyed',
    damageDate: '2024-01-10',
  });
  const notApproved = await t.post(s.claims, `${base(filed.json().caseId)}/plan`);
  expect(notApproved.statusCode).toBe(409);
  expect(notApproved.json().type).toBe('/problems/plan_case_not_approved');
  const logged = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM change_log WHERE entity = 'reconstruction_plan' AND entity_id = $1",
    [s.caseId],
  );
  expect(logged.rows[0].n).toBe(1);
});

test('a tranche is released only after its inspection, by someone else, once and in order', async () => {
  const s = await approvedCase(t);
  const plan = await openPlan(t, s);
  const [signing, plinth] = plan.tranches;
  const release = (u = s.claims, id = signing.id) => t.post(u, `${base(s.caseId)}/tranches/${id}/release`);
  const early = await release();
  expect(early.statusCode).toBe(409);
  expect(early.json().type).toBe('/problems/tranche_no_inspection');
  const noPhoto = await t.post(s.engineer, `${base(s.caseId)}/inspections`, { stage: 'signing', inspectedOn: '2026-11-01', photos: [] });
  expect(noPhoto.statusCode).toBe(422);
  const inspected = await t.post(s.engineer, `${base(s.caseId)}/inspections`, {
    stage: 'signing',
    inspectedOn: '2026-11-01',
    photos: [photo],
    installed: [{ item: 'cement', quantity: 2 }],
  });
  expect(inspected.statusCode, inspected.body).toBe(201);
  expect(inspected.json().tranches[0].state).toBe('ready');
  expect(inspected.json().tranches[1]).toMatchObject({ state: 'waiting', waitingFor: 'out_of_order' });
  const stored = await t.db.pool.query(
    'SELECT p.bytes FROM field_photo p JOIN stage_inspection i ON i.id = p.inspection_id WHERE i.case_id = $1',
    [s.caseId],
  );
  expect(stored.rows).toHaveLength(1);
  const bytes = Buffer.concat(stored.rows.map((r) => r.bytes)).toString('latin1');
  expect(bytes).not.toContain('Jabalia');
  expect(bytes).not.toContain('Ahmad');
  const outOfOrder = await release(s.claims, plinth.id);
  expect(outOfOrder.json().type).toBe('/problems/tranche_out_of_order');
  const ok = await release();
  expect(ok.statusCode, ok.body).toBe(200);
  expect(ok.json()).toMatchObject({ paid: 12000 });
  expect(ok.json().tranches[0]).toMatchObject({ state: 'paid', releasedBy: s.claims.id });
  const twice = await release(s.claims2);
  expect(twice.statusCode).toBe(409);
  expect(twice.json().type).toBe('/problems/tranche_paid');
  const pay = await t.db.pool.query('SELECT count(*)::int AS n, sum(amount)::float AS total FROM tranche_payment WHERE case_id = $1', [
    s.caseId,
  ]);
  expect(pay.rows[0]).toEqual({ n: 1, total: 12000 });
});

test('whoever inspected a stage may not release its tranche; another officer may', async () => {
  const s = await approvedCase(t);
  const plan = await openPlan(t, s);
  // the inspection's engineer is the releasing officer's own account (a data fix-up would be the only way)
  await t.db.pool.query(
    `INSERT INTO stage_inspection (case_id, stage, engineer_id, inspected_on) VALUES ($1, 'signing', $2, '2026-11-01') RETURNING id`,
    [s.caseId, s.claims.id],
  );
  await t.db.pool.query(
    `INSERT INTO field_photo (inspection_id, client_id, media_type, bytes, byte_size, sha256, taken_at, uploaded_by)
     SELECT id, gen_random_uuid(), 'image/jpeg', '\\xffd8ffd9', 4, '\\x00', now(), engineer_id FROM stage_inspection WHERE case_id = $1`,
    [s.caseId],
  );
  const own = await t.post(s.claims, `${base(s.caseId)}/tranches/${plan.tranches[0].id}/release`);
  expect(own.statusCode).toBe(403);
  expect(own.json().type).toBe('/problems/tranche_own_inspection');
  expect((await t.post(s.claims2, `${base(s.caseId)}/tranches/${plan.tranches[0].id}/release`)).statusCode).toBe(200);
});

test('photos: hostile files and PDFs refused with problem+json by the one photo rule, nothing stored', async () => {
  const s = await approvedCase(t);
  await openPlan(t, s);
  const broken = new Set(['a truncated JPEG', 'a PNG signature alone']);
  for (const [what, bytes] of [...HOSTILE, ['a PDF', PDF] as [string, Buffer]]) {
    const r = await t.post(s.engineer, `${base(s.caseId)}/inspections`, {
      stage: 'signing',
      inspectedOn: '2026-11-01',
      photos: [bytes.toString('base64')],
    });
    expect(r.statusCode, what).toBe(broken.has(what) ? 422 : 415);
    expect(r.headers['content-type'], what).toContain('application/problem+json');
    expect(r.json().type, what).toBe(broken.has(what) ? '/problems/photo_unreadable' : '/problems/photo_type_not_allowed');
  }
  const count = await t.db.pool.query('SELECT count(*)::int AS n FROM stage_inspection WHERE case_id = $1', [s.caseId]);
  expect(count.rows[0].n).toBe(0);
});

test('materials: quota from BoQ lines, sales once, beyond the quota refused naming the item, reconciliation', async () => {
  const s = await approvedCase(t);
  const plan = await openPlan(t, s);
  const vendor = await vendorIn(t, s.officer.orgId, 'PS0270');
  const q = await t.post(s.claims, `${base(s.caseId)}/quota`, {
    lines: [
      { item: 'cement', unit: 'tonne', quantity: 10 },
      { item: 'rebar', unit: 'tonne', quantity: 2.5 },
    ],
  });
  expect(q.statusCode, q.body).toBe(200);
  const sale = (quantity: number, item = 'cement', id: string = randomUUID()) =>
    t.post(vendor, '/api/v1/reconstruction/sales', { id, code: plan.code, item, quantity, soldAt: '2026-11-02T10:00:00+02:00' });
  const id = randomUUID();
  const first = await sale(6, 'cement', id);
  expect(first.statusCode, first.body).toBe(201);
  expect(first.json()).toMatchObject({ replayed: false, remaining: 4 });
  const replay = await sale(6, 'cement', id);
  expect(replay.statusCode).toBe(200);
  expect(replay.json()).toMatchObject({ replayed: true, remaining: 4 });
  const reused = await sale(1, 'cement', id);
  expect(reused.json().type).toBe('/problems/sale_id_reused');
  const beyond = await sale(5);
  expect(beyond.statusCode).toBe(409);
  expect(beyond.json().type).toBe('/problems/sale_beyond_quota');
  expect(beyond.json().detail).toContain('cement');
  expect(beyond.json().errors).toEqual([{ field: 'quantity', reason: 'too_big', params: { max: 4 } }]);
  expect((await sale(1, 'glazing')).json().type).toBe('/problems/sale_beyond_quota');
  const lower = await t.post(s.claims, `${base(s.caseId)}/quota`, { lines: [{ item: 'cement', unit: 'tonne', quantity: 5 }] });
  expect(lower.json().type).toBe('/problems/quota_below_sold');
  // only what vendors can sell, in the catalogue's unit: not labour, not an unknown item, not sand by the tonne
  const outside = await t.post(s.claims, `${base(s.caseId)}/quota`, {
    lines: [
      { item: 'labour', unit: 'person_day', quantity: 4 },
      { item: 'timber', unit: 'm3', quantity: 1 },
      { item: 'sand', unit: 'tonne', quantity: 3 },
      { item: 'sand', unit: 'm3', quantity: 3 },
    ],
  });
  expect(outside.statusCode, outside.body).toBe(422);
  expect(outside.json().errors).toEqual([
    { field: 'lines.0.item', reason: 'not_allowed' },
    { field: 'lines.1.item', reason: 'not_allowed' },
    { field: 'lines.2.unit', reason: 'not_allowed' },
  ]);
  expect((await t.get(s.claims, `${base(s.caseId)}/plan`)).json().quota.map((q: { item: string }) => q.item)).toEqual(['cement', 'rebar']);
  const unapproved = await t.user({ role: 'vendor', orgId: s.officer.orgId });
  const nope = await t.post(unapproved, '/api/v1/reconstruction/sales', {
    id: randomUUID(),
    code: plan.code,
    item: 'cement',
    quantity: 1,
    soldAt: '2026-11-02T10:00:00Z',
  });
  expect(nope.json().type).toBe('/problems/vendor_not_approved');
  await t.post(s.engineer, `${base(s.caseId)}/inspections`, {
    stage: 'plinth',
    inspectedOn: '2026-11-05',
    photos: [photo],
    installed: [{ item: 'cement', quantity: 3 }],
  });
  const rec = await t.get(s.claims, '/api/v1/reconstruction/materials/reconciliation');
  expect(rec.statusCode, rec.body).toBe(200);
  expect(rec.json().items).toEqual([
    { governorate: plan.governorate, item: 'cement', quota: 10, sold: 6, installed: 3, leftVendors: plan.governorate === 'PS0270' ? 6 : 0 },
    { governorate: plan.governorate, item: 'rebar', quota: 2.5, sold: 0, installed: 0, leftVendors: 0 },
    ...(plan.governorate === 'PS0270' ? [] : [{ governorate: 'PS0270', item: 'cement', quota: 0, sold: 0, installed: 0, leftVendors: 6 }]),
  ]);
});

test("the plan's materials quota comes from the unit's latest field assessment (labour is not sold)", async () => {
  const s = await approvedCase(t, undefined, 7);
  const unit = await t.db.pool.query<{ building_id: string }>('SELECT building_id FROM housing_unit WHERE id = $1', [s.unitId]);
  const assess = (lines: { itemCode: string; quantity: number }[], assessedOn: string) =>
    t.post(s.engineer, '/api/v1/reconstruction/field-assessments', {
      id: randomUUID(),
      buildingId: unit.rows[0]!.building_id,
      unitId: s.unitId,
      damageClass: 'destroyed',
      habitable: false,
      assessedOn,
      lines,
    });
  expect((await assess([{ itemCode: 'cement', quantity: 9 }], '2024-02-01')).statusCode).toBe(201);
  const latest = await assess(
    [
      { itemCode: 'cement', quantity: 2.5 },
      { itemCode: 'rebar', quantity: 0.4 },
      { itemCode: 'labour', quantity: 10 },
    ],
    '2024-03-01',
  );
  expect(latest.statusCode, latest.body).toBe(201);
  const plan = await openPlan(t, s);
  expect(plan.quota.map((q: { item: string; quantity: number; sold: number }) => [q.item, q.quantity, q.sold])).toEqual([
    ['cement', 2.5, 0],
    ['rebar', 0.4, 0],
  ]);
});

test("the items a vendor may sell: the catalogue's materials, not labour nor a retired item; each sells where the quota holds it", async () => {
  const s = await approvedCase(t);
  const plan = await openPlan(t, s);
  const vendor = await vendorIn(t, s.officer.orgId, plan.governorate);
  const items = await t.get(vendor, '/api/v1/reconstruction/sale-items');
  expect(items.statusCode, items.body).toBe(200);
  expect(items.json().items.map((i: { code: string }) => i.code)).toEqual(['cement', 'rebar', 'aggregate', 'sand', 'blocks', 'glazing']);
  expect(items.json().items[3]).toEqual({ code: 'sand', nameAr: 'رمل', nameEn: 'Sand', unit: 'm3' });
  // every item offered can be sold once the plan's quota holds it
  const offered: { code: string; unit: string }[] = items.json().items;
  const q = await t.post(s.claims, `${base(s.caseId)}/quota`, { lines: offered.map((i) => ({ item: i.code, unit: i.unit, quantity: 3 })) });
  expect(q.statusCode, q.body).toBe(200);
  for (const i of offered) {
    const sale = await t.post(vendor, '/api/v1/reconstruction/sales', {
      id: randomUUID(),
      code: plan.code,
      item: i.code,
      quantity: 1,
      soldAt: '2026-11-02T10:00:00+02:00',
    });
    expect(sale.statusCode, `${i.code}: ${sale.body}`).toBe(201);
  }
  await t.db.pool.query("UPDATE material_item SET active = false WHERE code = 'glazing'");
  try {
    const after = await t.get(vendor, '/api/v1/reconstruction/sale-items');
    expect(after.json().items.map((i: { code: string }) => i.code)).not.toContain('glazing');
  } finally {
    await t.db.pool.query("UPDATE material_item SET active = true WHERE code = 'glazing'");
  }
});
