// In-memory evaluation of the registry's deduplication on clan-shaped registries (no database):
// the records as the registry stores them (preparePerson, rawRecord), linked by the registry
// pipeline (dedupeRegistry), the pairs it would store (pairsOf), scored against the truth by the
// scorer of the database path (bench/dedupe/score.ts). Used by tests and for quick measurements:
//   node bin/run.js bench/linkage/clanEval.ts [--persons 5000] [--rate 0.02] [--seed 1] [--households N: sanad seed's] [--dedupe-set]
//   node bin/run.js bench/linkage/clanEval.ts --grid [--sizes 5000,50000] [--rates 0,0.02,0.1,0.3] [--households 300,1000,3000]
import { parseArgs } from 'node:util';
import type { LinkResult } from '../../src/linkage/engine.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';
import { REGISTRY_COLUMNS } from '../../src/linkage/registryScore.ts';
import { dedupeRegistry, shownProbability } from '../../src/linkage/registryDedupe.ts';
import { preparePerson } from '../../src/registry/person.ts';
import { pairsOf } from '../../src/store/duplicates/run.ts';
import { rawRecord } from '../../src/store/duplicates/records.ts';
import { personInputOf } from '../../src/synthetic/personInput.ts';
import { generateClanRegistry, generateDedupeSet, type SyntheticRecord } from '../../src/synthetic/registries.ts';
import { generatePersons } from '../../src/synthetic/households.ts';
import { type RegistryScores, scoreRegistry } from '../dedupe/score.ts';

export function registryRecords(source: Iterable<SyntheticRecord>): { recs: RawRecord[]; truth: string[] } {
  const recs: RawRecord[] = [];
  const truth: string[] = [];
  for (const p of source) {
    const r = preparePerson(personInputOf(p));
    if (!r.ok) continue;
    const v = r.value;
    recs.push(
      rawRecord({
        id: p.recordId,
        given_name: v.givenName,
        father_name: v.fatherName,
        grandfather_name: v.grandfatherName,
        family_name: v.familyName,
        full_name: v.fullName,
        full_name_en: v.fullNameEn,
        sex: v.sex,
        date_of_birth: v.dateOfBirth,
        dob_precision: v.dobPrecision,
        national_id: v.nationalId,
        phone: v.phone,
        governorate: v.governorate,
      }),
    );
    truth.push(p.cluster);
  }
  return { recs, truth };
}

/** The registry's deduplication of `recs` (record ids unique), scored against `truth` (one identity per record). */
export function evaluate(recs: RawRecord[], truth: string[]): RegistryScores & { seconds: number; result: LinkResult } {
  const t0 = performance.now();
  const r = dedupeRegistry(recs, REGISTRY_COLUMNS);
  const seconds = (performance.now() - t0) / 1000;
  const truthOf = new Map(recs.map((x, i) => [x.record_id!, truth[i]!]));
  const ids = r.dataset.ids;
  const clusterOf = new Map(ids.map((id, i) => [id, String(r.clusterOf[i])]));
  const pairs = pairsOf(r).map((p) => ({
    a: p.a,
    b: p.b,
    status: p.auto ? 'auto_linked' : 'pending',
    probability: shownProbability(p.weight, p.conflict || p.relation !== 'none'),
  }));
  // identities as the store keeps them: the automatic links' connected groups
  const s = scoreRegistry(
    recs.map((x) => x.record_id!),
    (id) => truthOf.get(id)!,
    (id) => clusterOf.get(id),
    pairs,
  );
  return { ...s, seconds, result: r };
}

function registryOf(o: { persons: number; rate: number; seed: number; households?: number; dedupeSet?: boolean }) {
  return registryRecords(
    o.dedupeSet
      ? generateDedupeSet({ records: o.persons, seed: o.seed })
      : o.households
        ? [...generatePersons({ households: o.households, seed: o.seed })].map((p) => ({ ...p, cluster: p.recordId }))
        : generateClanRegistry({ persons: o.persons, seed: o.seed, duplicateRate: o.rate }),
  );
}

const line = (name: string, n: number, e: ReturnType<typeof evaluate>) =>
  `| ${name} | ${n.toLocaleString('en')} | ${e.truePairs.toLocaleString('en')} | ${e.precision.toFixed(4)} | ${e.recall.toFixed(4)} | ${e.recallWithReview.toFixed(4)} | ${e.autoLinks.toLocaleString('en')} | ${e.review} (${e.reviewTrue} true) | ${e.reviewPer1000.toFixed(2)} | ${(e.reviewPersonsShare * 100).toFixed(2)}% | ${e.seconds.toFixed(1)} s |`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '5000' },
      rate: { type: 'string', default: '0.02' },
      seed: { type: 'string', default: '1' },
      households: { type: 'string' },
      'dedupe-set': { type: 'boolean', default: false },
      grid: { type: 'boolean', default: false },
      sizes: { type: 'string', default: '5000,50000' },
      rates: { type: 'string', default: '0,0.02,0.1,0.3' },
    },
  });
  const seed = Number(values.seed);
  const list = (s: string | undefined) => (s ? s.split(',').filter(Boolean).map(Number) : []);
  const cases = values.grid
    ? [
        ...list(values.households).map((h) => ({
          name: `sanad seed ${h.toLocaleString('en')} households`,
          o: { persons: 0, rate: 0, seed, households: h },
        })),
        ...list(values.sizes).flatMap((n) =>
          list(values.rates).map((rate) => ({
            name: `clan ${n.toLocaleString('en')}, ${(rate * 100).toFixed(1)}% twice`,
            o: { persons: n, rate, seed },
          })),
        ),
      ]
    : [
        {
          name: values['dedupe-set']
            ? 'dedupe set'
            : values.households
              ? `sanad seed ${values.households} households`
              : `clan, ${values.rate}`,
          o: {
            persons: Number(values.persons),
            rate: Number(values.rate),
            seed,
            ...(values.households ? { households: Number(values.households) } : {}),
            dedupeSet: values['dedupe-set'],
          },
        },
      ];
  console.log(
    '| registry | persons | true pairs | precision | recall | recall with review | automatic links | review pairs | review per 1,000 | persons in review | time |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of cases) {
    const { recs, truth } = registryOf(c.o);
    console.log(line(c.name, recs.length, evaluate(recs, truth)));
  }
}
