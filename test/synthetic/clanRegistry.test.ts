// Clan-shaped synthetic registries (generateClanRegistry): deterministic by seed, the duplicate
// rate asked for, brothers' households sharing father, grandfather and family name, eldest sons
// named after their grandfather (cousins differing only in the father's name), and second
// registrations with field errors.
import { expect, test } from 'vitest';
import { generateClanRegistry } from '../../src/synthetic/registries.ts';

const take = (persons: number, duplicateRate: number, seed = 3) => [...generateClanRegistry({ persons, seed, duplicateRate })];

test('the same seed gives the same registry; another seed another', () => {
  expect(take(500, 0.1)).toEqual(take(500, 0.1));
  expect(take(500, 0.1, 4)).not.toEqual(take(500, 0.1));
});

test('duplicate rates from 0 to 30%: the share of people registered twice follows the rate', () => {
  for (const rate of [0, 0.02, 0.1, 0.3]) {
    const recs = take(20_000, rate);
    expect(recs).toHaveLength(20_000);
    const people = new Set(recs.map((r) => r.cluster)).size;
    const twice = (recs.length - people) / people;
    expect(twice).toBeGreaterThanOrEqual(rate * 0.8);
    expect(twice).toBeLessThanOrEqual(rate * 1.2 + 0.001);
  }
  expect(() => take(10, 0.31)).toThrow(RangeError);
});

test('clan-shaped: many men share father, grandfather and family name; cousins share the given name and differ in the father', () => {
  const recs = take(20_000, 0).filter((r) => r.givenName && r.grandfatherName);
  const lineage = new Map<string, Set<string>>();
  for (const r of recs) {
    const k = `${r.fatherName}|${r.grandfatherName}|${r.familyName}`;
    lineage.set(k, (lineage.get(k) ?? new Set()).add(r.householdId));
  }
  // brothers' households: one lineage (father, grandfather, family) in several households
  const shared = [...lineage.values()].filter((h) => h.size >= 2).length;
  expect(shared).toBeGreaterThan(300);
  // cousins named after their grandfather: same given, grandfather and family name, other fathers
  const named = new Map<string, Set<string>>();
  for (const r of recs.filter((x) => x.givenName === x.grandfatherName && x.sex === 'male')) {
    const k = `${r.givenName}|${r.familyName}`;
    named.set(k, (named.get(k) ?? new Set()).add(r.fatherName));
  }
  expect([...named.values()].filter((f) => f.size >= 2).length).toBeGreaterThan(50);
});

test('second registrations carry field errors: Latin-only names, no grandfather, year-only births, other IDs or governorates', () => {
  const recs = take(30_000, 0.3);
  const byCluster = new Map<string, typeof recs>();
  for (const r of recs) byCluster.set(r.cluster, [...(byCluster.get(r.cluster) ?? []), r]);
  const pairs = [...byCluster.values()].filter((g) => g.length === 2);
  const count = (f: (a: (typeof recs)[number], b: (typeof recs)[number]) => boolean) => pairs.filter(([a, b]) => f(a!, b!)).length;
  expect(count((a, b) => !a.givenName || !b.givenName)).toBeGreaterThan(pairs.length * 0.05);
  expect(count((a, b) => !!a.grandfatherName !== !!b.grandfatherName)).toBeGreaterThan(pairs.length * 0.05);
  expect(count((a, b) => (a.dateOfBirth?.length ?? 0) !== (b.dateOfBirth?.length ?? 0))).toBeGreaterThan(pairs.length * 0.03);
  expect(count((a, b) => !!a.nationalId && !!b.nationalId && a.nationalId !== b.nationalId)).toBeGreaterThan(0);
  expect(count((a, b) => a.governorate !== b.governorate)).toBeGreaterThan(0);
});
