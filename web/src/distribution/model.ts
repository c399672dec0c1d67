// The distribution point's rules, without I/O: what a card shown at the point may receive, given
// the downloaded manifest and what this device has already handed out; what a sync answer means
// for each recorded hand-over. The screen, the outbox and the tests share these.
import type { z } from 'zod';
import type { CardCheckView, CycleListItem, ManifestView, PlaceView, RedemptionResult } from '../../../src/api/routes/aid/schema.ts';
import type { CardCheck, CardClaims, CardRefusal } from './card.ts';
import { parseCardNumber } from '../../../src/shared/cardNumber.ts';

/**
 * GET /api/v1/aid/cycles/:id/manifest: household ids and quantities, and for the identity check the
 * head's name and size of each household listed (absent from lists kept from before, and cleared
 * on the device when the cycle closes or the list grows old: docs/decisions/0023-offline-identity-check.md).
 */
export type Manifest = Omit<z.infer<typeof ManifestView>, 'households'> & { households?: z.infer<typeof ManifestView>['households'] };
/** GET /api/v1/aid/cycles */
export type CycleItem = z.infer<typeof CycleListItem>;
/** GET /api/v1/aid/points */
export type PointItem = z.infer<typeof PlaceView>;

/** The head's name and household size shown for the identity check: from the server's check online, else from the list on the device. */
export type Identity = { headName: string | null; size: number; source: 'server' | 'device' };

/** How long the names stay on a device that has not refreshed its list (docs/decisions/0023-offline-identity-check.md). */
export const IDENTITY_MAX_AGE_DAYS = 3;

/** The identity of a household from the list on the device; undefined when the list holds none (cleared, or kept from before). */
export function identityOf(m: Manifest, householdId: string): Identity | undefined {
  const h = m.households?.find((x) => x.householdId === householdId);
  return h ? { headName: h.headName, size: h.size, source: 'device' } : undefined;
}

/**
 * The list without its names once they are no longer needed: the cycle is closed, or the list was
 * last downloaded more than IDENTITY_MAX_AGE_DAYS ago. The same object when nothing is to go.
 */
export function withoutStaleIdentities(p: Prepared, now: Date): Prepared {
  if (!p.manifest.households) return p;
  const old = now.getTime() - Date.parse(p.downloadedAt) > IDENTITY_MAX_AGE_DAYS * 86_400_000;
  if (!old && p.manifest.cycle.status !== 'closed') return p;
  return withoutIdentities(p);
}

/** The list with no names at all (signing out, or stale). */
export function withoutIdentities(p: Prepared): Prepared {
  if (!p.manifest.households) return p;
  const { households: _gone, ...manifest } = p.manifest;
  return { ...p, manifest, identitiesCleared: true };
}

/** The identity in the server's answer, when it gave one. */
export function serverIdentity(c: ServerCheck): Identity | undefined {
  return c.identity ? { headName: c.identity.headName, size: c.identity.size, source: 'server' } : undefined;
}

/** A manifest kept on the device for a cycle and point. */
export type Prepared = {
  key: string;
  orgId: string;
  programmeName: string;
  downloadedAt: string;
  manifest: Manifest;
  /** The names were removed from this device (cycle closed, list too old, signed out): update the list to see them again. */
  identitiesCleared?: boolean;
};
export const preparedKey = (cycleId: string, pointId: string) => `${cycleId}:${pointId}`;

export type Line = { entitlementId: string; itemId: string; name: string; unit: string; quantity: number };

/** Why a card is refused on the device: its signed code, or its typed number (check digit wrong, or no valid card with that number at this point). Online, the server may add retired_key and unknown_card. */
export type Refusal = CardRefusal | 'bad_number' | 'unknown_number' | 'retired_key' | 'unknown_card';
export type LocalCheck = CardCheck | { ok: false; reason: Refusal };

/** How the card was shown: its signed code (scanned, or typed in full) or its printed number. */
export type Presentation = { presented: 'qr'; card: string } | { presented: 'typed'; cardNumber: string };

/** Typed text that is a card number (digits, spaces, dashes), not a signed code. */
export const looksLikeNumber = (text: string) =>
  /^[\s\-0-9\u0660-\u0669\u06f0-\u06f9]+$/.test(text) && /[0-9\u0660-\u0669\u06f0-\u06f9]/.test(text);

/** A typed card number, offline: the check digit, then the manifest's valid cards and revoked serials. */
export function lookupNumber(m: Manifest, text: string): LocalCheck & { number?: string } {
  const n = parseCardNumber(text);
  if (!n.ok) return { ok: false, reason: 'bad_number' };
  if (m.revokedSerials.some((r) => r.serial === n.serial)) return { ok: false, reason: 'revoked' };
  const c = (m.cards ?? []).find((x) => x.serial === n.serial); // manifests kept from before cards were listed have none
  if (!c) return { ok: false, reason: 'unknown_number' };
  return { ok: true, card: { householdId: c.householdId, serial: n.serial, keyId: '' }, number: n.number };
}

export type Decision =
  | { kind: 'refused'; reason: Refusal }
  /** The household has nothing at this point in this cycle (it may be listed at another point). */
  | { kind: 'notListed'; card: CardClaims }
  /** Everything was handed out already: hand nothing out. */
  | { kind: 'received'; card: CardClaims; lines: Line[] }
  | { kind: 'due'; card: CardClaims; due: Line[]; received: Line[] }
  | { kind: 'closed'; card: CardClaims };

/** What the card may receive here. `used`: entitlements handed out by this device (the outbox and synced ones). */
export function decide(m: Manifest, used: ReadonlySet<string>, check: LocalCheck): Decision {
  if (!check.ok) return { kind: 'refused', reason: check.reason };
  const card = check.card;
  const items = new Map(m.items.map((i, order) => [i.id, { ...i, order }]));
  const lines = m.entitlements
    .filter((e) => e.householdId === card.householdId)
    .map((e) => ({
      e,
      order: items.get(e.itemId)?.order ?? m.items.length,
      line: {
        entitlementId: e.id,
        itemId: e.itemId,
        name: items.get(e.itemId)?.name ?? e.itemId,
        unit: items.get(e.itemId)?.unit ?? '',
        quantity: e.quantity,
      },
    }))
    .sort((x, y) => x.order - y.order); // in the manifest's item order (by code), whatever the entitlement ids
  if (!lines.length) return { kind: 'notListed', card };
  const done = (e: Manifest['entitlements'][number]) => e.redeemed || used.has(e.id);
  const due = lines.filter((l) => !done(l.e)).map((l) => l.line);
  const received = lines.filter((l) => done(l.e)).map((l) => l.line);
  if (!due.length) return { kind: 'received', card, lines: received };
  if (m.cycle.status === 'closed') return { kind: 'closed', card };
  return { kind: 'due', card, due, received };
}

/** The server's answer to POST /api/v1/aid/cards/check. */
export type ServerCheck = z.infer<typeof CardCheckView>;

/**
 * A due decision after the server's check, online: a refused card is refused; entitlements redeemed
 * elsewhere move to received (all of them: hand nothing out); ones the server does not give this
 * household are not handed out.
 */
export function applyServerCheck(d: Decision, c: ServerCheck): Decision {
  if (d.kind !== 'due') return d;
  if (!c.valid)
    return {
      kind: 'refused',
      reason:
        (['malformed', 'unknown_key', 'bad_signature', 'revoked', 'bad_number', 'retired_key'] as const).find((r) => r === c.reason) ??
        'revoked',
    };
  if (c.householdId && c.householdId !== d.card.householdId) return { kind: 'refused', reason: 'unknown_card' };
  const state = new Map(c.entitlements.map((e) => [e.id, e.state]));
  const due = d.due.filter((l) => state.get(l.entitlementId) === 'open');
  const received = [...d.received, ...d.due.filter((l) => state.get(l.entitlementId) === 'redeemed')];
  if (due.length) return { ...d, due, received };
  if (received.length) return { kind: 'received', card: d.card, lines: received };
  return { kind: 'notListed', card: d.card };
}

/** One entitlement handed out, kept on the device (IndexedDB) until the server has answered. */
export type Recorded = {
  /** The redemption id, made on the device: a replay of it changes nothing on the server. */
  id: string;
  handoverId: string;
  entitlementId: string;
  /** The signed code ('' when the number was typed). */
  card: string;
  /** 'typed': the printed number was typed and the officer confirmed the identity document. Absent on records made before: 'qr'. */
  presented?: 'qr' | 'typed';
  cardNumber?: string;
  serial: number;
  itemName: string;
  unit: string;
  quantity: number;
  cycleId: string;
  pointId: string;
  orgId: string;
  redeemedAt: string;
  state: 'waiting' | 'standing' | 'conflict' | 'rejected' | 'failed';
  reason?: string;
  syncedAt?: string;
};

/** The redemptions of one hand-over, each with its own id. */
export function handover(p: Prepared, shown: Presentation, claims: CardClaims, due: Line[], now: Date, newId: () => string): Recorded[] {
  const handoverId = newId();
  const card =
    shown.presented === 'qr'
      ? { card: shown.card, presented: 'qr' as const }
      : { card: '', presented: 'typed' as const, cardNumber: shown.cardNumber };
  return due.map((l) => ({
    id: newId(),
    handoverId,
    entitlementId: l.entitlementId,
    ...card,
    serial: claims.serial,
    itemName: l.name,
    unit: l.unit,
    quantity: l.quantity,
    cycleId: p.manifest.cycle.id,
    pointId: p.manifest.point.id,
    orgId: p.orgId,
    redeemedAt: now.toISOString(),
    state: 'waiting',
  }));
}

/** A recorded redemption as POST /api/v1/aid/sync takes it: the signed code, or the typed number. */
export function syncItem(r: Recorded) {
  return r.presented === 'typed'
    ? { id: r.id, entitlementId: r.entitlementId, presented: 'typed' as const, cardNumber: r.cardNumber ?? '', redeemedAt: r.redeemedAt }
    : { id: r.id, entitlementId: r.entitlementId, presented: 'qr' as const, card: r.card, redeemedAt: r.redeemedAt };
}

/** Entitlements this device handed out: everything but refusals (those the server does not count). */
export function usedEntitlements(rs: Iterable<Recorded>): Set<string> {
  const out = new Set<string>();
  for (const r of rs) if (r.state !== 'rejected') out.add(r.entitlementId);
  return out;
}

/** One hand-over's answer in POST /api/v1/aid/sync. */
export type SyncResult = z.infer<typeof RedemptionResult>;

/** The records after the server's answer to a batch; ids the answer does not name stay waiting. */
export function applyResults(rs: Recorded[], results: SyncResult[], now: Date): Recorded[] {
  const byId = new Map(results.map((r) => [r.id.toLowerCase(), r]));
  return rs.map((r) => {
    const res = byId.get(r.id.toLowerCase());
    if (!res) return r;
    const out: Recorded = { ...r, state: res.status, syncedAt: now.toISOString() };
    if (res.reason) out.reason = res.reason;
    else delete out.reason;
    return out;
  });
}

export type Group = {
  handoverId: string;
  serial: number;
  typed: boolean;
  redeemedAt: string;
  state: Recorded['state'];
  reason?: string;
  lines: Recorded[];
};

/** Records grouped by hand-over, newest first; a group's state is its worst. */
export function groups(rs: Recorded[]): Group[] {
  const rank: Record<Recorded['state'], number> = { standing: 0, waiting: 1, conflict: 2, failed: 3, rejected: 4 };
  const by = new Map<string, Group>();
  for (const r of rs) {
    let g = by.get(r.handoverId);
    if (!g)
      by.set(
        r.handoverId,
        (g = {
          handoverId: r.handoverId,
          serial: r.serial,
          typed: r.presented === 'typed',
          redeemedAt: r.redeemedAt,
          state: r.state,
          lines: [],
        }),
      );
    g.lines.push(r);
    if (rank[r.state] > rank[g.state]) {
      g.state = r.state;
      if (r.reason) g.reason = r.reason;
    }
  }
  return [...by.values()].sort((a, b) => (a.redeemedAt < b.redeemedAt ? 1 : a.redeemedAt > b.redeemedAt ? -1 : 0));
}
