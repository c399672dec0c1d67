// The pure rules of transitional shelter cash: when it ends (the earliest of the last tranche and a
// move into a habitable unit), which months are due, and, over random histories of payment runs,
// moves and releases, that no month is paid after the end nor twice.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  dueMonths,
  endAfter,
  monthOf,
  nextMonth,
  paysNow,
  type ShelterEnd,
  shelterMonthDue,
  unitHabitable,
} from '../../src/reconstruction/shelterCash.ts';

const plan = { monthly: 250, from: '2026-03-15', until: null as string | null };

test('months due: from the opening month to the end month, never in the future, never without an amount', () => {
  expect(shelterMonthDue(plan, '2026-02', '2026-12')).toBe(false);
  expect(shelterMonthDue(plan, '2026-03', '2026-12')).toBe(true);
  expect(shelterMonthDue(plan, '2026-12', '2026-12')).toBe(true);
  expect(shelterMonthDue(plan, '2027-01', '2026-12')).toBe(false);
  const ended = { ...plan, until: '2026-06-02' };
  expect(shelterMonthDue(ended, '2026-06', '2026-12')).toBe(true);
  expect(shelterMonthDue(ended, '2026-07', '2026-12')).toBe(false);
  expect(shelterMonthDue({ ...plan, monthly: 0 }, '2026-04', '2026-12')).toBe(false);
  expect(shelterMonthDue({ ...plan, until: '2026-03-01' }, '2026-03', '2026-12')).toBe(false); // ended before it began
  expect(dueMonths(ended, '2026-12')).toEqual(['2026-03', '2026-04', '2026-05', '2026-06']);
  expect(paysNow(plan, '2026-04', '2026-12', new Set(['2026-04']))).toBe(false);
  expect(nextMonth('2026-12')).toBe('2027-01');
});

test('the end: the earlier event wins and a recorded end is never pushed later', () => {
  const tranche: ShelterEnd = { until: '2026-09-01', reason: 'last_tranche' };
  const move: ShelterEnd = { until: '2026-07-10', reason: 'moved' };
  expect(endAfter(null, move)).toEqual(move);
  expect(endAfter(move, tranche)).toBeNull();
  expect(endAfter(tranche, move)).toEqual(move);
  expect(endAfter(move, move)).toBeNull();
});

test('a unit is habitable when its latest assessment says so or minor damage, or its own plan is complete', () => {
  expect(unitHabitable({ assessment: null, planComplete: false })).toBe(false);
  expect(unitHabitable({ assessment: null, planComplete: true })).toBe(true);
  expect(unitHabitable({ assessment: { habitable: true, damageClass: 'major' }, planComplete: false })).toBe(true);
  expect(unitHabitable({ assessment: { habitable: false, damageClass: 'minor' }, planComplete: false })).toBe(true);
  expect(unitHabitable({ assessment: { habitable: false, damageClass: 'severe' }, planComplete: false })).toBe(false);
});

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
type Event =
  | { kind: 'pay'; back: number }
  | { kind: 'move'; habitable: boolean; planComplete: boolean }
  | { kind: 'lastTranche' }
  | { kind: 'wait'; days: number };
const event: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), back: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('move' as const), habitable: fc.boolean(), planComplete: fc.boolean() }),
  fc.record({ kind: fc.constant('lastTranche' as const) }),
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 70 }) }),
);
const monthsBack = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) - n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
};

test('property: over any history, shelter cash is never paid for a month after the end, nor twice', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 400 }), fc.array(event, { maxLength: 60 }), (start, events) => {
      let today = start;
      let end: ShelterEnd | null = null;
      const from = day(start);
      const ledger: string[] = [];
      for (const e of events) {
        const p = { monthly: 250, from, until: end?.until ?? null };
        if (e.kind === 'wait') today += e.days;
        else if (e.kind === 'lastTranche') end = endAfter(end, { until: day(today), reason: 'last_tranche' }) ?? end;
        else if (
          e.kind === 'move' &&
          unitHabitable({ assessment: { habitable: e.habitable, damageClass: 'major' }, planComplete: e.planComplete })
        )
          end = endAfter(end, { until: day(today), reason: 'moved' }) ?? end;
        else if (e.kind === 'pay') {
          const month = monthsBack(monthOf(day(today)), e.back);
          if (paysNow(p, month, monthOf(day(today)), new Set(ledger))) ledger.push(month);
        }
      }
      expect(new Set(ledger).size).toBe(ledger.length);
      if (end) expect(ledger.every((m) => m <= monthOf(end!.until))).toBe(true);
      expect(ledger.every((m) => m >= monthOf(from) && m <= monthOf(day(today)))).toBe(true);
    }),
  );
});
