// The disclosure rule: who sees only aggregates (from the permission matrix), primary suppression
// of counts 1..4 and secondary suppression so that no withheld cell is a total minus published parts.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { suppressReach, suppressReconciliation } from '../../src/aid/reportDisclosure.ts';
import { reconcile, totalsByItem } from '../../src/aid/stock.ts';
import {
  aggregateOnlyRoles,
  cellText,
  isSmallCount,
  MIN_CELL,
  type Relation,
  seesOnlyAggregates,
  suppress,
  tableBuilder,
} from '../../src/shared/disclosure.ts';
import { allows } from '../../src/shared/permissions.ts';
import { roles } from '../../src/shared/roles.ts';

describe('who sees only aggregates', () => {
  test('exactly the roles that may not open a person record: analysts, auditors, the reconstruction committee and vendors today', () => {
    expect(MIN_CELL).toBe(5);
    expect([...aggregateOnlyRoles].sort()).toEqual(['analyst', 'auditor', 'reconstruction_committee', 'vendor']);
    for (const r of roles) expect(seesOnlyAggregates(r)).toBe(!allows('GET /api/v1/persons/:id', r));
  });
});

describe('suppress', () => {
  test('counts 1..4 become null, 0 and 5+ stay, quantities are not counts', () => {
    expect(suppress({ cells: [0, 1, 4, 5, 120], counts: 'all' })).toEqual([0, null, null, 5, 120]);
    expect(suppress({ cells: [3, 3], counts: [true, false] })).toEqual([null, 3]);
    expect(cellText(null)).toBe('<5');
    expect(cellText(0)).toBe(0);
    expect(isSmallCount(0)).toBe(false);
  });

  test('a row total with one small part: the smallest other positive part is withheld too', () => {
    // total 20 = 3 + 9 + 0 + 8: 3 withheld, then 8 (the smallest positive part), the 0 stays
    expect(suppress({ cells: [20, 3, 9, 0, 8], counts: 'all', relations: [{ total: 0, parts: [1, 2, 3, 4] }] })).toEqual([
      20,
      null,
      9,
      0,
      null,
    ]);
  });

  test('a small total withholds its parts; the total is withheld when no part is left', () => {
    expect(suppress({ cells: [4, 4, 0], counts: 'all', relations: [{ total: 0, parts: [1, 2] }] })).toEqual([null, null, 0]);
    // people >= female + male (sex unknown not published): female 3 withheld, male 0, so people goes
    expect(suppress({ cells: [10, 3, 0], counts: 'all', relations: [{ total: 0, parts: [1, 2] }] })).toEqual([null, null, 0]);
  });

  test('links: a quantity goes with its count of households, and drags its own relation along', () => {
    const b = tableBuilder();
    const hhA = b.count(2);
    const hhB = b.count(40);
    const hhT = b.count(42);
    const qA = b.amount(2);
    const qB = b.amount(40);
    const qT = b.amount(42);
    b.relate(hhT, [hhA, hhB]);
    b.relate(qT, [qA, qB]);
    b.link([hhA, qA]);
    b.link([hhB, qB]);
    expect(b.publish()).toEqual([null, null, 42, null, null, 42]);
  });
});

/** A table of r x c counts with row totals, column totals and a grand total, as cells and relations. */
function grid(values: number[][]): { cells: number[]; relations: Relation[] } {
  const rows = values.length;
  const cols = values[0]!.length;
  const cells = values.flat();
  const idx = (i: number, j: number) => i * cols + j;
  const relations: Relation[] = [];
  const rowTotals = values.map((row) => cells.push(row.reduce((a, b) => a + b, 0)) - 1);
  const colTotals = [...Array(cols).keys()].map((j) => cells.push(values.reduce((a, row) => a + row[j]!, 0)) - 1);
  const grand = cells.push(cells.slice(0, rows * cols).reduce((a, b) => a + b, 0)) - 1;
  values.forEach((_, i) => {
    relations.push({ total: rowTotals[i]!, parts: [...Array(cols).keys()].map((j) => idx(i, j)) });
  });
  for (let j = 0; j < cols; j++) relations.push({ total: colTotals[j]!, parts: values.map((_, i) => idx(i, j)) });
  relations.push({ total: grand, parts: rowTotals });
  relations.push({ total: grand, parts: colTotals });
  return { cells, relations };
}

/** Cells a reader recomputes from published cells by repeated subtraction (a relation with one unknown). */
function derivable(published: (number | null)[], relations: Relation[]): Set<number> {
  const known = published.map((v) => v !== null);
  const found = new Set<number>();
  for (let again = true; again; ) {
    again = false;
    for (const r of relations) {
      const unknown = [r.total, ...r.parts].filter((i) => !known[i]);
      if (unknown.length !== 1) continue;
      known[unknown[0]!] = true;
      found.add(unknown[0]!);
      again = true;
    }
  }
  return found;
}

describe('property: a suppressed table', () => {
  const small = fc.oneof(fc.constantFrom(0, 0, 1, 2, 3, 4), fc.integer({ min: 0, max: 60 }));
  const tables = fc
    .integer({ min: 1, max: 5 })
    .chain((c) => fc.array(fc.array(small, { minLength: c, maxLength: c }), { minLength: 1, maxLength: 6 }));

  test('publishes no count 1..4, keeps every other published cell exact, and no withheld cell is derivable from totals', () => {
    fc.assert(
      fc.property(tables, (values) => {
        const { cells, relations } = grid(values);
        const out = suppress({ cells, counts: 'all', relations });
        out.forEach((v, i) => {
          if (v !== null) {
            expect(isSmallCount(v)).toBe(false);
            expect(v).toBe(cells[i]);
          }
          if (cells[i] === 0) expect(v).toBe(0);
        });
        expect(derivable(out, relations).size).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the aid reports as tables (src/aid/reportDisclosure.ts)', () => {
  const counts = (households: number, female: number, male: number) => ({
    households,
    people: female + male,
    female,
    male,
    f_0_17: 0,
    m_0_17: 0,
    f_18_59: female,
    m_18_59: male,
    f_60_plus: 0,
    m_60_plus: 0,
  });
  const row = (level: 'governorate' | 'site', siteId: string | null, hh: number, f: number, m: number, q: number) => ({
    governorate: 'PS0260',
    siteId,
    level,
    item: 'food_parcel',
    unit: 'parcel',
    targeted: counts(hh, f, m),
    reached: counts(hh, f, m),
    entitledQuantity: q,
    distributedQuantity: q,
    coverage: 1,
  });

  test('a small site: its cells, a second site to protect it, its quantities and coverage withheld; the governorate row stays', () => {
    const rows = [row('governorate', null, 23, 40, 38, 23), row('site', 'a', 3, 5, 4, 3), row('site', 'b', 20, 35, 34, 20)];
    const [gov, a, b] = suppressReach(rows);
    expect(gov!.targeted).toEqual(rows[0]!.targeted);
    expect(a!.targeted.households).toBeNull();
    expect(a!.entitledQuantity).toBeNull(); // one parcel a household would give 3 away
    expect(a!.coverage).toBeNull();
    expect(b!.targeted.households).toBeNull(); // else 23 - 20 = 3
    expect(b!.entitledQuantity).toBeNull();
    expect(a!.targeted.female).toBe(5);
    // linked both ways: a quantity withheld as a complement would otherwise be recomputed from its count
    expect(a!.targeted.people).toBeNull();
  });

  test('reconciliation: a point with 2 households redeemed hides its count and standing quantity, and a second point too', () => {
    const point = (pointId: string, entitledHouseholds: number, redeemedHouseholds: number) =>
      reconcile({
        pointId,
        item: 'food_parcel',
        unit: 'parcel',
        entitled: entitledHouseholds,
        entitledHouseholds,
        standing: redeemedHouseholds,
        conflicts: 0,
        redeemedHouseholds,
        dispatched: entitledHouseholds,
        returned: 0,
        lost: 0,
      });
    const points = [point('p1', 30, 2), point('p2', 40, 25)];
    const out = suppressReconciliation(points, totalsByItem(points));
    expect(out.points[0]!.redeemedHouseholds).toBeNull();
    expect(out.points[0]!.standing).toBeNull();
    expect(out.points[1]!.redeemedHouseholds).toBeNull();
    expect(out.totals[0]!.redeemedHouseholds).toBe(27);
    expect(out.points[0]!.dispatched).toBe(30);
    for (const p of out.points) expect(isSmallCount(p.entitledHouseholds ?? 0) || isSmallCount(p.redeemedHouseholds ?? 0)).toBe(false);
  });
});
