// GET /api/v1/households/:id/aid: a household's cards (revoked ones with when and why) and its
// entitlements in each cycle, received or not; for the roles that handle cards, in scope only.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { cardNumber } from '../../src/shared/cardNumber.ts';
import { created, makeCycle, makeHousehold, makeItem, makePoint, makeProgramme } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const url = (id: string) => `/api/v1/households/${id}/aid`;

async function setUp() {
  const officer = await t.user({ role: 'distribution_officer' });
  const registrar = await t.user({ role: 'registration_officer', orgId: officer.orgId });
  const household = await makeHousehold(t, registrar);
  const point = await makePoint(t, officer);
  await makeItem(t, officer, { code: 'food_parcel', unit: 'parcel', sector: 'food', name: 'Food parcel' });
  await makeItem(t, officer, { code: 'hygiene_kit', unit: 'kit', sector: 'hygiene', name: 'Hygiene kit' });
  const rules = [
    { item: 'food_parcel', quantity: { base: 2 } },
    { item: 'hygiene_kit', quantity: { base: 1 } },
  ];
  const programme = await makeProgramme(t, officer, { name: 'Winter', rules });
  const cycle = await makeCycle(t, officer, programme.id, { generate: true });
  return { officer, registrar, household, point, cycle };
}

test('cards newest first (a revoked one with when and why), entitlements of each cycle, the one received with its time', async () => {
  const s = await setUp();
  const first = await created<{ serial: number }>(t, s.officer, '/api/v1/aid/cards', { householdId: s.household.id });
  expect((await t.post(s.officer, `/api/v1/aid/cards/${first.serial}/revoke`, { reason: 'lost' })).statusCode).toBe(200);
  const second = await created<{ serial: number }>(t, s.registrar, '/api/v1/aid/cards', { householdId: s.household.id });
  const food = (
    await t.db.pool.query<{ id: string }>(
      `SELECT e.id FROM entitlement e JOIN aid_item i ON i.id = e.item_id WHERE e.household_id = $1 AND i.code = 'food_parcel'`,
      [s.household.id],
    )
  ).rows[0]!.id;
  const before = Date.now();
  const redeemed = await t.post(s.officer, '/api/v1/aid/redemptions', {
    id: randomUUID(),
    entitlementId: food,
    pointId: s.point.id,
    presented: 'typed',
    cardNumber: cardNumber(second.serial),
  });
  expect(redeemed.statusCode, redeemed.body).toBe(201);

  const r = await t.get(s.registrar, url(s.household.id));
  expect(r.statusCode, r.body).toBe(200);
  const body = r.json();
  expect(body.cards.map((c: { serial: number; revokedReason: string | null }) => [c.serial, c.revokedReason])).toEqual([
    [second.serial, null],
    [first.serial, 'lost'],
  ]);
  expect(body.cards[0].number).toBe(cardNumber(second.serial));
  expect(Number.isNaN(Date.parse(body.cards[1].revokedAt))).toBe(false);
  expect(body.entitlements).toEqual([
    {
      cycleId: s.cycle.id,
      cycleNumber: 1,
      cycleStatus: 'generated',
      cutoffDate: s.cycle.cutoffDate,
      programme: 'Winter',
      item: 'Food parcel',
      unit: 'parcel',
      quantity: 2,
      receivedAt: expect.any(String),
    },
    expect.objectContaining({ item: 'Hygiene kit', quantity: 1, receivedAt: null }),
  ]);
  // Handed over online: the server's time of the hand-over.
  expect(Date.parse(body.entitlements[0].receivedAt)).toBeGreaterThanOrEqual(before - 1000);
});

test('a household without cards, cycles or reconstruction payments: empty lists', async () => {
  const registrar = await t.user({ role: 'registration_officer' });
  const h = await makeHousehold(t, registrar);
  expect((await t.get(registrar, url(h.id))).json()).toEqual({ cards: [], entitlements: [], reconstruction: [] });
});

test("another organisation's household or another governorate: 404; roles without the right: 403; no session: 401", async () => {
  const s = await setUp();
  const stranger = await t.user({ role: 'administrator' });
  const hidden = await t.get(stranger, url(s.household.id));
  expect(hidden.statusCode).toBe(404);
  expect(hidden.json().type).toBe('/problems/not_found');
  const westBank = await t.user({ role: 'administrator', orgId: s.officer.orgId, governorates: ['PS0101'] });
  expect((await t.get(westBank, url(s.household.id))).statusCode).toBe(404);
  for (const role of ['site_manager', 'analyst', 'auditor'] as const) {
    expect((await t.get(await t.user({ role, orgId: s.officer.orgId }), url(s.household.id))).statusCode, role).toBe(403);
  }
  for (const role of ['administrator', 'caseworker', 'distribution_officer'] as const) {
    expect((await t.get(await t.user({ role, orgId: s.officer.orgId }), url(s.household.id))).statusCode, role).toBe(200);
  }
  expect((await t.get(undefined, url(s.household.id))).statusCode).toBe(401);
});
