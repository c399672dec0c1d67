// npm run bench:linkage [-- --only a,b] [-- --with-5m]
// Identity-resolution benchmarks: each case runs in its own process (peak memory is its own) and
// reports pairs compared, blocking recall, pairwise precision / recall / F1 over the clusters,
// wall time and peak memory. Cases: FEBRL4, Splink historical_50k, synthetic Arabic registries,
// cross-script names, 200k and 1M (and with --with-5m, 5M) records; the CPU time and the load
// average are printed with each run (the machine is shared).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { CASES, runCase } from './linkage/cases.ts';

const args = process.argv.slice(2);
const oneIdx = args.indexOf('--case');
if (oneIdx >= 0) {
  // child mode: one case, JSON on stdout
  process.stdout.write(`${JSON.stringify(runCase(args[oneIdx + 1]!))}\n`);
  process.exit(0);
}
const onlyIdx = args.indexOf('--only');
let names = Object.keys(CASES).filter((n) => n !== 'scale-5m' || args.includes('--with-5m'));
if (onlyIdx >= 0) names = args[onlyIdx + 1]!.split(',');

const cmd = `npm run bench:linkage -- ${args.join(' ')}`.trim();
console.log(`# sanad linkage benchmark — reproduce with: ${cmd}`);
console.log(`# ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, ${new Date().toISOString()}`);
console.log(
  `# load: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (1, 5, 15 min) at the start`,
);
console.log(
  '| data | task | records | pairs compared | blocking recall | precision | recall | F1 | wall | CPU | peak memory | check one (p50 / p95 / p99) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const name of names) {
  let line: string;
  try {
    const out = execFileSync(process.execPath, ['--max-old-space-size=12000', 'bin/run.js', 'bench/linkage.bench.ts', '--case', name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
    });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    const f = (x: number) => x.toFixed(4);
    line = `| ${name} | ${r.task} | ${r.records.toLocaleString('en')} | ${r.candidatePairs.toLocaleString('en')} | ${f(r.blockingRecall)} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${r.seconds.toFixed(1)} s | ${r.cpuSeconds.toFixed(1)} s | ${r.peakMB} MB | ${r.check ? `${r.check.wallMs.p50.toFixed(2)} / ${r.check.wallMs.p95.toFixed(2)} / ${r.check.wallMs.p99.toFixed(2)} ms` : ''} |`;
    console.error(
      `# ${name}: stages ${JSON.stringify(r.timings)}; check ${JSON.stringify(r.check)}; passes ${JSON.stringify(r.passes)}; compared by workers ${JSON.stringify(r.workerShare)}`,
    );
  } catch (e) {
    line = `| ${name} | failed: ${(e as Error).message.split('\n')[0]} |`;
  }
  console.log(line);
}
console.log(
  `# load: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (1, 5, 15 min) at the end`,
);
console.log(
  `# settings: FEBRL4 linkage-settings/febrl.json; historical_50k linkage-settings/splink-historical.json; others built in (bench/linkage/cases.ts)`,
);
