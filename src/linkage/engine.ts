// The linkage pipeline: prepare → block → compare → fit (EM) → score → decide → cluster.
import {
  buildBlockIndex,
  candidatePairs,
  parsePasses,
  samplePassPairs,
  type BlockIndex,
  type PairMode,
  type PassSpec,
} from './blocking.ts';
import { cluster } from './cluster.ts';
import { Dataset } from './dataset.ts';
import type { RawRecord } from './fields.ts';
import {
  countPatterns,
  estimateU,
  rng,
  finishModel,
  fitEm,
  probability,
  Scorer,
  weightFor,
  type Contribution,
  type Model,
} from './model.ts';
import { DEFAULT_BLOCKING, resolveSettings, type LinkSettings } from './settings.ts';

export const DECISION = { distinct: 0, review: 1, link: 2 } as const;
export const DECISION_NAMES = ['distinct', 'review', 'link'] as const;

export interface LinkStats {
  records: number;
  candidatePairs: number;
  passes: { name: string; pairs: number; oversizedBlocks: number }[];
  emIterations: number;
  lambda: number;
  clusters: number;
  linkedPairs: number;
  reviewPairs: number;
  refusedMerges: number;
  timings: Record<string, number>;
}

export interface LinkResult {
  settings: LinkSettings;
  mode: PairMode;
  dataset: Dataset;
  model: Model;
  scorer: Scorer;
  blockIndex: BlockIndex;
  /** candidate pairs (row indices; rows are the inputs' records in order, input 0 first) */
  a: Int32Array;
  b: Int32Array;
  /** match weight (log2 odds) of each candidate pair */
  weight: Float32Array;
  /** decision of each candidate pair (DECISION) */
  decision: Uint8Array;
  /** cluster of every row */
  clusterOf: Int32Array;
  stats: LinkStats;
  /** per-field weights of a pair of rows */
  explain(i: number, j: number): Contribution[];
}

export interface LinkHooks {
  progress?: (stage: string, done: number, total: number) => void;
  /**
   * Computes the comparison patterns of the candidate pairs (pattern k of a[k], b[k]); by default
   * in this thread. threads.io.ts supplies one that shares the work with worker threads.
   */
  compare?: (ds: Dataset, a: Int32Array, b: Int32Array, n: number) => Float64Array;
  /**
   * Rules over the comparison beyond the weights (the registry's: relatives, minimum evidence):
   * `admit(i, j, weight)` is the strongest decision the pair may get (DECISION; `weight` its match
   * weight when the caller knows it), `minProbability` the
   * match probability every pair inside a cluster must reach (no chaining), and `fit` replaces
   * the unsupervised fit. By default every pair may be linked and the fit is fitModel's.
   */
  rules?: (ds: Dataset) => LinkRules;
}

export interface LinkRules {
  admit(i: number, j: number, weight?: number): number;
  minProbability?: number;
  fit?: (ds: Dataset, blockIndex: BlockIndex, pat: Float64Array, u0: number[][], a: Int32Array, b: Int32Array) => Model;
}

/** Comparison patterns of pairs [lo, hi) into pat (the serial comparer, and each thread's share). */
export function comparePairsInto(ds: Dataset, a: Int32Array, b: Int32Array, pat: Float64Array, lo: number, hi: number): void {
  for (let k = lo; k < hi; k++) pat[k] = ds.pattern(a[k]!, b[k]!);
}

export function prepare(
  inputs: RawRecord[][],
  settings: LinkSettings,
  columns?: string[],
  opts: { compareCacheBits?: number } = {},
): Dataset {
  const present = new Set<string>(columns ?? []);
  if (!columns) for (const inp of inputs) for (const r of inp.slice(0, 1000)) for (const k of Object.keys(r)) present.add(k);
  const ds = new Dataset(settings, present, opts);
  inputs.forEach((recs, s) => {
    for (const r of recs) ds.add(r, s);
  });
  ds.finalize();
  return ds;
}

export function pairMode(settings: LinkSettings, inputs: number): PairMode {
  if (inputs <= 1) return 'dedupe';
  return settings.linkType === 'dedupe' ? 'link_and_dedupe' : (settings.linkType ?? 'link_and_dedupe');
}

/** Links (or deduplicates) one or two inputs. */
export function link(inputs: RawRecord[][], settingsInput: unknown = {}, hooks: LinkHooks = {}, columns?: string[]): LinkResult {
  const settings = resolveSettings(settingsInput);
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = Math.round(performance.now() - since));
  const ds = prepare(inputs, settings, columns);
  lap('prepare', t0);
  return linkDataset(ds, inputs.length, settings, hooks, timings);
}

export function linkDataset(
  ds: Dataset,
  nInputs: number,
  settings: LinkSettings,
  hooks: LinkHooks = {},
  timings: Record<string, number> = {},
): LinkResult {
  const mode = pairMode(settings, nInputs);
  // wall ms per stage, and the process's CPU ms per stage (all threads) as <stage>Cpu
  let cpu = process.cpuUsage();
  const lap = (name: string, since: number) => {
    timings[name] = Math.round(performance.now() - since);
    const c = process.cpuUsage(cpu);
    timings[`${name}Cpu`] = Math.round((c.user + c.system) / 1000);
    cpu = process.cpuUsage();
  };
  let t = performance.now();
  const passes: PassSpec[] = parsePasses(ds, settings.blocking ?? DEFAULT_BLOCKING);
  const blockIndex = buildBlockIndex(ds, passes, settings.maxBlockSize);
  const cand = candidatePairs(ds, blockIndex, mode, settings.maxBlockSize, settings.blockWindow ?? 15);
  lap('blocking', t);

  t = performance.now();
  const n = cand.n;
  const a = cand.a,
    b = cand.b;
  let pat: Float64Array;
  if (hooks.compare) pat = hooks.compare(ds, a, b, n);
  else {
    pat = new Float64Array(n);
    const step = 1 << 16;
    for (let k = 0; k < n; k += step) {
      comparePairsInto(ds, a, b, pat, k, Math.min(n, k + step));
      hooks.progress?.('compare', k, n);
    }
  }
  hooks.progress?.('compare', n, n);
  lap('compare', t);

  t = performance.now();
  const u0 = estimateU(ds, mode, settings.uSamples, settings.seed);
  const rules = hooks.rules?.(ds);
  const model = rules?.fit ? rules.fit(ds, blockIndex, pat, u0, a, b) : fitModel(ds, blockIndex, pat, u0, settings, mode);
  const scorer = new Scorer(ds, model);
  lap('em', t);

  t = performance.now();
  const weight = new Float32Array(n);
  for (let k = 0; k < n; k++) weight[k] = scorer.weightOf(pat[k]!, a[k]!, b[k]!);
  const upperW = weightFor(settings.thresholds.upper),
    lowerW = weightFor(settings.thresholds.lower);
  const cl = cluster(ds, scorer, a, b, weight, n, {
    upperWeight: upperW,
    meanProbability: settings.clusterMeanProbability,
    oneToOne: settings.oneToOne,
    ...(rules ? { admit: (i: number, j: number, w?: number) => rules.admit(i, j, w), minProbability: rules.minProbability ?? 0 } : {}),
  });
  const decision = new Uint8Array(n);
  let linked = 0,
    review = 0;
  for (let k = 0; k < n; k++) {
    const same = cl.clusterOf[a[k]!] === cl.clusterOf[b[k]!];
    if (same) {
      decision[k] = DECISION.link;
      linked++;
    } else if (weight[k]! >= lowerW && (!rules || rules.admit(a[k]!, b[k]!, weight[k]!) >= DECISION.review)) {
      decision[k] = DECISION.review;
      review++;
    }
  }
  lap('cluster', t);
  let clusters = 0;
  for (let i = 0; i < ds.n; i++) if (cl.clusterOf[i]! + 1 > clusters) clusters = cl.clusterOf[i]! + 1;
  return {
    settings,
    mode,
    dataset: ds,
    model,
    scorer,
    blockIndex,
    a,
    b,
    weight,
    decision,
    clusterOf: cl.clusterOf,
    stats: {
      records: ds.n,
      candidatePairs: n,
      passes: cand.perPass,
      emIterations: model.iterations,
      lambda: model.lambda,
      clusters,
      linkedPairs: linked,
      reviewPairs: review,
      refusedMerges: cl.refused,
      timings,
    },
    explain: (i, j) => scorer.explain(i, j),
  };
}

/**
 * Unsupervised estimation. u comes from random pairs. m is estimated by EM separately on the pairs
 * of each blocking pass, leaving out the fields that pass forces to agree (among them the
 * non-matches are not random), with u held fixed; the passes' m estimates are averaged, weighted
 * by each pass's expected matches. The prior is then fitted over all candidates.
 */
export function fitModel(
  ds: Dataset,
  blockIndex: BlockIndex,
  pat: Float64Array,
  u0: number[][],
  settings: LinkSettings,
  mode: PairMode,
  /** pairs EM may learn from (by default all); the prior is fitted over all candidates */
  train?: (i: number, j: number) => boolean,
): Model {
  const passes = blockIndex.passes;
  const rand = rng(settings.seed + 1);
  const F = ds.fields.length;
  const mSum = ds.fields.map((f) => new Array<number>(f.levels.length + 1).fill(0));
  const wSum = new Array<number>(F).fill(0);
  let iterations = 0;
  for (let p = 0; p < passes.length; p++) {
    const sample = samplePassPairs(
      ds,
      blockIndex,
      p,
      mode,
      settings.maxBlockSize,
      settings.trainingPairs,
      rand,
      settings.blockWindow ?? 15,
    );
    let cnt = 0;
    const range = new Float64Array(sample.n);
    for (let k = 0; k < sample.n; k++)
      if (!train || train(sample.a[k]!, sample.b[k]!)) range[cnt++] = ds.pattern(sample.a[k]!, sample.b[k]!);
    if (cnt < 50) continue;
    const used = new Set(passes[p]!.parts.map((x) => x.field));
    const exclude = ds.fields.map((f) => used.has(f.name));
    const fit = fitEm(ds, countPatterns(range, cnt), u0, { iterations: settings.emIterations, fixU: true, exclude });
    iterations += fit.iterations;
    const wgt = fit.expectedMatches;
    if (!(wgt > 0)) continue;
    for (let f = 0; f < F; f++) {
      if (exclude[f]) continue;
      const m = fit.fields[f]!.m;
      for (let c = 1; c < m.length; c++) mSum[f]![c]! += m[c]! * wgt;
      wSum[f]! += wgt;
    }
  }
  const m = mSum.map((row, f) => {
    const L = row.length - 1;
    if (wSum[f]! > 0) return row.map((x) => x / wSum[f]!);
    // never estimable: a neutral guess, top level likely
    const v = new Array<number>(L + 1).fill(0);
    for (let c = 1; c <= L; c++) v[c] = c === L ? 0.8 : 0.2 / Math.max(1, L - 1);
    return v;
  });
  const src = ds.source.a;
  let n0 = 0;
  for (let i = 0; i < ds.n; i++) if (src[i] === 0) n0++;
  const totalPairs = mode === 'link_only' ? n0 * (ds.n - n0) : (ds.n * (ds.n - 1)) / 2;
  return finishModel(ds, m, u0, countPatterns(pat, pat.length), Math.max(1, totalPairs), iterations);
}

export { probability };
