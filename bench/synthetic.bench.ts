// Synthetic data generation speed: 1,000,000 persons (default) generated and written as CSV under
// .tmp/, reporting rows per second, file size and peak memory. The file is what the import
// benchmark loads.
//   node bin/run.js bench/synthetic.bench.ts [--persons N] [--seed S] [--out FILE] [--dedupe]
// --dedupe writes a dedupe set (field registrations with duplicates) with a `cluster` column.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writePersonsCsv } from '../src/synthetic/csv.ts';
import { generatePersons } from '../src/synthetic/households.ts';
import { generateDedupeSet } from '../src/synthetic/registries.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    dedupe: { type: 'boolean', default: false },
  },
});
const persons = Number(values.persons);
const seed = Number(values.seed);
if (!Number.isInteger(persons) || persons <= 0 || !Number.isInteger(seed)) throw new Error('--persons and --seed must be whole numbers');
const kind = values.dedupe ? 'dedupe' : 'persons';
const out = values.out ?? path.join('.tmp', `synthetic-${kind}-${persons}-seed${seed}.csv`);
fs.mkdirSync(path.dirname(out), { recursive: true });

let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 50);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const rows = values.dedupe
  ? writePersonsCsv(generateDedupeSet({ records: persons, seed }), out, { truthColumn: 'cluster' })
  : writePersonsCsv(generatePersons({ households: Number.MAX_SAFE_INTEGER, seed, limit: persons }), out);
const res = await rows;
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);

const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
console.log(`synthetic ${kind}: ${res.rows.toLocaleString('en')} rows to ${out}`);
console.log(
  `  time        ${seconds.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `  speed       ${Math.round(res.rows / seconds).toLocaleString('en')} rows/s (${Math.round(res.rows / cpuSeconds).toLocaleString('en')} rows per CPU second)`,
);
console.log(`  file size   ${mib(res.bytes)} MiB (${res.bytes.toLocaleString('en')} bytes)`);
console.log(`  peak RSS    ${mib(process.resourceUsage().maxRSS * 1024)} MiB (peak heap ${mib(peakHeap)} MiB)`);
console.log(`  node ${process.version}, ${process.platform}/${process.arch}`);
console.log(
  `  reproduce:  node bin/run.js bench/synthetic.bench.ts --persons ${persons} --seed ${seed}${values.dedupe ? ' --dedupe' : ''}`,
);
