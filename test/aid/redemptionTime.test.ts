// When a redemption may stand, judged by its time (src/aid/redemptionTime.ts): pure rules.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type RedemptionTimes, timeVerdict } from '../../src/aid/redemptionTime.ts';

const T = (m: number) => new Date(Date.UTC(2026, 11, 1) + m * 60_000);
const base: RedemptionTimes = {
  mode: 'offline',
  at: T(100),
  cardIssuedAt: T(10),
  cycleGeneratedAt: T(0),
  cycleClosedAt: null,
  cardRevokedAt: null,
  cardRevokedFor: null,
};

describe('offline', () => {
  test('inside the window it may stand', () => {
    expect(timeVerdict(base)).toEqual({ kind: 'ok' });
  });
  test('dated before the card was issued, or before the cycle list: held', () => {
    expect(timeVerdict({ ...base, at: new Date('2000-01-01T00:00:00Z') })).toEqual({ kind: 'held', held: 'before_card' });
    expect(timeVerdict({ ...base, cardIssuedAt: T(-50), at: T(-1) })).toEqual({ kind: 'held', held: 'before_cycle' });
  });
  test('a card revoked as lost or stolen: refused at or after, held before', () => {
    const lost = { ...base, cardRevokedAt: T(200), cardRevokedFor: 'stolen' };
    expect(timeVerdict({ ...lost, at: T(200) })).toEqual({ kind: 'refused', reason: 'revoked' });
    expect(timeVerdict({ ...lost, at: T(150) })).toEqual({ kind: 'held', held: 'after_revocation' });
    expect(timeVerdict({ ...lost, at: new Date('2000-01-01T00:00:00Z') })).toEqual({ kind: 'held', held: 'before_card' });
  });
  test('a card revoked as damaged or replaced was still the household: before the revocation it may stand', () => {
    for (const why of ['damaged', 'replaced'])
      expect(timeVerdict({ ...base, cardRevokedAt: T(200), cardRevokedFor: why })).toEqual({ kind: 'ok' });
  });
  test('a closed cycle: refused at or after the closing, held before', () => {
    expect(timeVerdict({ ...base, cycleClosedAt: T(100) })).toEqual({ kind: 'refused', reason: 'cycle_closed' });
    expect(timeVerdict({ ...base, cycleClosedAt: T(101) })).toEqual({ kind: 'held', held: 'after_close' });
  });
  test('property: nothing dated outside [card issued, cycle closed) ever stands', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.integer({ min: -100, max: 100 }),
        fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
        (at, issued, closed, revoked) => {
          const v = timeVerdict({
            ...base,
            at: T(at),
            cardIssuedAt: T(issued),
            cycleClosedAt: closed === null ? null : T(closed),
            cardRevokedAt: revoked === null ? null : T(revoked),
            cardRevokedFor: 'lost',
          });
          const inside = at >= issued && at >= 0 && closed === null && revoked === null;
          expect(v.kind === 'ok').toBe(inside);
        },
      ),
    );
  });
});

test('online: the server dates it; a revoked card or a closed cycle is refused', () => {
  const online = { ...base, mode: 'online' as const };
  expect(timeVerdict(online)).toEqual({ kind: 'ok' });
  expect(timeVerdict({ ...online, cardRevokedAt: T(0), cardRevokedFor: 'damaged' })).toEqual({ kind: 'refused', reason: 'revoked' });
  expect(timeVerdict({ ...online, cycleClosedAt: T(0) })).toEqual({ kind: 'refused', reason: 'cycle_closed' });
});
