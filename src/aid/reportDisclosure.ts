// Small-cell suppression of the aid reports for the roles that see only aggregates (the rule is
// src/shared/disclosure.ts): the reach report and the reconciliation as tables of cells with the
// sums a reader could subtract (a governorate's row is the sum of its sites' rows, the item totals
// the sum of the points, people = women + men ...) and the quantities that would give a count away
// (a parcel per household, litres per person) withheld with their count. No I/O.
import { tableBuilder } from '../shared/disclosure.ts';
import type { ReconRow, ReconTotal } from './stock.ts';

export const COUNT_GROUPS = ['female', 'male', 'f_0_17', 'm_0_17', 'f_18_59', 'm_18_59', 'f_60_plus', 'm_60_plus'] as const;
const COUNT_KEYS = ['households', 'people', ...COUNT_GROUPS] as const;
type CountKey = (typeof COUNT_KEYS)[number];
export type Counts = Record<CountKey, number>;
export type PublishedCounts = Record<CountKey, number | null>;

export type ReachRow = {
  governorate: string | null;
  siteId: string | null;
  level: 'governorate' | 'site';
  item: string;
  unit: string;
  targeted: Counts;
  reached: Counts;
  entitledQuantity: number;
  distributedQuantity: number;
  coverage: number | null;
};
export type PublishedReachRow = Omit<ReachRow, 'targeted' | 'reached' | 'entitledQuantity' | 'distributedQuantity'> & {
  targeted: PublishedCounts;
  reached: PublishedCounts;
  entitledQuantity: number | null;
  distributedQuantity: number | null;
};

type Builder = ReturnType<typeof tableBuilder>;
type CountCells = Record<CountKey, number>;

function countCells(b: Builder, c: Counts): CountCells {
  const cells = Object.fromEntries(COUNT_KEYS.map((k) => [k, b.count(c[k])])) as CountCells;
  b.relate(cells.people, [cells.female, cells.male]);
  b.relate(cells.female, [cells.f_0_17, cells.f_18_59, cells.f_60_plus]);
  b.relate(cells.male, [cells.m_0_17, cells.m_18_59, cells.m_60_plus]);
  return cells;
}

/** Households reached / households entitled, to 4 places; none when either is withheld or 0. */
export function coverage(reached: number | null, targeted: number | null): number | null {
  return reached === null || !targeted ? null : Math.round((reached / targeted) * 10000) / 10000;
}

/** The reach rows as an aggregate-only role may see them. */
export function suppressReach(rows: readonly ReachRow[]): PublishedReachRow[] {
  const b = tableBuilder();
  const cells = rows.map((r) => {
    const targeted = countCells(b, r.targeted);
    const reached = countCells(b, r.reached);
    const entitled = b.amount(r.entitledQuantity);
    const distributed = b.amount(r.distributedQuantity);
    b.link([targeted.households, targeted.people, entitled]);
    b.link([reached.households, reached.people, distributed]);
    return { targeted, reached, entitled, distributed };
  });
  const sitesOf = new Map<string, number[]>();
  rows.forEach((s, j) => {
    if (s.level !== 'site') return;
    const key = `${s.governorate}\u0000${s.item}`;
    const list = sitesOf.get(key);
    if (list) list.push(j);
    else sitesOf.set(key, [j]);
  });
  rows.forEach((r, i) => {
    if (r.level !== 'governorate') return;
    const parts = sitesOf.get(`${r.governorate}\u0000${r.item}`) ?? [];
    const whole = cells[i]!;
    const of = parts.map((j) => cells[j]!);
    for (const k of COUNT_KEYS) {
      b.relate(
        whole.targeted[k],
        of.map((c) => c.targeted[k]),
      );
      b.relate(
        whole.reached[k],
        of.map((c) => c.reached[k]),
      );
    }
    b.relate(
      whole.entitled,
      of.map((c) => c.entitled),
    );
    b.relate(
      whole.distributed,
      of.map((c) => c.distributed),
    );
  });
  const out = b.publish();
  const counts = (c: CountCells) => Object.fromEntries(COUNT_KEYS.map((k) => [k, out[c[k]]!])) as PublishedCounts;
  return rows.map((r, i) => {
    const c = cells[i]!;
    const targeted = counts(c.targeted);
    const reached = counts(c.reached);
    return {
      ...r,
      targeted,
      reached,
      entitledQuantity: out[c.entitled]!,
      distributedQuantity: out[c.distributed]!,
      coverage: coverage(reached.households, targeted.households),
    };
  });
}

const RECON_KEYS = [
  'entitled',
  'entitledHouseholds',
  'distributed',
  'standing',
  'conflicts',
  'redeemedHouseholds',
  'outstanding',
  'dispatched',
  'returned',
  'lost',
  'remaining',
] as const;
type ReconKey = (typeof RECON_KEYS)[number];
type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };
export type PublishedReconRow = Nullable<ReconRow, ReconKey>;
export type PublishedReconTotal = Nullable<ReconTotal, ReconKey>;

const HOUSEHOLD_COUNTS: ReadonlySet<ReconKey> = new Set(['entitledHouseholds', 'redeemedHouseholds']);

function reconCells(b: Builder, r: Pick<ReconRow, ReconKey>): Record<ReconKey, number> {
  const c = Object.fromEntries(RECON_KEYS.map((k) => [k, HOUSEHOLD_COUNTS.has(k) ? b.count(r[k]) : b.amount(r[k])])) as Record<
    ReconKey,
    number
  >;
  b.link([c.entitledHouseholds, c.entitled]);
  b.link([c.redeemedHouseholds, c.standing]);
  b.relate(c.distributed, [c.standing, c.conflicts]);
  b.relate(c.entitled, [c.outstanding, c.standing]);
  b.relate(c.dispatched, [c.returned, c.lost, c.distributed, c.remaining]);
  return c;
}

/** Per day and item: handed out, households whose redemption stands, dispatched to the points. */
export type ReconDay = { day: string; item: string; unit: string; distributed: number; households: number; dispatched: number };
export type PublishedReconDay = Nullable<ReconDay, 'distributed' | 'households' | 'dispatched'>;

/**
 * The reconciliation as an aggregate-only role may see it: points, item totals and days, one table
 * (an item's days add up to its total: handed out, households, dispatched).
 */
export function suppressReconciliation(
  points: readonly ReconRow[],
  totals: readonly ReconTotal[],
  days: readonly ReconDay[] = [],
): { points: PublishedReconRow[]; totals: PublishedReconTotal[]; days: PublishedReconDay[] } {
  const b = tableBuilder();
  const p = points.map((r) => reconCells(b, r));
  const t = totals.map((r) => reconCells(b, r));
  const d = days.map((r) => {
    const c = { households: b.count(r.households), distributed: b.amount(r.distributed), dispatched: b.amount(r.dispatched) };
    b.link([c.households, c.distributed]);
    return c;
  });
  totals.forEach((tot, i) => {
    const of = days.flatMap((r, j) => (r.item === tot.item ? [d[j]!] : []));
    b.relate(
      t[i]!.distributed,
      of.map((c) => c.distributed),
    );
    b.relate(
      t[i]!.redeemedHouseholds,
      of.map((c) => c.households),
    );
    b.relate(
      t[i]!.dispatched,
      of.map((c) => c.dispatched),
    );
  });
  totals.forEach((tot, i) => {
    const parts = points.flatMap((r, j) => (r.item === tot.item ? [p[j]!] : []));
    for (const k of RECON_KEYS)
      b.relate(
        t[i]![k],
        parts.map((c) => c[k]),
      );
  });
  const out = b.publish();
  const pick = (c: Record<ReconKey, number>) =>
    Object.fromEntries(RECON_KEYS.map((k) => [k, out[c[k]]!])) as Record<ReconKey, number | null>;
  return {
    points: points.map((r, i) => ({ ...r, ...pick(p[i]!) })),
    totals: totals.map((r, i) => ({ ...r, ...pick(t[i]!) })),
    days: days.map((r, i) => ({
      ...r,
      households: out[d[i]!.households]!,
      distributed: out[d[i]!.distributed]!,
      dispatched: out[d[i]!.dispatched]!,
    })),
  };
}
