// GET /api/v1/aid/cards: the organisation's cards in the reader's governorates, newest first, valid or
// revoked, of one household, or of the households in one cycle; paged; nothing of another
// organisation or governorate; roles without the right: 403.
import { expect, test } from 'vitest';
import { created, makeCycle, makeHousehold, makeItem, makeProgramme } from '../support/make.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
type Card = { serial: number };
type List = { items: { serial: number; householdId: string; revokedReason: string | null; number: string }[]; next: number | null };

test('filters: valid, revoked, one household, one cycle; newest first; scope and roles', async () => {
  const officer = await t.user({ role: 'distribution_officer' });
  const registrar = await t.user({ role: 'registration_officer', orgId: officer.orgId });
  const a = await makeHousehold(t, registrar);
  const b = await makeHousehold(t, registrar);
  const a1 = await created<Card>(t, registrar, '/api/v1/aid/cards', { householdId: a.id });
  const b1 = await created<Card>(t, registrar, '/api/v1/aid/cards', { householdId: b.id });
  const a2 = await created<Card>(t, registrar, `/api/v1/aid/cards/${a1.serial}/reprint`, {});
  const list = async (q: string) => {
    const r = await t.get(registrar, `/api/v1/aid/cards${q}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as List;
  };
  const serials = (l: List) => l.items.map((c) => c.serial);
  expect(serials(await list(''))).toEqual([a2.serial, b1.serial, a1.serial]);
  expect(serials(await list('?status=valid'))).toEqual([a2.serial, b1.serial]);
  expect((await list('?status=revoked')).items.map((c) => [c.serial, c.revokedReason])).toEqual([[a1.serial, 'replaced']]);
  expect(serials(await list(`?household=${a.id}`))).toEqual([a2.serial, a1.serial]);
  expect(serials(await list(`?household=${a.id}&status=valid`))).toEqual([a2.serial]);
  expect(serials(await list(`?before=${b1.serial}`))).toEqual([a1.serial]);

  // a cycle: the households in its snapshot (both here, as makeHousehold registers them in scope)
  await makeItem(t, officer, { code: 'food_parcel', unit: 'parcel', sector: 'food', name: 'Food parcel' });
  const programme = await makeProgramme(t, officer, { name: 'Winter', rules: [{ item: 'food_parcel', quantity: { base: 1 } }] });
  const cycle = await makeCycle(t, officer, programme.id, { generate: true });
  const inCycle = (
    await t.db.pool.query<{ household_id: string }>('SELECT household_id FROM cycle_household WHERE cycle_id = $1', [cycle.id])
  ).rows.map((r) => r.household_id);
  const expected = [a2, b1, a1].filter((c) => inCycle.includes(c.serial === b1.serial ? b.id : a.id)).map((c) => c.serial);
  expect(serials(await list(`?cycle=${cycle.id}`))).toEqual(expected);
  expect(inCycle.length).toBeGreaterThan(0);

  const stranger = await t.user({ role: 'administrator' });
  expect((await t.get(stranger, '/api/v1/aid/cards')).json().items).toEqual([]);
  const westBank = await t.user({ role: 'administrator', orgId: officer.orgId, governorates: ['PS0101'] });
  expect((await t.get(westBank, '/api/v1/aid/cards')).json().items).toEqual([]);
  for (const role of ['site_manager', 'analyst', 'auditor'] as const)
    expect((await t.get(await t.user({ role, orgId: officer.orgId }), '/api/v1/aid/cards')).statusCode, role).toBe(403);
  expect((await t.get(registrar, '/api/v1/aid/cards?household=not-a-uuid')).statusCode).toBe(422);
});
