// In-memory evaluation of the registry's deduplication on clan-shaped registries (no database):
// the records as the registry stores them (preparePerson, rawRecord), linked by the registry
// pipeline, scored against the truth. Used by bench/dedupe.bench.ts and for quick measurements:
//   node bin/run.js bench/linkage/clanEval.ts [--persons 5000] [--rate 0.02] [--seed 1] [--households N: sanad seed's] [--dedupe-set]
import { parseArgs } from 'node:util';
import { link } from '../../src/linkage/engine.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';
import { pairwiseScores } from '../../src/linkage/metrics.ts';
import { REGISTRY_COLUMNS } from '../../src/linkage/registryScore.ts';
import { preparePerson } from '../../src/registry/person.ts';
import { rawRecord } from '../../src/store/duplicates/records.ts';
import { personInputOf } from '../../src/synthetic/personInput.ts';
import { generateClanRegistry, generateDedupeSet, type SyntheticRecord } from '../../src/synthetic/registries.ts';
import { generatePersons } from '../../src/synthetic/households.ts';
import { registryLinkHooks, REGISTRY_SETTINGS } from '../../src/linkage/registryDedupe.ts';

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

export function evaluate(recs: RawRecord[], truth: string[]) {
  const t0 = performance.now();
  const r = link([recs], REGISTRY_SETTINGS, registryLinkHooks(), REGISTRY_COLUMNS);
  const seconds = (performance.now() - t0) / 1000;
  const ids = new Map<string, number>();
  const t = Int32Array.from(truth, (c) => {
    let v = ids.get(c);
    if (v === undefined) ids.set(c, (v = ids.size));
    return v;
  });
  const s = pairwiseScores(t, r.clusterOf, new Int32Array(recs.length), false);
  let review = 0,
    reviewTrue = 0;
  const inReview = new Set<number>();
  for (let k = 0; k < r.a.length; k++)
    if (r.decision[k] === 1) {
      review++;
      if (t[r.a[k]!] === t[r.b[k]!]) reviewTrue++;
      inReview.add(r.a[k]!);
      inReview.add(r.b[k]!);
    }
  return { ...s, review, reviewTrue, reviewPersons: inReview.size, seconds, result: r, t };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '5000' },
      rate: { type: 'string', default: '0.02' },
      seed: { type: 'string', default: '1' },
      households: { type: 'string' },
      'dedupe-set': { type: 'boolean', default: false },
    },
  });
  const { recs, truth } = registryRecords(
    values['dedupe-set']
      ? generateDedupeSet({ records: Number(values.persons), seed: Number(values.seed) })
      : values.households
        ? [...generatePersons({ households: Number(values.households), seed: Number(values.seed) })].map((p) => ({
            ...p,
            cluster: p.recordId,
          }))
        : generateClanRegistry({ persons: Number(values.persons), seed: Number(values.seed), duplicateRate: Number(values.rate) }),
  );
  const e = evaluate(recs, truth);
  console.log(
    `${recs.length} records rate ${values.rate}: true pairs ${e.truePairs}, linked pairs ${e.predictedPairs}, precision ${e.precision.toFixed(4)}, recall ${e.recall.toFixed(4)}, F1 ${e.f1.toFixed(4)}; review pairs ${e.review} (${e.reviewTrue} true), persons in review ${e.reviewPersons} (${((e.reviewPersons / recs.length) * 100).toFixed(2)}%), ${e.seconds.toFixed(1)} s, lambda ${e.result.model.lambda.toExponential(2)}`,
  );
}
