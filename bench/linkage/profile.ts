// One linkage benchmark case in this process, with CPU time and stage timings, for profiling:
// node --cpu-prof bin/run.js bench/linkage/profile.ts scale-200k
import { runCase } from './cases.ts';

const t0 = process.cpuUsage();
const r = runCase(process.argv[2] ?? 'scale-200k');
const c = process.cpuUsage(t0);
console.log(JSON.stringify({ ...r, totalCpuSeconds: +((c.user + c.system) / 1e6).toFixed(1) }));
