// One benchmark case per call: load, link, measure against the truth. Run in a child process per
// case (see bench/linkage.bench.ts) so that peak memory is the case's own.
import fs from 'node:fs';
import { readCsv } from './load.ts';
import { checkQueries, dedupeRegistry, twoRegistries } from './gen.ts';
import { linkDataset } from '../../src/linkage/engine.ts';
import { parallelCompare } from '../../src/linkage/threads.io.ts';
import { LinkageIndex } from '../../src/linkage/incremental.ts';
import { Dataset } from '../../src/linkage/dataset.ts';
import { resolveSettings, STANDARD_COLUMNS } from '../../src/linkage/settings.ts';
import { blockingRecall, pairwiseScores } from '../../src/linkage/metrics.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';

const DATA = process.env.SANAD_DATA ?? '/work/shared/data';
const STD: string[] = [...STANDARD_COLUMNS];

export interface CaseResult {
  name: string;
  task: string;
  records: number;
  candidatePairs: number;
  blockingRecall: number;
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  seconds: number;
  peakMB: number;
  settings: string;
  /** incremental check of one new registration: median and 99th percentile, ms (0 = not measured) */
  checkP50: number;
  checkP99: number;
  /** LinkageIndex.check of 1000 registrations (half re-registrations of people in the registry) */
  check: CheckTimes | null;
  /** CPU seconds of the process (all threads) up to the end of linking */
  cpuSeconds: number;
  /** ms per stage: load (generate or read + prepare), blocking, compare, em, cluster */
  timings: Record<string, number>;
  /** candidate pairs per blocking pass (each pair counted in the first pass that finds it) */
  passes: { name: string; pairs: number; oversizedBlocks: number }[];
  /** chunks of candidate pairs compared by worker threads (null: all in the main thread) */
  workerShare: { chunks: number; byWorkers: number; threads: number } | null;
}

interface Job {
  task: string;
  settingsFile?: string;
  settings?: unknown;
  /** fills the dataset; returns truth labels per row */
  load: (ds: (columns: string[]) => Dataset) => { ds: Dataset; truth: ArrayLike<number>; inputs: number };
  cross: boolean;
  /** synthetic cases: people and seed of the registry (for the incremental check queries) */
  people?: number;
  seed?: number;
}

export interface CheckTimes {
  queries: number;
  wallMs: { p50: number; p95: number; p99: number; max: number };
  cpuMs: { p50: number; p95: number; p99: number };
  candidates: { p50: number; p95: number; p99: number; max: number };
}

/** Times LinkageIndex.check (process.hrtime, ns resolution, and the thread's CPU time). */
export function timeChecks(idx: LinkageIndex, queries: RawRecord[]): CheckTimes {
  for (const q of queries.slice(0, 50)) idx.check(q); // warm-up (JIT), not timed
  const wall: number[] = [],
    cpu: number[] = [],
    cands: number[] = [];
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t = process.hrtime.bigint();
    idx.check(q);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    cands.push(idx.lastCandidates);
  }
  const at = (x: number[], p: number) => {
    const s = [...x].sort((a, b) => a - b);
    return +s[Math.min(s.length - 1, Math.floor(s.length * p))]!.toFixed(3);
  };
  return {
    queries: queries.length,
    wallMs: { p50: at(wall, 0.5), p95: at(wall, 0.95), p99: at(wall, 0.99), max: at(wall, 1) },
    cpuMs: { p50: at(cpu, 0.5), p95: at(cpu, 0.95), p99: at(cpu, 0.99) },
    candidates: { p50: at(cands, 0.5), p95: at(cands, 0.95), p99: at(cands, 0.99), max: at(cands, 1) },
  };
}

/** SANAD_LINK_SETTINGS (JSON) overrides keys of a case's settings (experiments). */
const settingsOf = (file?: string, inline?: unknown) => {
  const base = file ? JSON.parse(fs.readFileSync(file, 'utf8')) : (inline ?? {});
  return resolveSettings({ ...base, ...JSON.parse(process.env.SANAD_LINK_SETTINGS ?? '{}') });
};

function fromRows(
  make: (c: string[]) => Dataset,
  inputs: { columns: string[]; rows: RawRecord[] }[],
  label: (r: RawRecord, s: number) => string,
) {
  const ds = make(inputs.flatMap((x) => x.columns));
  const map = new Map<string, number>();
  const truth: number[] = [];
  inputs.forEach((inp, s) => {
    for (const r of inp.rows) {
      ds.add(r, s);
      const k = label(r, s);
      if (!map.has(k)) map.set(k, map.size);
      truth.push(map.get(k)!);
    }
  });
  ds.finalize();
  return { ds, truth, inputs: inputs.length };
}

function synthetic(people: number, seed: number): Pick<Job, 'load' | 'people' | 'seed'> {
  return {
    people,
    seed,
    load: (make: (c: string[]) => Dataset) => {
      const ds = make(STD);
      const truth = new Int32Array(Math.ceil(people * 1.4) + 16);
      let n = 0;
      for (const { rec, truth: t } of dedupeRegistry(people, 0.3, seed)) {
        ds.add(rec, 0);
        truth[n++] = t;
      }
      ds.finalize();
      return { ds, truth: truth.subarray(0, n), inputs: 1 };
    },
  };
}

export const CASES: Record<string, Job> = {
  febrl4: {
    task: 'link 4a x 4b (one-to-one)',
    settingsFile: 'linkage-settings/febrl.json',
    cross: true,
    load: (make) =>
      fromRows(
        make,
        [readCsv(`${DATA}/linkage/febrl/dataset4a.csv`), readCsv(`${DATA}/linkage/febrl/dataset4b.csv`)],
        (r) => r.rec_id!.split('-')[1]!,
      ),
  },
  historical50k: {
    task: 'dedupe',
    settingsFile: 'linkage-settings/splink-historical.json',
    cross: false,
    load: (make) =>
      fromRows(make, [readCsv(`${DATA}/linkage/splink_historical_50k/historical_figures_with_errors_50k.csv`)], (r) => r.cluster!),
  },
  'synthetic-dedupe': { task: 'dedupe, 100k people + 30% duplicates', settings: {}, cross: false, ...synthetic(100_000, 11) },
  'synthetic-link': {
    task: 'link two registries (and dedupe within)',
    settings: {},
    cross: false,
    load: (make) => {
      const t = twoRegistries(60_000, 0.5, 13);
      const ds = make(STD);
      t.a.rows.forEach((r) => ds.add(r, 0));
      t.b.rows.forEach((r) => ds.add(r, 1));
      ds.finalize();
      return { ds, truth: t.a.truth.concat(t.b.truth), inputs: 2 };
    },
  },
  'cross-script': {
    task: 'link Arabic names x their published Latin transliterations (one-to-one; name, sex, age only)',
    settings: { oneToOne: true, referenceYear: 2024 },
    cross: true,
    load: (make) => {
      const src = readCsv(`${DATA}/names/gaza-names-ar-en.dev.csv`);
      const a = src.rows.map((r, k) => ({ record_id: `a${k}`, full_name: r.name_ar, sex: r.sex, age: r.age, truth: String(k) }));
      const b = src.rows.map((r, k) => ({ record_id: `b${k}`, full_name_en: r.name_en, sex: r.sex, age: r.age, truth: String(k) }));
      return fromRows(
        make,
        [
          { columns: ['record_id', 'full_name', 'sex', 'age'], rows: a },
          { columns: ['record_id', 'full_name_en', 'sex', 'age'], rows: b },
        ],
        (r) => r.truth!,
      );
    },
  },
  'scale-200k': { task: 'dedupe 200,000 records (synthetic; profiling size)', settings: {}, cross: false, ...synthetic(154_000, 19) },
  'scale-1m': { task: 'dedupe 1,000,000 records (synthetic)', settings: {}, cross: false, ...synthetic(770_000, 21) },
  'scale-5m': { task: 'dedupe 5,000,000 records (synthetic)', settings: {}, cross: false, ...synthetic(3_850_000, 23) },
};

export function runCase(name: string): CaseResult {
  const job = CASES[name];
  if (!job) throw new Error(`unknown case ${name}`);
  const t0 = performance.now();
  const settings = settingsOf(job.settingsFile, job.settings);
  const { ds, truth, inputs } = job.load((c) => new Dataset(settings, c));
  const tLoad = performance.now();
  const threads = process.env.SANAD_LINK_THREADS ? +process.env.SANAD_LINK_THREADS : undefined;
  let workerShare: { chunks: number; byWorkers: number; threads: number } | null = null;
  const r = linkDataset(ds, inputs, settings, { compare: parallelCompare({ threads, onDone: (x) => (workerShare = x) }) });
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
  const timings = { load: Math.round(tLoad - t0), ...r.stats.timings };
  let check: CheckTimes | null = null;
  if (job.people) {
    // the officer's case: one new registration against everything already linked
    check = timeChecks(LinkageIndex.fromResult(r), checkQueries(1000, job.people, job.seed!));
  }
  const src = ds.source.a.subarray(0, ds.n);
  const s = pairwiseScores(truth, r.clusterOf, src, job.cross);
  return {
    name,
    task: job.task,
    records: ds.n,
    candidatePairs: r.stats.candidatePairs,
    blockingRecall: blockingRecall(truth, r.a, r.b, r.a.length, s.truePairs),
    precision: s.precision,
    recall: s.recall,
    f1: s.f1,
    truePairs: s.truePairs,
    seconds,
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
    settings: job.settingsFile ?? JSON.stringify(job.settings),
    checkP50: check?.wallMs.p50 ?? 0,
    checkP99: check?.wallMs.p99 ?? 0,
    check,
    cpuSeconds: +cpuSeconds.toFixed(1),
    timings,
    passes: r.stats.passes,
    workerShare,
  };
}
