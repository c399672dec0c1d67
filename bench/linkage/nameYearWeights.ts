// The match weights of the pairs linked on the "whole four-part name with the birth year" evidence
// alone (relations.ts nameAndYear, without a shared ID, full date of birth or phone), true and false
// against the truth, on a clan registry in memory: what a minimum weight for that evidence would cost.
//   node bin/run.js bench/linkage/nameYearWeights.ts [--persons 1000000] [--rate 0.02] [--seed 1]
import { parseArgs } from 'node:util';
import { REGISTRY_COLUMNS } from '../../src/linkage/registryScore.ts';
import { dedupeRegistry, NAME_YEAR_MIN_WEIGHT } from '../../src/linkage/registryDedupe.ts';
import { RelationReader } from '../../src/linkage/relations.ts';
import { generateClanRegistry } from '../../src/synthetic/registries.ts';
import { registryRecords } from './clanEval.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    rate: { type: 'string', default: '0.02' },
    seed: { type: 'string', default: '1' },
  },
});
const { recs, truth } = registryRecords(
  generateClanRegistry({ persons: Number(values.persons), seed: Number(values.seed), duplicateRate: Number(values.rate) }),
);
const t0 = performance.now();
const r = dedupeRegistry(recs, REGISTRY_COLUMNS);
const truthOf = new Map(recs.map((x, i) => [x.record_id!, truth[i]!]));
const rel = new RelationReader(r.dataset);
const buckets = new Map<number, { t: number; f: number }>();
const falseWeights: number[] = [];
let belowTrue = 0;
for (let k = 0; k < r.a.length; k++) {
  const i = r.a[k]!,
    j = r.b[k]!;
  if (rel.strong(i, j) || !rel.nameAndYear(i, j) || rel.relation(i, j) !== 'none') continue;
  const w = r.weight[k]!;
  const same = truthOf.get(r.dataset.ids[i]!) === truthOf.get(r.dataset.ids[j]!);
  const key = Math.floor(w);
  const b = buckets.get(key) ?? { t: 0, f: 0 };
  if (same) b.t++;
  else {
    b.f++;
    falseWeights.push(w);
  }
  if (same && w < NAME_YEAR_MIN_WEIGHT) belowTrue++;
  buckets.set(key, b);
}
console.log(
  `${recs.length.toLocaleString('en')} records, rate ${values.rate}, seed ${values.seed}: linked in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
console.log('| match weight | true pairs (name + year only) | false pairs |');
console.log('|---|---|---|');
for (const [w, b] of [...buckets].sort((x, y) => x[0] - y[0])) console.log(`| ${w} to ${w + 1} | ${b.t} | ${b.f} |`);
console.log(`false pairs' weights: ${falseWeights.map((w) => w.toFixed(1)).join(', ') || 'none'}`);
console.log(`true pairs below the minimum weight ${NAME_YEAR_MIN_WEIGHT}: ${belowTrue}`);
