// POST /api/v1/aid/cards/:serial/reprint: a new card for the same household and the old one revoked
// as replaced, in one write; an already revoked or unknown card, another organisation's or another
// governorate's: 404 and nothing written; roles without the right: 403.
import { expect, test } from 'vitest';
import { cardNumber } from '../../src/shared/cardNumber.ts';
import { created, makeHousehold } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
const reprint = (serial: number) => `/api/v1/aid/cards/${serial}/reprint`;
type Card = { serial: number; number: string; householdId: string; token: string };

async function setUp() {
  const registrar = await t.user({ role: 'registration_officer' });
  const household = await makeHousehold(t, registrar);
  const card = await created<Card>(t, registrar, '/api/v1/aid/cards', { householdId: household.id });
  return { registrar, household, card };
}
const cardsOf = async (householdId: string) =>
  (
    await t.db.pool.query<{ serial: number; reason: string | null }>(
      'SELECT c.serial, r.reason FROM household_card c LEFT JOIN card_revocation r ON r.serial = c.serial WHERE c.household_id = $1 ORDER BY c.serial',
      [householdId],
    )
  ).rows.map((r) => [Number(r.serial), r.reason]);

test('a new card for the same household, the old one revoked as replaced; a second reprint of the old one: 404', async () => {
  const s = await setUp();
  const next = await created<Card>(t, s.registrar, reprint(s.card.serial), {});
  expect(next.householdId).toBe(s.household.id);
  expect(next.serial).not.toBe(s.card.serial);
  expect(next.number).toBe(cardNumber(next.serial));
  expect(next.token.length).toBeGreaterThan(20);
  expect(await cardsOf(s.household.id)).toEqual([
    [s.card.serial, 'replaced'],
    [next.serial, null],
  ]);
  const again = await t.post(s.registrar, reprint(s.card.serial), {});
  expect(again.statusCode).toBe(404);
  expect(again.json().type).toBe('/problems/not_found');
  expect((await cardsOf(s.household.id)).length).toBe(2);
});

test("another organisation's or governorate's card: 404 and nothing written; roles without the right: 403", async () => {
  const s = await setUp();
  const stranger = await t.user({ role: 'administrator' });
  expect((await t.post(stranger, reprint(s.card.serial), {})).statusCode).toBe(404);
  const westBank = await t.user({ role: 'administrator', orgId: s.registrar.orgId, governorates: ['PS0101'] });
  expect((await t.post(westBank, reprint(s.card.serial), {})).statusCode).toBe(404);
  for (const role of ['site_manager', 'analyst', 'auditor'] as const)
    expect((await t.post(await t.user({ role, orgId: s.registrar.orgId }), reprint(s.card.serial), {})).statusCode, role).toBe(403);
  expect(await cardsOf(s.household.id)).toEqual([[s.card.serial, null]]);
  expect((await t.post(undefined, reprint(s.card.serial), {})).statusCode).toBe(401);
});

test('two reprints of one card at once: one new card, the other 404', async () => {
  const s = await setUp();
  const [x, y] = await Promise.all([t.post(s.registrar, reprint(s.card.serial), {}), t.post(s.registrar, reprint(s.card.serial), {})]);
  expect([x.statusCode, y.statusCode].sort()).toEqual([201, 404]);
  const rows = await cardsOf(s.household.id);
  expect(rows.length).toBe(2);
  expect(rows[0]).toEqual([s.card.serial, 'replaced']);
});
