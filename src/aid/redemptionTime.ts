// When a redemption may stand, judged by its time. An offline device's clock is its own: a
// redemption dated before its card was issued or before its cycle's list existed cannot be true as
// dated, and one synced after its card was revoked as lost or stolen (not damaged or replaced: the
// household still held it) or after its cycle was closed arrives after the organisation stopped
// expecting it. Such redemptions are neither dropped nor allowed to stand: they
// are held for review with the reason. One dated at or after the revocation or the closing is
// refused. Online redemptions are dated by the server. No I/O.

export const heldReasons = ['before_card', 'before_cycle', 'after_revocation', 'after_close'] as const;
export type Held = (typeof heldReasons)[number];

export const heldText: Record<Held, string> = {
  before_card: 'Dated before its card was issued: held for review.',
  before_cycle: "Dated before the cycle's list was generated: held for review.",
  after_revocation: 'Synced after its card was revoked: held for review.',
  after_close: 'Synced after the cycle was closed: held for review.',
};

export type RedemptionTimes = {
  mode: 'online' | 'offline';
  /** As the device recorded it (offline), or the server's time (online). */
  at: Date;
  cardIssuedAt: Date | null;
  cycleGeneratedAt: Date | null;
  cycleClosedAt: Date | null;
  cardRevokedAt: Date | null;
  /** Why the card was revoked: a damaged or replaced card was still in its household's hands. */
  cardRevokedFor: string | null;
};

export type TimeVerdict = { kind: 'ok' } | { kind: 'held'; held: Held } | { kind: 'refused'; reason: 'revoked' | 'cycle_closed' };

const inHouseholdHands = new Set(['damaged', 'replaced']);
const before = (a: Date, b: Date | null) => b !== null && a.getTime() < b.getTime();
const atOrAfter = (a: Date, b: Date | null) => b !== null && a.getTime() >= b.getTime();

export function timeVerdict(r: RedemptionTimes): TimeVerdict {
  if (r.mode === 'online') {
    if (r.cardRevokedAt) return { kind: 'refused', reason: 'revoked' };
    if (r.cycleClosedAt) return { kind: 'refused', reason: 'cycle_closed' };
    return { kind: 'ok' };
  }
  if (atOrAfter(r.at, r.cardRevokedAt)) return { kind: 'refused', reason: 'revoked' };
  if (atOrAfter(r.at, r.cycleClosedAt)) return { kind: 'refused', reason: 'cycle_closed' };
  if (before(r.at, r.cardIssuedAt)) return { kind: 'held', held: 'before_card' };
  if (before(r.at, r.cycleGeneratedAt)) return { kind: 'held', held: 'before_cycle' };
  if (r.cardRevokedAt && !inHouseholdHands.has(r.cardRevokedFor ?? '')) return { kind: 'held', held: 'after_revocation' };
  if (r.cycleClosedAt) return { kind: 'held', held: 'after_close' };
  return { kind: 'ok' };
}
