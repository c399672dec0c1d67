// Benchmark registries: deterministic, truth consistent with the records, realistic errors, and
// relatives present so that a careless matcher would merge brothers.
import { describe, expect, test } from 'vitest';
import { isGovernorate } from '../../src/places/governorates.ts';
import { generateDedupeSet, generateRegistryPair, type SyntheticRecord } from '../../src/synthetic/registries.ts';

const pair = generateRegistryPair({ people: 6000, seed: 21, overlap: 0.6, crossScriptShare: 0.1 });
const A = [...pair.a];
const B = [...pair.b];
const truth = [...pair.truth];

describe('registry pair', () => {
  test('deterministic for a seed; re-iterating a stream gives it again', () => {
    const again = generateRegistryPair({ people: 6000, seed: 21, overlap: 0.6, crossScriptShare: 0.1 });
    expect([...again.b].slice(0, 500)).toEqual(B.slice(0, 500));
    expect([...pair.a].slice(0, 500)).toEqual(A.slice(0, 500));
    expect([...generateRegistryPair({ people: 6000, seed: 22 }).a].slice(0, 50)).not.toEqual(A.slice(0, 50));
  });

  test('sizes and overlap are as asked', () => {
    expect(Math.abs(A.length - 6000)).toBeLessThan(300);
    expect(Math.abs(B.length - 6000)).toBeLessThan(300);
    expect(truth.length / A.length).toBeGreaterThan(0.55);
    expect(truth.length / A.length).toBeLessThan(0.65);
  });

  test('truth is consistent: ids unique, every pair names existing records of the same cluster, and no other cluster is shared', () => {
    const byA = new Map(A.map((r) => [r.recordId, r]));
    const byB = new Map(B.map((r) => [r.recordId, r]));
    expect(byA.size).toBe(A.length);
    expect(byB.size).toBe(B.length);
    for (const t of truth) expect(byA.get(t.a)?.cluster).toBe(byB.get(t.b)?.cluster);
    const clustersA = new Set(A.map((r) => r.cluster));
    const shared = B.filter((r) => clustersA.has(r.cluster)).length;
    expect(shared).toBe(truth.length);
    expect(new Set(truth.map((t) => t.a)).size).toBe(truth.length);
  });

  test('A is clean: four Arabic parts, exact dates, valid codes', () => {
    for (const r of A) {
      expect(r.givenName && r.fatherName && r.grandfatherName && r.familyName).toBeTruthy();
      expect(r.fullNameEn).toBeUndefined();
      expect(r.nationalId).toMatch(/^[0-9]{9}$/);
      expect(isGovernorate(r.governorate)).toBe(true);
    }
  });

  test('B carries the field errors at realistic rates, and a Latin-only share', () => {
    const byCluster = new Map(A.map((r) => [r.cluster, r]));
    const matched = B.map((b) => [byCluster.get(b.cluster), b] as const).filter((x): x is [SyntheticRecord, SyntheticRecord] => !!x[0]);
    const rate = (f: (a: SyntheticRecord, b: SyntheticRecord) => boolean) => matched.filter(([a, b]) => f(a, b)).length / matched.length;
    const arabic = (_a: SyntheticRecord, b: SyntheticRecord) => b.givenName !== '';
    const latinOnly = 1 - rate(arabic);
    expect(rate((a, b) => arabic(a, b) && b.fullNameEn !== undefined)).toBeGreaterThan(0.1);
    expect(latinOnly).toBeGreaterThan(0.06);
    expect(latinOnly).toBeLessThan(0.14);
    for (const [, b] of matched.filter(([a, b]) => !arabic(a, b))) expect(b.fullNameEn).toMatch(/^[A-Za-z' -]+$/);
    expect(rate((a, b) => arabic(a, b) && b.grandfatherName === '')).toBeGreaterThan(0.08);
    expect(rate((a, b) => arabic(a, b) && b.familyName !== a.familyName)).toBeGreaterThan(0.05);
    expect(rate((a, b) => b.nationalId !== a.nationalId)).toBeGreaterThan(0.05);
    expect(rate((a, b) => b.nationalId !== a.nationalId)).toBeLessThan(0.4);
    expect(rate((a, b) => b.dateOfBirth !== a.dateOfBirth)).toBeGreaterThan(0.1);
    expect(rate((a, b) => b.governorate !== a.governorate)).toBeGreaterThan(0.1);
    // Most of a person's record still agrees.
    expect(rate((a, b) => arabic(a, b) && b.givenName === a.givenName && b.fatherName === a.fatherName)).toBeGreaterThan(0.6);
  });

  test('brothers are present: different people sharing father, grandfather and family names', () => {
    const groups = new Map<string, Set<string>>();
    for (const r of A) {
      const k = `${r.fatherName}|${r.grandfatherName}|${r.familyName}`;
      if (!groups.has(k)) groups.set(k, new Set());
      groups.get(k)!.add(r.cluster);
    }
    const siblingGroups = [...groups.values()].filter((s) => s.size > 1).length;
    expect(siblingGroups).toBeGreaterThan(500);
    // Cousins: same grandfather and family name, different father.
    const cousins = new Map<string, Set<string>>();
    for (const r of A) {
      const k = `${r.grandfatherName}|${r.familyName}`;
      if (!cousins.has(k)) cousins.set(k, new Set());
      cousins.get(k)!.add(r.fatherName);
    }
    expect([...cousins.values()].filter((s) => s.size > 1).length).toBeGreaterThan(100);
  });
});

test('overlap 0 and 1 are the extremes: no common person, or the same people', () => {
  const none = generateRegistryPair({ people: 300, seed: 1, overlap: 0 });
  expect([...none.truth]).toHaveLength(0);
  const all = generateRegistryPair({ people: 300, seed: 1, overlap: 1 });
  const a = [...all.a];
  expect(a).toHaveLength(300);
  expect([...all.b]).toHaveLength(300);
  expect([...all.truth]).toHaveLength(300);
});

describe('dedupe set', () => {
  const records = [...generateDedupeSet({ records: 8000, seed: 4, duplicateRate: 0.25 })];

  test('has exactly the records asked, unique ids, and clusters of one to four', () => {
    expect(records).toHaveLength(8000);
    expect(new Set(records.map((r) => r.recordId)).size).toBe(8000);
    const sizes = new Map<string, number>();
    for (const r of records) sizes.set(r.cluster, (sizes.get(r.cluster) ?? 0) + 1);
    const counts = [...sizes.values()];
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    const dup = counts.filter((c) => c > 1).length / counts.length;
    expect(dup).toBeGreaterThan(0.2);
    expect(dup).toBeLessThan(0.3);
  });

  test('whole households register again: two household ids with the same people', () => {
    const byHousehold = new Map<string, string[]>();
    for (const r of records) byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r.cluster]);
    const seen = new Map<string, number>();
    for (const cs of byHousehold.values()) if (cs.length > 1) seen.set(cs.sort().join(), (seen.get(cs.sort().join()) ?? 0) + 1);
    expect([...seen.values()].filter((v) => v > 1).length).toBeGreaterThan(20);
  });

  test('is deterministic for a seed', () => {
    expect([...generateDedupeSet({ records: 8000, seed: 4, duplicateRate: 0.25 })].slice(-300)).toEqual(records.slice(-300));
  });
});
