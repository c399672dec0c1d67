// Properties of the registry's deduplication (src/linkage/registryDedupe.ts) on clan-shaped
// registries: a new sibling, twin or cousin of a registered person is never linked to anyone (nor
// sent to review), and the identities found do not depend on the order the people were registered in.
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { registryRecords } from '../../bench/linkage/clanEval.ts';
import { DECISION, type LinkResult } from '../../src/linkage/engine.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';
import { REGISTRY_COLUMNS } from '../../src/linkage/registryScore.ts';
import { dedupeRegistry } from '../../src/linkage/registryDedupe.ts';
import { nationalIdFor } from '../../src/synthetic/attributes.ts';
import { femaleGivenNames, maleGivenNames } from '../../src/synthetic/names.ts';
import { generateClanRegistry, type SyntheticRecord } from '../../src/synthetic/registries.ts';

const dedupe = (recs: RawRecord[]): LinkResult => dedupeRegistry(recs, REGISTRY_COLUMNS);

let base: SyntheticRecord[];
let baseRecs: RawRecord[];
let people: SyntheticRecord[];

beforeAll(() => {
  base = [...generateClanRegistry({ persons: 700, seed: 17, duplicateRate: 0 })];
  baseRecs = registryRecords(base).recs;
  people = base.filter((p) => p.givenName && p.fatherName && p.grandfatherName && p.dateOfBirth?.length === 10);
});

const shiftYear = (dob: string, years: number) => `${Number(dob.slice(0, 4)) + years}${dob.slice(4)}`;

/** A relative of `p` as a new registration: a sibling, a twin or a cousin. */
function relativeOf(
  p: SyntheticRecord,
  kind: 'sibling' | 'twin' | 'cousin',
  r: { name: number; years: number; sharePhone: boolean; id: number },
) {
  const sex = r.name % 2 === 0 ? p.sex : p.sex === 'male' ? 'female' : 'male';
  const fathers = maleGivenNames.map((n) => n.ar).filter((n) => n !== p.fatherName && n !== p.givenName && n !== p.grandfatherName);
  const father = kind === 'cousin' ? fathers[r.name % fathers.length]! : p.fatherName;
  // Parents do not give two of their children one name: a new relative never takes the four-part
  // name a registered person already holds (that person would be the same person, or a review).
  const taken = new Set(
    base
      .filter((q) => q.fatherName === father && q.grandfatherName === p.grandfatherName && q.familyName === p.familyName)
      .map((q) => q.givenName),
  );
  const names = (sex === 'male' ? maleGivenNames : femaleGivenNames)
    .map((n) => n.ar)
    .filter((n) => n !== p.givenName && n !== p.fatherName && !taken.has(n));
  const given =
    kind === 'cousin' && sex === p.sex && r.name % 4 === 0 && !taken.has(p.givenName) ? p.givenName : names[r.name % names.length]!;
  const years = kind === 'twin' ? 0 : r.years;
  return {
    ...p,
    recordId: `NEW-${r.id}`,
    cluster: `NEW-${r.id}`,
    givenName: given,
    fatherName: father,
    fullNameEn: undefined,
    sex,
    dateOfBirth: shiftYear(p.dateOfBirth!, years),
    nationalId: r.id % 3 === 0 ? undefined : nationalIdFor(99, 1_000_000 + r.id),
    phone: r.sharePhone ? p.phone : undefined,
  } satisfies SyntheticRecord;
}

test('adding a sibling, a twin or a cousin to a household never creates a link, nor a pair to review', () => {
  fc.assert(
    fc.property(
      fc.nat(),
      fc.constantFrom('sibling' as const, 'twin' as const, 'cousin' as const),
      fc.record({
        name: fc.nat(),
        years: fc.integer({ min: -9, max: 9 }).filter((y) => y !== 0),
        sharePhone: fc.boolean(),
        id: fc.nat(9999),
      }),
      (pick, kind, r) => {
        const p = people[pick % people.length]!;
        const rel = registryRecords([relativeOf(p, kind, r)]).recs;
        // a relative the registry refuses (an invalid record) is not registered
        if (rel.length === 0) return;
        const res = dedupe([...baseRecs, ...rel]);
        const row = res.dataset.ids.indexOf(rel[0]!.record_id!);
        expect(row).toBeGreaterThanOrEqual(0);
        for (let k = 0; k < res.a.length; k++) {
          if (res.a[k] !== row && res.b[k] !== row) continue;
          expect(res.decision[k], `${kind} of ${p.recordId}: ${JSON.stringify(res.explain(res.a[k]!, res.b[k]!))}`).toBe(DECISION.distinct);
        }
        for (let i = 0; i < res.dataset.n; i++) if (i !== row) expect(res.clusterOf[i]).not.toBe(res.clusterOf[row]);
      },
    ),
    { numRuns: 40 },
  );
}, 120_000);

/** The identities as sets of record ids, independent of row order. */
function identities(res: LinkResult): string[] {
  const by = new Map<number, string[]>();
  res.dataset.ids.forEach((id, i) => by.set(res.clusterOf[i]!, [...(by.get(res.clusterOf[i]!) ?? []), id]));
  return [...by.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort().join(' '))
    .sort();
}

/** Every candidate pair by its record ids, with its match weight and decision: the whole outcome. */
function outcome(res: LinkResult): string[] {
  const ids = res.dataset.ids;
  const out: string[] = [];
  for (let k = 0; k < res.a.length; k++) {
    const [x, y] = [ids[res.a[k]!]!, ids[res.b[k]!]!].sort();
    out.push(`${x} ${y} ${res.weight[k]!.toFixed(4)} ${res.decision[k]}`);
  }
  return out.sort();
}

test('linking does not depend on the order the records were registered in, and two runs give the same outcome', () => {
  const recs = registryRecords(generateClanRegistry({ persons: 1500, seed: 23, duplicateRate: 0.1 })).recs;
  const first = dedupe(recs);
  const expected = identities(first);
  const pairs = outcome(first);
  expect(expected.length).toBeGreaterThan(50);
  // a second run on the same records: the same pairs, weights and decisions
  expect(outcome(dedupe(recs))).toEqual(pairs);
  fc.assert(
    fc.property(fc.array(fc.nat(), { minLength: recs.length, maxLength: recs.length }), (keys) => {
      const order = recs.map((_, i) => i).sort((x, y) => keys[x]! - keys[y]! || x - y);
      const shuffled = order.map((i) => recs[i]!);
      const res = dedupe(shuffled);
      expect(identities(res)).toEqual(expected);
      expect(outcome(res)).toEqual(pairs);
    }),
    { numRuns: 8 },
  );
}, 120_000);
