// Permissions and scope for aid: another organisation sees none of it (404, as if absent) and
// cannot redeem its entitlements; roles follow the permission matrix.
import { beforeAll, expect, test } from 'vitest';
import type { TestUser } from '../support/factories.ts';
import { scenario, type Scenario } from '../support/aidScenario.ts';
import { Device, injectTransport } from '../support/device.ts';
import { cardNumber } from '../../src/aid/cardNumber.ts';
import { useTestApp } from '../support/testApp.ts';

const t = useTestApp();
let s: Scenario;
let outsider: TestUser;
beforeAll(async () => {
  s = await scenario(t, { households: 40 });
  outsider = await t.user({ role: 'distribution_officer' });
});

test('another organisation gets 404 for cycles, manifests, reports, cards and households', async () => {
  for (const url of [
    `/api/v1/aid/cycles/${s.cycleId}`,
    `/api/v1/aid/cycles/${s.cycleId}/manifest?point=${s.points.gaza}`,
    `/api/v1/aid/cycles/${s.cycleId}/reconciliation`,
    `/api/v1/aid/reports/reach?cycle=${s.cycleId}`,
    `/api/v1/aid/cycles/${s.cycleId}/conflicts`,
  ]) {
    expect((await s.get(outsider, url)).status, url).toBe(404);
  }
  const [hh] = [...s.cards.keys()];
  expect((await s.post(outsider, '/api/v1/aid/cards', { householdId: hh })).status).toBe(404);
  expect((await s.post(outsider, `/api/v1/aid/cards/${s.cards.get(hh!)!.serial}/revoke`, { reason: 'lost' })).status).toBe(404);
  expect((await s.post(outsider, `/api/v1/aid/cycles/${s.cycleId}/generate`)).status).toBe(404);
  expect((await s.get(outsider, '/api/v1/aid/programmes')).body.programmes).toEqual([]);
});

test('another organisation cannot redeem our entitlements, even with a genuine card', async () => {
  const own = new Device('own', s.points.gaza, injectTransport(t.app, s.officer.auth));
  const m = await own.download(s.cycleId);
  const e = m.entitlements.find((x) => s.cards.has(x.householdId))!;
  const theirPoint = (await s.post(outsider, '/api/v1/aid/points', { name: 'Theirs', governorate: 'PS0260' })).body.id;
  const r = await t.post(outsider, '/api/v1/aid/redemptions', {
    id: crypto.randomUUID(),
    entitlementId: e.id,
    card: s.cards.get(e.householdId)!.token,
    pointId: theirPoint,
  });
  expect(r.statusCode).toBe(422);
  expect(r.json().reason).toBe('unknown_key'); // our card's key is ours alone: their server side does not know it
  // and cannot use our point
  const p = await t.post(outsider, '/api/v1/aid/redemptions', {
    id: crypto.randomUUID(),
    entitlementId: e.id,
    card: s.cards.get(e.householdId)!.token,
    pointId: s.points.gaza,
  });
  expect(p.statusCode).toBe(404);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM redemption WHERE entitlement_id = $1', [e.id])).rows[0].n).toBe(0);
});

test("the check before a hand-over: another organisation's card answers 404 by its number, and by its code reads as signed with an unknown key; our card with their entitlements reads as other", async () => {
  const own = new Device('own-check', s.points.gaza, injectTransport(t.app, s.officer.auth));
  const m = await own.download(s.cycleId);
  const e = m.entitlements.find((x) => s.cards.has(x.householdId))!;
  const card = s.cards.get(e.householdId)!;
  const ours = await s.post(s.officer, '/api/v1/aid/cards/check', { card: card.token, entitlementIds: [e.id] });
  expect(ours.status).toBe(200);
  expect(ours.body.entitlements).toEqual([{ id: e.id, state: 'open' }]);
  expect(ours.body.number).toBe(cardNumber(card.serial));
  const byNumber = await s.post(outsider, '/api/v1/aid/cards/check', { cardNumber: cardNumber(card.serial), entitlementIds: [e.id] });
  expect(byNumber.status).toBe(404);
  const byCode = await s.post(outsider, '/api/v1/aid/cards/check', { card: card.token, entitlementIds: [e.id] });
  expect(byCode.body).toEqual({ valid: false, reason: 'unknown_key', entitlements: [] });
  for (const r of [byNumber, byCode]) expect(JSON.stringify(r.body)).not.toContain(e.householdId);
  // their own card, with our entitlement: the entitlement is not theirs to see
  const hh = (
    await t.db.pool.query<{ id: string }>("INSERT INTO household (org_id, governorate) VALUES ($1, 'PS0260') RETURNING id", [
      outsider.orgId,
    ])
  ).rows[0]!.id;
  const registrar = await t.user({ role: 'registration_officer', orgId: outsider.orgId });
  const theirs = await s.post(registrar, '/api/v1/aid/cards', { householdId: hh });
  expect(theirs.status).toBe(201);
  const r = await s.post(outsider, '/api/v1/aid/cards/check', { cardNumber: theirs.body.number, entitlementIds: [e.id] });
  expect(r.body).toEqual({
    valid: true,
    serial: theirs.body.serial,
    number: theirs.body.number,
    householdId: hh,
    identity: { householdId: hh, headName: null, size: 0 }, // their household, in their governorate: an empty one here
    entitlements: [{ id: e.id, state: 'other' }],
  });
  // our officer cannot check their card either
  expect((await s.post(s.officer, '/api/v1/aid/cards/check', { cardNumber: theirs.body.number, entitlementIds: [e.id] })).status).toBe(404);
  expect((await s.post(s.officer, '/api/v1/aid/cards/check', { card: theirs.body.token, entitlementIds: [e.id] })).body).toMatchObject({
    valid: false,
    reason: 'unknown_key',
  });
  // roles: as redeem and sync
  const analyst = await t.user({ role: 'analyst', orgId: s.admin.orgId });
  expect((await s.post(analyst, '/api/v1/aid/cards/check', { card: card.token, entitlementIds: [e.id] })).status).toBe(403);
});

test('roles: analysts read reports but cannot redeem or sync; site managers cannot generate; only administrators manage keys', async () => {
  const analyst = await t.user({ role: 'analyst', orgId: s.admin.orgId });
  const manager = await t.user({ role: 'site_manager', orgId: s.admin.orgId });
  expect((await s.get(analyst, `/api/v1/aid/reports/reach?cycle=${s.cycleId}`)).status).toBe(200);
  expect((await s.post(analyst, '/api/v1/aid/sync', {})).status).toBe(403);
  expect((await s.post(analyst, '/api/v1/aid/redemptions', {})).status).toBe(403);
  expect((await s.post(manager, `/api/v1/aid/cycles/${s.cycleId}/generate`)).status).toBe(403);
  expect((await s.post(s.officer, '/api/v1/aid/keys')).status).toBe(403);
  expect((await s.get(manager, `/api/v1/aid/cycles/${s.cycleId}/manifest?point=${s.points.gaza}`)).status).toBe(403);
});

test('the list of cycles: ours with the programme name and a status filter; another organisation sees none', async () => {
  const ours = await s.get(s.officer, '/api/v1/aid/cycles');
  expect(ours.status).toBe(200);
  expect(ours.body.cycles).toEqual([
    expect.objectContaining({
      id: s.cycleId,
      programmeId: s.programmeId,
      programmeName: 'Winter response',
      status: 'generated',
      number: 1,
    }),
  ]);
  expect((await s.get(s.officer, '/api/v1/aid/cycles?status=generated')).body.cycles.map((c: { id: string }) => c.id)).toEqual([s.cycleId]);
  expect((await s.get(s.officer, '/api/v1/aid/cycles?status=closed')).body.cycles).toEqual([]);
  expect((await s.get(s.officer, '/api/v1/aid/cycles?status=open')).status).toBe(422);
  expect((await s.get(outsider, '/api/v1/aid/cycles')).body.cycles).toEqual([]);
});

test('an officer of another governorate of the same organisation cannot use a point outside their governorates (404, as if absent)', async () => {
  const northOnly = await t.user({ role: 'distribution_officer', orgId: s.admin.orgId, governorates: ['PS0210'] });
  const own = new Device('scoped-own', s.points.khanYounis, injectTransport(t.app, s.officer.auth));
  const m = await own.download(s.cycleId);
  const e = m.entitlements.find((x) => !x.redeemed && s.cards.has(x.householdId))!;
  expect((await s.get(northOnly, `/api/v1/aid/cycles/${s.cycleId}/manifest?point=${s.points.khanYounis}`)).status).toBe(404);
  const item = { id: crypto.randomUUID(), entitlementId: e.id, card: s.cards.get(e.householdId)!.token };
  expect((await s.post(northOnly, '/api/v1/aid/redemptions', { ...item, pointId: s.points.khanYounis })).status).toBe(404);
  const batch = { batchId: crypto.randomUUID(), pointId: s.points.khanYounis, redemptions: [item] };
  expect((await s.post(northOnly, '/api/v1/aid/sync', batch)).status).toBe(404);
  expect((await s.get(northOnly, '/api/v1/aid/points')).body.points).toEqual([]);
  expect((await t.db.pool.query('SELECT count(*)::int AS n FROM redemption WHERE id = $1', [item.id])).rows[0].n).toBe(0);
  // the officer of all governorates still can
  expect((await s.post(s.officer, '/api/v1/aid/sync', batch)).status).toBe(200);
});

test("card keys belong to one organisation: another's administrator neither sees, rotates nor retires ours, and their key cannot sign our cards", async () => {
  const theirAdmin = await t.user({ role: 'administrator' });
  const ours = (await s.get(s.admin, '/api/v1/aid/keys')).body.keys as { id: string; retiredAt: string | null }[];
  expect(ours.length).toBeGreaterThan(0);
  expect((await s.get(theirAdmin, '/api/v1/aid/keys')).body.keys).toEqual([]);
  for (const k of ours) expect((await s.post(theirAdmin, `/api/v1/aid/keys/${k.id}/retire`)).status).toBe(404);
  const theirs = await s.post(theirAdmin, '/api/v1/aid/keys');
  expect(theirs.status).toBe(201);
  expect((await s.get(s.admin, '/api/v1/aid/keys')).body.keys).toEqual(ours); // our list unchanged
  // a card signed with their key for one of our households does not verify here
  const [hh] = [...s.cards.keys()];
  const row = (await t.db.pool.query<{ private_key: Buffer }>('SELECT private_key FROM card_key WHERE id = $1', [theirs.body.id])).rows[0]!;
  const { unseal } = await import('../../src/access/secretBox.ts');
  const { TEST_SECRET_KEY } = await import('../support/factories.ts');
  const { privateKeyObject, signCard } = await import('../../src/aid/card.ts');
  const forged = signCard(
    { householdId: hh!, serial: s.cards.get(hh!)!.serial, keyId: theirs.body.id },
    privateKeyObject(unseal(TEST_SECRET_KEY, row.private_key, `card_key:${theirs.body.id}`)),
  );
  const check = await s.post(s.officer, '/api/v1/aid/cards/check', { card: forged, entitlementIds: [crypto.randomUUID()] });
  expect(check.body).toEqual({ valid: false, reason: 'unknown_key', entitlements: [] });
  // nothing of ours was touched, and their change log holds their rotation, ours nothing of theirs
  expect((await s.get(s.admin, '/api/v1/aid/keys')).body.keys.every((k: { retiredAt: string | null }) => k.retiredAt === null)).toBe(true);
});

test('private halves of card keys are sealed: a database dump alone cannot sign a card', async () => {
  const rows = (
    await t.db.pool.query<{ id: string; private_key: Buffer | null; sealed_with: Buffer | null }>(
      'SELECT id, private_key, sealed_with FROM card_key',
    )
  ).rows;
  const { privateKeyObject } = await import('../../src/aid/card.ts');
  for (const r of rows.filter((x) => x.private_key)) {
    expect(r.sealed_with).not.toBeNull();
    expect(() => privateKeyObject(r.private_key!)).toThrow();
  }
});
