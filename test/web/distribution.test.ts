// The distribution point's offline rules, run in Node on the web app's own code: cards signed by
// the server's code (src/aid/card.ts) verify in the browser code, with WebCrypto and with the
// JavaScript fallback alike; forged, altered, revoked and unknown-key cards are refused by both;
// what a household may receive given the manifest and what the device already handed out; how the
// server's answers mark the recorded hand-overs; typed card numbers found through the manifest; the
// server's check before a hand-over.
import { describe, expect, test } from 'vitest';
import { newKeyPair, privateKeyObject, signCard } from '../../src/aid/card.ts';
import { nobleVerifier, normaliseCode, parseCard, verifyCard, webCryptoVerifier } from '../../web/src/distribution/card.ts';
import { cardNumber } from '../../src/shared/cardNumber.ts';
import {
  applyResults,
  applyServerCheck,
  decide,
  groups,
  handover,
  lookupNumber,
  looksLikeNumber,
  syncItem,
  usedEntitlements,
  type Manifest,
  type Prepared,
} from '../../web/src/distribution/model.ts';

const k1 = newKeyPair();
const k2 = newKeyPair();
const keys = [{ id: 'k1', publicKey: k1.publicKey.toString('base64url') }];
const HH = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const OTHER = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const card = (householdId = HH, serial = 1001, keyId = 'k1', priv = k1.privateKey) =>
  signCard({ householdId, serial, keyId }, privateKeyObject(priv));

describe('cards, checked by the web code', async () => {
  const webCrypto = await webCryptoVerifier();
  const noble = await nobleVerifier();
  test('this Node has Ed25519 in WebCrypto (so both verifiers are exercised)', () => {
    expect(webCrypto).toBeDefined();
  });
  const verifiers = [
    ['WebCrypto', webCrypto!],
    ['@noble/ed25519', noble],
  ] as const;

  test('the token parses to what the server signed', () => {
    const p = parseCard(card(HH, 123456789012))!;
    expect(p).toMatchObject({ householdId: HH, serial: 123456789012, keyId: 'k1' });
    expect(p.signature.length).toBe(64);
    expect(parseCard('not a card')).toBeUndefined();
    expect(parseCard(card().slice(0, -4))).toBeUndefined();
    expect(normaliseCode(` ${card().slice(0, 40)}\n  ${card().slice(40)} `)).toBe(card());
  });

  test.each(verifiers)('%s: a genuine card verifies; forged, altered, unknown-key and revoked cards do not', async (_name, v) => {
    expect(await verifyCard(card(), keys, new Set(), v)).toEqual({ ok: true, card: { householdId: HH, serial: 1001, keyId: 'k1' } });
    // signed with another private key under the same key id: forged
    expect(await verifyCard(card(HH, 1001, 'k1', k2.privateKey), keys, new Set(), v)).toEqual({ ok: false, reason: 'bad_signature' });
    // one payload byte changed (the household): altered
    const bytes = Buffer.from(card(), 'base64url');
    bytes[5] = bytes[5]! ^ 1;
    expect(await verifyCard(bytes.toString('base64url'), keys, new Set(), v)).toEqual({ ok: false, reason: 'bad_signature' });
    // one signature byte changed
    const sig = Buffer.from(card(), 'base64url');
    sig[sig.length - 3] = sig[sig.length - 3]! ^ 0x40;
    expect(await verifyCard(sig.toString('base64url'), keys, new Set(), v)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verifyCard(card(HH, 1001, 'k2', k2.privateKey), keys, new Set(), v)).toEqual({ ok: false, reason: 'unknown_key' });
    expect(await verifyCard(card(), keys, new Set([1001]), v)).toEqual({ ok: false, reason: 'revoked' });
    expect(await verifyCard('garbage', keys, new Set(), v)).toEqual({ ok: false, reason: 'malformed' });
  });

  test('the two verifiers agree on many cards and corruptions', async () => {
    for (let i = 0; i < 40; i++) {
      const b = Buffer.from(card(HH, 1000 + i), 'base64url');
      const j = Math.floor(Math.random() * b.length);
      if (i % 2) b[j] = b[j]! ^ (1 << (i % 8));
      const token = b.toString('base64url');
      const [a, c] = [await verifyCard(token, keys, new Set(), webCrypto!), await verifyCard(token, keys, new Set(), noble)];
      expect(a, token).toEqual(c);
    }
  });
});

// A point's list: two households, two items, one entitlement already redeemed on the server.
const m: Manifest = {
  cycle: { id: 'c1', number: 2, programmeId: 'p', cutoffDate: '2026-01-01', status: 'generated' },
  point: { id: 'pt', name: 'Point' },
  generatedAt: '2026-01-02T00:00:00Z',
  keys,
  revokedSerials: [],
  cards: [
    { serial: 1001, householdId: HH },
    { serial: 1002, householdId: OTHER },
    { serial: 1003, householdId: HH },
  ],
  items: [
    { id: 'food', code: 'food_parcel', name: 'food parcel', unit: 'parcel' },
    { id: 'water', code: 'water_l', name: 'water', unit: 'litre' },
  ],
  entitlements: [
    { id: 'e2', householdId: HH, itemId: 'water', quantity: 60, redeemed: false },
    { id: 'e1', householdId: HH, itemId: 'food', quantity: 1, redeemed: false },
    { id: 'e3', householdId: OTHER, itemId: 'food', quantity: 2, redeemed: true },
  ],
};
const ok = (householdId: string) => ({ ok: true as const, card: { householdId, serial: 7, keyId: 'k1' } });
const p: Prepared = { key: 'c1:pt', orgId: 'org', programmeName: 'Winter', downloadedAt: '2026-01-02T00:00:00Z', manifest: m };

describe('what a card receives at the point', () => {
  test('due, partly received, received, not listed, refused, closed', () => {
    const d = decide(m, new Set(), ok(HH));
    expect(d.kind === 'due' && d.due.map((l) => [l.name, l.quantity, l.unit])).toEqual([
      ['food parcel', 1, 'parcel'],
      ['water', 60, 'litre'],
    ]);
    const part = decide(m, new Set(['e1']), ok(HH));
    expect(part.kind === 'due' && [part.due.map((l) => l.entitlementId), part.received.map((l) => l.entitlementId)]).toEqual([
      ['e2'],
      ['e1'],
    ]);
    expect(decide(m, new Set(['e1', 'e2']), ok(HH)).kind).toBe('received');
    expect(decide(m, new Set(), ok(OTHER)).kind).toBe('received'); // redeemed on the server
    expect(decide(m, new Set(), ok('11111111-2222-4333-8444-555555555555')).kind).toBe('notListed');
    expect(decide(m, new Set(), { ok: false, reason: 'revoked' })).toEqual({ kind: 'refused', reason: 'revoked' });
    expect(decide({ ...m, cycle: { ...m.cycle, status: 'closed' } }, new Set(), ok(HH)).kind).toBe('closed');
  });
});

describe('a hand-over at the point', () => {
  test('a hand-over: one redemption per due item, each with its own id; the answers mark them', () => {
    let n = 0;
    const d = decide(m, new Set(), ok(HH));
    if (d.kind !== 'due') throw new Error('due expected');
    const rs = handover(p, { presented: 'qr', card: 'TOKEN' }, d.card, d.due, new Date('2026-01-03T10:00:00Z'), () => `id-${++n}`);
    expect(rs.map((r) => [r.id, r.handoverId, r.entitlementId, r.state, r.pointId, r.cycleId, r.orgId])).toEqual([
      ['id-2', 'id-1', 'e1', 'waiting', 'pt', 'c1', 'org'],
      ['id-3', 'id-1', 'e2', 'waiting', 'pt', 'c1', 'org'],
    ]);
    expect([...usedEntitlements(rs)]).toEqual(['e1', 'e2']);
    // the answer names only the first: the second stays waiting
    const after = applyResults(rs, [{ id: 'ID-2', status: 'conflict', replayed: false }], new Date('2026-01-03T11:00:00Z'));
    expect(after.map((r) => r.state)).toEqual(['conflict', 'waiting']);
    expect(groups(after)[0]!.state).toBe('conflict');
    const refused = applyResults(after, [{ id: 'id-3', status: 'rejected', reason: 'revoked', replayed: false }], new Date());
    expect(refused[1]).toMatchObject({ state: 'rejected', reason: 'revoked' });
    expect([...usedEntitlements(refused)]).toEqual(['e1']); // a refused redemption does not count
    expect(groups(refused)[0]).toMatchObject({ state: 'rejected', reason: 'revoked', serial: 7, typed: false });
    expect(syncItem(rs[0]!)).toEqual({
      id: 'id-2',
      entitlementId: 'e1',
      presented: 'qr',
      card: 'TOKEN',
      redeemedAt: '2026-01-03T10:00:00.000Z',
    });
    // records kept before `presented` existed are signed codes
    const { presented: _p, ...old } = rs[0]!;
    expect(syncItem(old)).toMatchObject({ presented: 'qr', card: 'TOKEN' });
  });
});

describe('a typed card number at the point', () => {
  test("a typed card number: found offline through the manifest's cards; mistyped, unknown and revoked numbers refused", () => {
    expect(looksLikeNumber('0000 1001 ')).toBe(true);
    expect(looksLikeNumber('٠٠٠٠-١٠٠١')).toBe(true);
    expect(looksLikeNumber(' - ')).toBe(false);
    expect(looksLikeNumber('AQ1x-9')).toBe(false);
    const n = cardNumber(1001);
    expect(lookupNumber(m, n)).toEqual({ ok: true, card: { householdId: HH, serial: 1001, keyId: '' }, number: n });
    expect(
      lookupNumber(
        m,
        n.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))),
      ),
    ).toMatchObject({ ok: true, card: { serial: 1001 } });
    const digits = n.replace(' ', '');
    expect(lookupNumber(m, digits.slice(0, -1) + String((Number(digits.at(-1)) + 3) % 10))).toEqual({ ok: false, reason: 'bad_number' });
    expect(lookupNumber(m, cardNumber(1004))).toEqual({ ok: false, reason: 'unknown_number' });
    expect(lookupNumber({ ...m, revokedSerials: [{ serial: 1001, revokedAt: '2026-01-01T00:00:00Z' }] }, n)).toEqual({
      ok: false,
      reason: 'revoked',
    });
    // a manifest kept from before cards were listed: the number cannot be found offline
    const { cards: _c, ...old } = m;
    expect(lookupNumber(old as Manifest, n)).toEqual({ ok: false, reason: 'unknown_number' });
    // what it receives, recorded as typed, sent as typed
    const d = decide(m, new Set(), lookupNumber(m, n));
    if (d.kind !== 'due') throw new Error('due expected');
    let i = 0;
    const rs = handover(p, { presented: 'typed', cardNumber: n }, d.card, d.due, new Date('2026-01-03T10:00:00Z'), () => `t-${++i}`);
    expect(rs.map((r) => [r.presented, r.cardNumber, r.card, r.serial])).toEqual([
      ['typed', n, '', 1001],
      ['typed', n, '', 1001],
    ]);
    expect(syncItem(rs[0]!)).toEqual({
      id: 't-2',
      entitlementId: 'e1',
      presented: 'typed',
      cardNumber: n,
      redeemedAt: '2026-01-03T10:00:00.000Z',
    });
    expect(groups(rs)[0]!.typed).toBe(true);
  });

  test("the server's check before a hand-over: redeemed elsewhere moves to received, a refused card is refused", () => {
    const d = decide(m, new Set(), ok(HH));
    if (d.kind !== 'due') throw new Error('due expected');
    const open = applyServerCheck(d, {
      valid: true,
      householdId: HH,
      entitlements: [
        { id: 'e1', state: 'open' },
        { id: 'e2', state: 'open' },
      ],
    });
    expect(open).toEqual(d);
    const part = applyServerCheck(d, {
      valid: true,
      householdId: HH,
      entitlements: [
        { id: 'e1', state: 'redeemed' },
        { id: 'e2', state: 'open' },
      ],
    });
    expect(part.kind === 'due' && [part.due.map((l) => l.entitlementId), part.received.map((l) => l.entitlementId)]).toEqual([
      ['e2'],
      ['e1'],
    ]);
    const all = applyServerCheck(d, {
      valid: true,
      householdId: HH,
      entitlements: [
        { id: 'e1', state: 'redeemed' },
        { id: 'e2', state: 'redeemed' },
      ],
    });
    expect(all.kind === 'received' && all.lines.map((l) => l.entitlementId)).toEqual(['e1', 'e2']);
    // an entitlement the server does not give this household is not handed out
    const other = applyServerCheck(d, {
      valid: true,
      householdId: HH,
      entitlements: [
        { id: 'e1', state: 'other' },
        { id: 'e2', state: 'open' },
      ],
    });
    expect(other.kind === 'due' && other.due.map((l) => l.entitlementId)).toEqual(['e2']);
    expect(applyServerCheck(d, { valid: true, householdId: HH, entitlements: [] }).kind).toBe('notListed');
    expect(applyServerCheck(d, { valid: false, reason: 'revoked', entitlements: [] })).toEqual({ kind: 'refused', reason: 'revoked' });
    expect(applyServerCheck(d, { valid: false, reason: 'retired_key', entitlements: [] })).toEqual({
      kind: 'refused',
      reason: 'retired_key',
    });
    expect(applyServerCheck(d, { valid: true, householdId: OTHER, entitlements: [] })).toEqual({ kind: 'refused', reason: 'unknown_card' });
    // only a due decision is checked
    const refused = { kind: 'refused' as const, reason: 'bad_number' as const };
    expect(applyServerCheck(refused, { valid: true, entitlements: [] })).toBe(refused);
  });
});
