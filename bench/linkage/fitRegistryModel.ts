// Fits the reference model of the registry's deduplication (src/linkage/data/registry-model.json)
// with known truth: m probabilities from the true duplicate pairs among the candidate pairs of
// clan-shaped synthetic registries (several duplicate rates), u probabilities from random pairs.
// Deterministic: the same seeds give the same file.
//   node bin/run.js bench/linkage/fitRegistryModel.ts [--persons 90000] [--check]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DECISION, link } from '../../src/linkage/engine.ts';
import { fitCalibration } from '../../src/linkage/calibration.ts';
import { fatherOutweighs, registryLinkHooks } from '../../src/linkage/registryDedupe.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';
import { finishModel, countPatterns, type Model } from '../../src/linkage/model.ts';
import { modelToJson, REGISTRY_COLUMNS } from '../../src/linkage/registryScore.ts';
import { generateClanRegistry } from '../../src/synthetic/registries.ts';
import { registryRecords } from './clanEval.ts';

const { values } = parseArgs({ options: { persons: { type: 'string', default: '90000' }, out: { type: 'string' } } });
const PERSONS = Number(values.persons);
const OUT = values.out ?? new URL('../../src/linkage/data/registry-model.json', import.meta.url).pathname;

const recs: RawRecord[] = [];
const truth: string[] = [];
// one population per duplicate rate, seeds apart from every benchmark's
for (const [k, rate] of [0.02, 0.1, 0.3].entries()) {
  const part = registryRecords(generateClanRegistry({ persons: PERSONS / 3, seed: 90_001 + k, duplicateRate: rate }));
  for (let i = 0; i < part.recs.length; i++) {
    recs.push({ ...part.recs[i]!, record_id: `${k}-${part.recs[i]!.record_id}` });
    truth.push(`${k}-${part.truth[i]}`);
  }
}
let m: number[][] = [];
let sample = 0;
const result = link(
  [recs],
  {},
  {
    rules: () => ({
      admit: () => 2,
      fit: (ds, _bi, pat, u0, a, b) => {
        const counts = ds.fields.map((f) => new Array<number>(f.levels.length + 1).fill(0.5));
        for (let k = 0; k < pat.length; k++) {
          if (truth[a[k]!] !== truth[b[k]!]) continue;
          sample++;
          for (let f = 0; f < ds.fields.length; f++) counts[f]![ds.code(pat[k]!, f)]! += 1;
        }
        m = counts.map((c) => {
          const tot = c.slice(1).reduce((s, x) => s + x, 0);
          return c.map((x, i) => (i === 0 ? 0 : x / tot));
        });
        // a different father's name outweighs a shared given and family name
        fatherOutweighs(
          ds.fields.map((f) => f.name),
          m,
          u0,
        );
        return finishModel(ds, m, u0, countPatterns(pat, pat.length), (ds.n * (ds.n - 1)) / 2, 0);
      },
    }),
  },
  REGISTRY_COLUMNS,
);
const model: Model = modelToJson(result.model);
// the calibration: the registry's own pipeline (anchored fit, rules) on the same data, its
// candidate pairs that may be one person (not relatives) from a weight of -5 up, with the truth
let admit: ((i: number, j: number) => number) | undefined;
const hooks = registryLinkHooks({}, {}, model);
const run = link(
  [recs],
  {},
  {
    rules: (ds) => {
      const r = hooks.rules!(ds);
      admit = r.admit;
      return r;
    },
  },
  REGISTRY_COLUMNS,
);
const stored: { weight: number; same: boolean }[] = [];
for (let k = 0; k < run.a.length; k++)
  if (run.weight[k]! >= -5 && admit!(run.a[k]!, run.b[k]!) !== DECISION.distinct)
    stored.push({ weight: run.weight[k]!, same: truth[run.a[k]!] === truth[run.b[k]!] });
const calibration = fitCalibration(stored);
const file = {
  ...model,
  calibration,
  records: recs.length,
  source: `clan-shaped synthetic registries (generateClanRegistry, seeds 90001-90003, duplicate rates 2/10/30%), ${recs.length} records, m from ${sample} true pairs among the candidates; u from random pairs; calibration from ${stored.length} candidate pairs`,
};
fs.writeFileSync(OUT, `${JSON.stringify(file, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v), 1)}\n`);
console.log(`wrote ${OUT}: ${file.source}`);
console.log('calibration', calibration.weights.map((w, i) => `${w.toFixed(1)}:${calibration.probabilities[i]!.toFixed(3)}`).join(' '));
for (const f of model.fields) console.log(f.name.padEnd(12), f.levels.map((l, c) => `${l}=${f.w[c + 1]!.toFixed(2)}`).join('  '));
