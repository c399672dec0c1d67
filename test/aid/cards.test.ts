// Household cards: signed tokens with no personal data; forged, altered, unknown-key, retired-key
// and revoked cards are refused with a clear reason, offline (pure verify) and by the server.
import { beforeAll, describe, expect, test } from 'vitest';
import { encodePayload, newKeyPair, parseCard, privateKeyObject, publicKeyObject, signCard, verifyCard } from '../../src/aid/card.ts';
import { scenario, type Scenario } from '../support/aidScenario.ts';
import { Device, injectTransport } from '../support/device.ts';
import { useTestApp } from '../support/testApp.ts';

describe('tokens (pure)', () => {
  const k = newKeyPair();
  const keys = new Map([['k1', { publicKey: publicKeyObject(k.publicKey), retired: false }]]);
  const hh = '3f2c1b7e-9a8d-4c6b-8e2f-1a2b3c4d5e6f';
  const token = signCard({ householdId: hh, serial: 1042, keyId: 'k1' }, privateKeyObject(k.privateKey));

  test('round trip; compact; no personal data', () => {
    expect(verifyCard(token, keys, () => false)).toEqual({ ok: true, card: { householdId: hh, serial: 1042, keyId: 'k1' } });
    expect(token.length).toBeLessThan(140);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseCard(token)!.payload.equals(encodePayload({ householdId: hh, serial: 1042, keyId: 'k1' }))).toBe(true);
  });
  test('forged with another key, altered, unknown key, retired, revoked, garbage', () => {
    const other = newKeyPair();
    expect(
      verifyCard(signCard({ householdId: hh, serial: 1042, keyId: 'k1' }, privateKeyObject(other.privateKey)), keys, () => false),
    ).toEqual({ ok: false, reason: 'bad_signature' });
    const b = Buffer.from(token, 'base64url');
    b[5] = b[5]! ^ 1; // another household id
    expect(verifyCard(b.toString('base64url'), keys, () => false)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(
      verifyCard(signCard({ householdId: hh, serial: 1, keyId: 'k9' }, privateKeyObject(other.privateKey)), keys, () => false),
    ).toEqual({ ok: false, reason: 'unknown_key' });
    expect(verifyCard(token, new Map([['k1', { ...keys.get('k1')!, retired: true }]]), () => false)).toEqual({
      ok: false,
      reason: 'retired_key',
    });
    expect(verifyCard(token, keys, (s) => s === 1042)).toEqual({ ok: false, reason: 'revoked' });
    for (const junk of ['', 'abc', 'x'.repeat(500), token.slice(0, -4), '{"householdId":"x"}'])
      expect(verifyCard(junk, keys, () => false)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('server', () => {
  const t = useTestApp();
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario(t, { households: 60 });
  });

  test('a forged card is refused with a clear reason, online and in a sync, and the refusal is kept', async () => {
    const d = new Device('dev-f', s.points.gaza, injectTransport(t.app, s.officer.auth));
    const m = await d.download(s.cycleId);
    const e = m.entitlements[0]!;
    const forged = signCard(
      { householdId: e.householdId, serial: 999999, keyId: m.keys[0]!.id },
      privateKeyObject(newKeyPair().privateKey),
    );
    const r = await d.redeemOnline(forged, e.id);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ status: 'rejected', reason: 'bad_signature' });
    expect(r.body.detail).toMatch(/forged/);
    expect(d.redeemOffline(forged)).toEqual({ ok: false, reason: 'bad_signature' });
    const id = crypto.randomUUID();
    const sync = await d.send({
      batchId: crypto.randomUUID(),
      pointId: s.points.gaza,
      deviceId: 'dev-f',
      redemptions: [{ id, entitlementId: e.id, card: forged, redeemedAt: new Date().toISOString() }],
    });
    expect(sync[0]).toMatchObject({ status: 'rejected', reason: 'bad_signature' });
    expect((await t.db.pool.query('SELECT reason FROM redemption_rejection WHERE id = $1', [id])).rows[0].reason).toBe('bad_signature');
    // another household's card for this entitlement
    const otherHh = [...s.cards.keys()].find((h) => h !== e.householdId)!;
    const wrong = await d.redeemOnline(s.cards.get(otherHh)!.token, e.id);
    expect(wrong.body.reason).toBe('wrong_household');
  });

  test('a card revoked as lost is refused; offline redemptions made before the revocation are held for review', async () => {
    const d = new Device('dev-r', s.points.gaza, injectTransport(t.app, s.officer.auth));
    const m = await d.download(s.cycleId);
    const hhs = [...new Set(m.entitlements.filter((e) => !e.redeemed).map((e) => e.householdId))].filter((h) => s.cards.has(h));
    const [h1, h2] = hhs as [string, string];
    // dated just after its card was issued, before the revocation
    const issued = (
      await t.db.pool.query<{ at: Date }>('SELECT issued_at AS at FROM household_card WHERE serial = $1', [s.cards.get(h2)!.serial])
    ).rows[0]!.at;
    const early = d.redeemOffline(s.cards.get(h2)!.token, new Date(issued.getTime() + 1));
    expect(early.ok).toBe(true);
    for (const h of [h1, h2])
      expect((await s.post(s.officer, `/api/v1/aid/cards/${s.cards.get(h)!.serial}/revoke`, { reason: 'lost' })).status).toBe(200);
    const e1 = m.entitlements.find((e) => e.householdId === h1)!;
    const online = await d.redeemOnline(s.cards.get(h1)!.token, e1.id);
    expect(online.body).toMatchObject({ status: 'rejected', reason: 'revoked' });
    expect(online.body.detail).toMatch(/revoked/);
    // offline before the revocation of a lost card: held for review; offline after it (old manifest): refused
    const late = d.redeemOffline(s.cards.get(h1)!.token);
    expect(late.ok).toBe(true);
    const res = await d.sync();
    const earlyRes = res.filter((r) => early.ok && early.redemptions.some((x) => x.id === r.id));
    expect(earlyRes.length).toBeGreaterThan(0);
    expect(earlyRes.every((r) => r.status === 'conflict' && (r as { held?: string }).held === 'after_revocation')).toBe(true);
    const lateRes = res.filter((r) => late.ok && late.redemptions.some((x) => x.id === r.id));
    expect(lateRes.length).toBeGreaterThan(0);
    expect(lateRes.every((r) => r.status === 'rejected' && r.reason === 'revoked')).toBe(true);
    // after the next download the device refuses the card itself
    await d.download(s.cycleId);
    expect(d.redeemOffline(s.cards.get(h1)!.token)).toEqual({ ok: false, reason: 'revoked' });
    // a new card for the household works
    const fresh = await s.post(s.officer, '/api/v1/aid/cards', { householdId: h1 });
    expect(fresh.status).toBe(201);
    expect((await d.redeemOnline(fresh.body.token, e1.id)).status).toBe(201);
  });

  test('key rotation: old cards verify until their key is retired', async () => {
    const d = new Device('dev-k', s.points.khanYounis, injectTransport(t.app, s.officer.auth));
    const m = await d.download(s.cycleId);
    const hhs = [...new Set(m.entitlements.filter((e) => !e.redeemed).map((e) => e.householdId))].filter((h) => s.cards.has(h));
    const oldKey = m.keys[0]!.id;
    const rot = await s.post(s.admin, '/api/v1/aid/keys');
    expect(rot.status).toBe(201);
    const newCard = await s.post(s.officer, '/api/v1/aid/cards', { householdId: hhs[0] });
    expect(newCard.body.keyId).toBe(rot.body.id);
    const e0 = m.entitlements.find((e) => e.householdId === hhs[0])!;
    const e1 = m.entitlements.find((e) => e.householdId === hhs[1])!;
    expect((await d.redeemOnline(s.cards.get(hhs[1]!)!.token, e1.id)).status).toBe(201); // old key still verifies
    expect((await s.post(s.admin, `/api/v1/aid/keys/${oldKey}/retire`)).status).toBe(200);
    const e2 = m.entitlements.find((e) => e.householdId === hhs[2])!;
    const refused = await d.redeemOnline(s.cards.get(hhs[2]!)!.token, e2.id);
    expect(refused.body).toMatchObject({ status: 'rejected', reason: 'retired_key' });
    expect((await d.redeemOnline(newCard.body.token, e0.id)).status).toBe(201);
    const keys = await s.get(s.officer, '/api/v1/aid/keys');
    expect(keys.body.keys.find((k: { id: string }) => k.id === oldKey).retiredAt).not.toBeNull();
    expect(JSON.stringify(keys.body)).not.toMatch(/private/i);
  });
});
