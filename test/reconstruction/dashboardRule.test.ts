// The reconstruction dashboard as published (src/reconstruction/dashboard.ts), without a database:
// random facts over governorates and localities; for an aggregate-only role no count of 1 to 4 is
// published, every published cell is exact, zeros stay zeros, no sum a reader could subtract along
// has exactly one withheld cell, and a grant paid or a governorate's materials are withheld with
// their count of cases. Exact for everyone else.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  assembleDashboard,
  type Dashboard,
  type Fact,
  type Figures,
  fieldKeys,
  publishDashboard,
  remoteKeys,
} from '../../src/reconstruction/dashboard.ts';
import { claimStates } from '../../src/shared/claims.ts';

const GOVS = ['PS0255', 'PS0260', 'PS0270'];
const LOCS = [null, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];

const fact = fc.record({
  governorate: fc.constantFrom(...GOVS),
  localityId: fc.constantFrom(...LOCS),
  pick: fc.nat(40),
  n: fc.integer({ min: 1, max: 12 }),
});

/** Facts as the store counts them: every unit has a remote and a field key (not_assessed when none). */
function factsOf(raw: { governorate: string; localityId: string | null; pick: number; n: number }[]): Fact[] {
  const options: [Fact['measure'], string][] = [
    ...remoteKeys.map((k) => ['buildings_remote', k] as [Fact['measure'], string]),
    ...remoteKeys.map((k) => ['units_remote', k] as [Fact['measure'], string]),
    ...claimStates.map((k) => ['claims', k] as [Fact['measure'], string]),
    ['plans', ''],
    ['paid_cases', ''],
    ['paid', ''],
  ];
  return raw.flatMap((r): Fact[] => {
    const [measure, key] = options[r.pick % options.length]!;
    const at = { governorate: r.governorate, localityId: r.localityId };
    if (measure === 'units_remote')
      return [
        { ...at, measure, key, n: r.n },
        { ...at, measure: 'units_field' as const, key: fieldKeys[r.pick % fieldKeys.length]!, n: r.n },
      ];
    return [{ ...at, measure, key, n: measure === 'paid' ? r.n * 1000 : r.n }];
  });
}

const countsOf = (f: Figures<number | null>) => [
  f.units.total,
  f.units.damaged,
  ...Object.values(f.units.remote),
  ...Object.values(f.units.field),
  f.claims.total,
  ...Object.values(f.claims.byState),
  f.grants.plans,
  f.grants.paidCases,
];

function areas<N>(d: Dashboard<N>): Figures<N>[] {
  return [d.totals, ...d.governorates.flatMap((g) => [g, ...g.localities])];
}

test('published to an aggregate-only role: no small count, exact cells, no lone withheld cell in a sum', () => {
  fc.assert(
    fc.property(fc.array(fact, { maxLength: 60 }), (raw) => {
      const exact = assembleDashboard({
        governorates: GOVS,
        facts: factsOf(raw),
        localities: [],
        funds: [],
        projects: new Map(),
        materials: GOVS.map((governorate) => ({ governorate, item: 'cement', quota: 10, sold: 4, installed: 2, leftVendors: 1 })),
      });
      expect(publishDashboard(exact, false)).toEqual(exact);
      const pub = publishDashboard(exact, true);
      const [e, p] = [areas(exact), areas(pub)];
      for (const [i, a] of p.entries()) {
        const ex = countsOf(e[i]!);
        for (const [j, v] of countsOf(a).entries()) {
          if (v !== null) expect(v).toBe(ex[j]);
          else expect(ex[j]).toBeGreaterThan(0);
          if (v !== null) expect(v === 0 || v >= 5).toBe(true);
        }
        // a paid amount is never published beside a withheld count of the cases paid
        if (a.grants.paidCases === null) expect(a.grants.paid === null || a.grants.paid === 0).toBe(true);
        // inside an area: units by remote class, by field class, claims by state
        const lone = (cells: (number | null)[]) => cells.filter((c) => c === null).length !== 1;
        expect(lone([a.units.total, ...Object.values(a.units.remote)])).toBe(true);
        expect(lone([a.units.total, ...Object.values(a.units.field)])).toBe(true);
        expect(lone([a.claims.total, ...Object.values(a.claims.byState)])).toBe(true);
      }
      // along the areas: a governorate and its localities, the totals and the governorates
      const sums: [Figures<number | null>, Figures<number | null>[]][] = [
        [pub.totals, pub.governorates],
        ...pub.governorates.map((g): [Figures<number | null>, Figures<number | null>[]] => [g, g.localities]),
      ];
      for (const [whole, parts] of sums) {
        if (parts.length === 0) continue;
        const w = countsOf(whole);
        const ps = parts.map(countsOf);
        for (const [j, cell] of w.entries()) expect([cell, ...ps.map((x) => x[j]!)].filter((c) => c === null).length).not.toBe(1);
      }
      for (const g of pub.governorates)
        for (const m of g.materials) if (g.grants.plans === null) expect([m.quota, m.sold, m.installed]).toEqual([null, null, null]);
    }),
    { numRuns: 150 },
  );
});
