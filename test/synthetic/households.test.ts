// Synthetic households: reproducible, in the four-part naming pattern, with valid codes, IDs,
// phones and events, realistic sizes, and generated in constant memory.
import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isGovernorate } from '../../src/places/governorates.ts';
import { isValidNationalId } from '../../src/registry/nationalId.ts';
import { parsePhone } from '../../src/registry/phone.ts';
import { displacementReasons, relationships, vulnerabilityKinds } from '../../src/registry/vocabulary.ts';
import { REFERENCE_DATE } from '../../src/synthetic/attributes.ts';
import { buildHousehold, generateHouseholds, type SyntheticHousehold } from '../../src/synthetic/households.ts';

const sample: SyntheticHousehold[] = [...generateHouseholds({ households: 8_000, seed: 11 })];
const persons = sample.flatMap((h) => h.members);

describe('determinism', () => {
  test('the same seed gives the same households; another seed does not', () => {
    const a = [...generateHouseholds({ households: 300, seed: 5 })];
    expect([...generateHouseholds({ households: 300, seed: 5 })]).toEqual(a);
    expect([...generateHouseholds({ households: 300, seed: 6 })]).not.toEqual(a);
  });

  test('a range generated on its own equals the same range of a longer run', () => {
    const all = [...generateHouseholds({ households: 120, seed: 9 })];
    expect([...generateHouseholds({ households: 20, seed: 9, startIndex: 100 })]).toEqual(all.slice(100));
  });
});

test('any household of any seed keeps the invariants', () => {
  fc.assert(
    fc.property(fc.integer(), fc.integer({ min: 0, max: 50_000_000 }), (seed, index) => {
      const { household: h, truth } = buildHousehold(seed, index);
      expect(buildHousehold(seed, index).household).toEqual(h);
      expect(truth).toHaveLength(h.members.length);
      expect(h.members.filter((m) => m.relationship === 'head')).toHaveLength(1);
      expect(h.members.length).toBeLessThanOrEqual(15);
      expect(isGovernorate(h.governorate) && isGovernorate(h.currentGovernorate)).toBe(true);
      const head = h.members[0]!;
      for (const m of h.members) {
        expect(m.householdId).toBe(h.householdId);
        expect(m.recordId.startsWith(h.householdId)).toBe(true);
        if (m.nationalId !== undefined) expect(m.nationalId).toMatch(/^[0-9]{9}$/);
        if (m.phone !== undefined) expect(m.phone).toMatch(/^\+97[02]5[0-9]{8}$/);
        if (head.sex === 'male' && (m.relationship === 'son' || m.relationship === 'daughter')) {
          expect([m.fatherName, m.grandfatherName, m.familyName]).toEqual([head.givenName, head.fatherName, head.familyName]);
        }
        if (m.relationship === 'grandchild') expect(m.grandfatherName).toBe(head.givenName);
      }
    }),
    { numRuns: 300 },
  );
});

describe('family pattern', () => {
  test("children's father name is the head's given name and grandfather name the head's father name", () => {
    let checked = 0;
    for (const h of sample) {
      const head = h.members[0]!;
      expect(head.relationship).toBe('head');
      if (head.sex !== 'male') continue;
      for (const c of h.members.filter((m) => m.relationship === 'son' || m.relationship === 'daughter')) {
        expect(c.fatherName).toBe(head.givenName);
        expect(c.grandfatherName).toBe(head.fatherName);
        expect(c.familyName).toBe(head.familyName);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8_000);
  });

  test('siblings share three of four name parts; brothers and sisters of the head share his father', () => {
    for (const h of sample) {
      const kids = h.members.filter((m) => m.relationship === 'son' || m.relationship === 'daughter');
      for (const k of kids) {
        expect([k.fatherName, k.grandfatherName, k.familyName]).toEqual([
          kids[0]!.fatherName,
          kids[0]!.grandfatherName,
          kids[0]!.familyName,
        ]);
      }
      const head = h.members[0]!;
      for (const s of h.members.filter((m) => m.relationship === 'brother' || m.relationship === 'sister')) {
        expect([s.fatherName, s.grandfatherName, s.familyName]).toEqual([head.fatherName, head.grandfatherName, head.familyName]);
      }
    }
  });

  test('exactly one head per household; relationships from the vocabulary; sizes 1 to 15 with a mean near 5.5', () => {
    for (const h of sample) {
      expect(h.members.filter((m) => m.relationship === 'head')).toHaveLength(1);
      expect(h.members.length).toBeGreaterThanOrEqual(1);
      expect(h.members.length).toBeLessThanOrEqual(15);
      expect(h.members.filter((m) => !(relationships as readonly string[]).includes(m.relationship))).toEqual([]);
    }
    const mean = persons.length / sample.length;
    expect(mean).toBeGreaterThan(5);
    expect(mean).toBeLessThan(6);
  });

  test('female-, child- and elderly-headed households all occur; the population is young', () => {
    const heads = sample.map((h) => h.members[0]!);
    const share = (f: (p: (typeof heads)[number]) => boolean) => heads.filter(f).length / heads.length;
    expect(share((p) => p.sex === 'female')).toBeGreaterThan(0.05);
    expect(share((p) => (p.age ?? 99) < 18)).toBeGreaterThan(0.001);
    expect(share((p) => (p.age ?? 0) >= 60)).toBeGreaterThan(0.05);
    const under18 = persons.filter((p) => p.age !== undefined && p.age < 18).length / persons.length;
    expect(under18).toBeGreaterThan(0.35);
    expect(under18).toBeLessThan(0.55);
  });
});

describe('attributes', () => {
  test('about 2% of IDs fail the check digit on purpose; the rest are valid and unique', () => {
    const ids = persons.flatMap((p) => (p.nationalId ? [p.nationalId] : []));
    expect(ids.filter((id) => !/^[0-9]{9}$/.test(id))).toEqual([]);
    const bad = ids.filter((id) => !isValidNationalId(id)).length / ids.length;
    expect(bad).toBeGreaterThan(0.01);
    expect(bad).toBeLessThan(0.03);
    const valid = ids.filter(isValidNationalId);
    expect(new Set(valid).size).toBe(valid.length);
    expect(ids.length / persons.length).toBeGreaterThan(0.9);
  });

  test('phones are mobile numbers in E.164 under +970 or +972, some missing', () => {
    const phones = persons.flatMap((p) => (p.phone ? [p.phone] : []));
    expect(phones.length).toBeGreaterThan(0.2 * persons.length);
    expect(phones.length).toBeLessThan(persons.length);
    expect(phones.filter((ph) => !/^\+97[02]5[0-9]{8}$/.test(ph))).toEqual([]);
    expect(
      phones.filter((ph) => {
        const r = parsePhone(ph);
        return !r.ok || r.value !== ph;
      }),
    ).toEqual([]);
    expect(phones.some((p) => p.startsWith('+970'))).toBe(true);
    expect(phones.some((p) => p.startsWith('+972'))).toBe(true);
  });

  test('dates of birth: format matches precision, and exact dates agree with the age', () => {
    const ref = REFERENCE_DATE;
    const counts: Record<string, number> = {};
    for (const p of persons) {
      counts[p.dobPrecision ?? 'none'] = (counts[p.dobPrecision ?? 'none'] ?? 0) + 1;
      if (p.dobPrecision === 'exact') {
        expect(p.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (!p.dateOfBirth!.endsWith('-01-01')) {
          const y = Number(ref.slice(0, 4)) - Number(p.dateOfBirth!.slice(0, 4)) - (p.dateOfBirth!.slice(5) > ref.slice(5) ? 1 : 0);
          expect(p.age).toBe(y);
        }
      } else if (p.dobPrecision === 'month') expect(p.dateOfBirth).toMatch(/^\d{4}-\d{2}$/);
      else if (p.dobPrecision === 'year') expect(p.dateOfBirth).toMatch(/^\d{4}$/);
      else {
        expect(p.dateOfBirth).toBeUndefined();
        if (p.dobPrecision === 'estimated') expect(p.age).toBeTypeOf('number');
      }
    }
    expect(counts.exact! / persons.length).toBeGreaterThan(0.75);
    for (const k of ['month', 'year', 'estimated', 'none']) expect(counts[k]).toBeGreaterThan(0);
  });

  test('every governorate is a valid P-code and both territories appear', () => {
    for (const h of sample) {
      expect(isGovernorate(h.governorate)).toBe(true);
      expect(isGovernorate(h.currentGovernorate)).toBe(true);
      expect(h.members.every((m) => m.governorate === h.governorate)).toBe(true);
    }
    const gaza = sample.filter((h) => h.governorate.startsWith('PS02')).length / sample.length;
    expect(gaza).toBeGreaterThan(0.25);
    expect(gaza).toBeLessThan(0.6);
  });
});

describe('events', () => {
  test('displacements chain from home, in date order, with valid codes and reasons', () => {
    let gazaDisplaced = 0;
    let gaza = 0;
    for (const h of sample) {
      if (h.governorate.startsWith('PS02')) gaza++, h.displacements.length && gazaDisplaced++;
      let at = h.governorate;
      let last = '2023-10-01';
      for (const d of h.displacements) {
        expect(d.fromGovernorate).toBe(at);
        expect(isGovernorate(d.toGovernorate)).toBe(true);
        expect(displacementReasons).toContain(d.reason);
        expect(d.date >= last && d.date <= '2025-12-31').toBe(true);
        at = d.toGovernorate;
        last = d.date;
      }
      expect(h.currentGovernorate).toBe(at);
    }
    expect(gazaDisplaced / gaza).toBeGreaterThan(0.7);
    expect(sample.some((h) => h.displacements.length >= 3)).toBe(true);
  });

  test('vulnerabilities use the vocabulary, point at members, and are not common', () => {
    const kinds = new Set<string>();
    for (const h of sample) {
      const ids = new Set(h.members.map((m) => m.recordId));
      for (const v of h.vulnerabilities) {
        expect(vulnerabilityKinds).toContain(v.kind);
        kinds.add(v.kind);
        if (v.recordId !== undefined) expect(ids.has(v.recordId)).toBe(true);
        expect(v.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(kinds.size).toBe(vulnerabilityKinds.length);
    const personFlags = sample.flatMap((h) => h.vulnerabilities.filter((v) => v.recordId && v.kind === 'disability'));
    expect(personFlags.length / persons.length).toBeLessThan(0.05);
  });
});

test('streaming keeps memory bounded: 200,000 households are not held', () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  let retained = 0;
  let count = 0;
  let h = 0;
  for (const hh of generateHouseholds({ households: 200_000, seed: 3 })) {
    count += hh.members.length;
    if (++h % 50_000 === 0) {
      gc();
      retained = Math.max(retained, process.memoryUsage().heapUsed - before);
    }
  }
  expect(count).toBeGreaterThan(1_000_000);
  // Holding a million persons would take several hundred MB; the generator keeps nothing.
  expect(retained).toBeLessThan(16 * 1024 * 1024);
}, 120_000);
