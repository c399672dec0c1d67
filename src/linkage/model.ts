// Fellegi-Sunter model. u probabilities start from random pairs, m probabilities and the prior
// are then estimated by expectation-maximisation over the candidate pairs' comparison patterns
// (no labels). Match weight of a pair = prior weight + sum over fields of log2(m/u) at the pair's
// level + term-frequency adjustments.
import type { Dataset } from './dataset.ts';
import type { PairMode } from './blocking.ts';

export interface FieldParams {
  name: string;
  levels: readonly string[];
  /** m and u per level code (index 0 = null, unused) */
  m: number[];
  u: number[];
  /** log2(m/u) per level code, 0 for null */
  w: number[];
}

export interface Model {
  lambda: number;
  priorWeight: number;
  fields: FieldParams[];
  iterations: number;
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Level distribution of every field over random pairs. */
export function estimateU(ds: Dataset, mode: PairMode, samples: number, seed: number): number[][] {
  const r = rng(seed);
  const counts = ds.fields.map((f) => new Array<number>(f.levels.length + 1).fill(1));
  const n = ds.n;
  const src = ds.source.a;
  let rows0: number[] | null = null,
    rows1: number[] | null = null;
  if (mode === 'link_only') {
    rows0 = [];
    rows1 = [];
    for (let i = 0; i < n; i++) (src[i] === 0 ? rows0 : rows1).push(i);
    if (!rows0.length || !rows1.length) rows0 = rows1 = null;
  }
  const total = Math.min(samples, (n * (n - 1)) / 2);
  for (let s = 0; s < total; s++) {
    let i: number, j: number;
    if (rows0 && rows1) {
      i = rows0[Math.floor(r() * rows0.length)]!;
      j = rows1[Math.floor(r() * rows1.length)]!;
    } else {
      i = Math.floor(r() * n);
      j = Math.floor(r() * n);
      if (i === j) continue;
    }
    for (let f = 0; f < ds.fields.length; f++) counts[f]![ds.fields[f]!.compare(i, j)]!++;
  }
  return counts.map((c) => {
    const tot = c.slice(1).reduce((a, b) => a + b, 0);
    return c.map((x, k) => (k === 0 ? 0 : x / tot));
  });
}

export interface PatternCounts {
  patterns: Float64Array;
  counts: Float64Array;
}

export function countPatterns(pat: Float64Array, n: number): PatternCounts {
  const map = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    const p = pat[k]!;
    map.set(p, (map.get(p) ?? 0) + 1);
  }
  const patterns = new Float64Array(map.size),
    counts = new Float64Array(map.size);
  let t = 0;
  for (const [p, c] of map) {
    patterns[t] = p;
    counts[t++] = c;
  }
  return { patterns, counts };
}

export interface EmOptions {
  iterations: number;
  /** keep u at its random-pair estimate (true) or re-estimate it on the candidates (false) */
  fixU: boolean;
  /** fields left out of this fit (those a blocking pass forces to agree) */
  exclude?: boolean[];
}

export function fitEm(ds: Dataset, pc: PatternCounts, u0: number[][], opt: EmOptions): Model & { expectedMatches: number } {
  const F = ds.fields.length;
  const P = pc.patterns.length;
  // decode patterns once
  const codes = new Uint8Array(P * F);
  for (let k = 0; k < P; k++) for (let f = 0; f < F; f++) codes[k * F + f] = opt.exclude?.[f] ? 0 : ds.code(pc.patterns[k]!, f);
  const m = ds.fields.map((fd) => {
    const L = fd.levels.length;
    const v = new Array<number>(L + 1).fill(0);
    let tot = 0;
    for (let c = 1; c <= L; c++) tot += v[c] = 4 ** (c - 1);
    for (let c = 1; c <= L; c++) v[c]! /= tot;
    return v;
  });
  const u = u0.map((x) => x.slice());
  let lambda = 0.1;
  const post = new Float64Array(P);
  let it = 0;
  for (; it < opt.iterations; it++) {
    // E step
    let sumP = 0,
      total = 0;
    for (let k = 0; k < P; k++) {
      let lm = 1,
        lu = 1;
      for (let f = 0; f < F; f++) {
        const c = codes[k * F + f]!;
        if (c === 0) continue;
        lm *= m[f]![c]!;
        lu *= u[f]![c]!;
      }
      const a = lambda * lm,
        b = (1 - lambda) * lu;
      const p = a + b > 0 ? a / (a + b) : 0;
      post[k] = p;
      sumP += p * pc.counts[k]!;
      total += pc.counts[k]!;
    }
    // M step
    const newLambda = Math.min(0.999, Math.max(1e-6, sumP / total));
    let delta = Math.abs(newLambda - lambda);
    lambda = newLambda;
    for (let f = 0; f < F; f++) {
      const L = ds.fields[f]!.levels.length;
      const mm = new Array<number>(L + 1).fill(0),
        uu = new Array<number>(L + 1).fill(0);
      for (let k = 0; k < P; k++) {
        const c = codes[k * F + f]!;
        if (c === 0) continue;
        mm[c]! += post[k]! * pc.counts[k]!;
        uu[c]! += (1 - post[k]!) * pc.counts[k]!;
      }
      const ms = mm.reduce((a, b) => a + b, 0),
        us = uu.reduce((a, b) => a + b, 0);
      for (let c = 1; c <= L; c++) {
        // light smoothing keeps every level possible
        const nm = (mm[c]! + 0.5) / (ms + 0.5 * L);
        delta = Math.max(delta, Math.abs(nm - m[f]![c]!));
        m[f]![c] = nm;
        if (!opt.fixU) u[f]![c] = (uu[c]! + 0.5) / (us + 0.5 * L);
      }
    }
    if (delta < 1e-6) {
      it++;
      break;
    }
  }
  const fields = fieldParams(ds, m, u);
  let expected = 0;
  for (let k = 0; k < P; k++) expected += post[k]! * pc.counts[k]!;
  return { lambda, priorWeight: Math.log2(lambda / (1 - lambda)), fields, iterations: it, expectedMatches: expected };
}

/** Each field's m and u probabilities per level and its level weights (log2 m/u; 0 for missing). */
function fieldParams(ds: Dataset, m: number[][], u: number[][]): FieldParams[] {
  return ds.fields.map((fd, f) => ({
    name: fd.name,
    levels: fd.levels,
    m: m[f]!,
    u: u[f]!,
    w: m[f]!.map((x, c) => (c === 0 ? 0 : Math.log2(x / u[f]![c]!))),
  }));
}

/** A model from m and u probabilities, with the prior fitted so that candidates carry the matches of all pairs. */
export function finishModel(ds: Dataset, m: number[][], u: number[][], pc: PatternCounts, totalPairs: number, iterations: number): Model {
  const fields = fieldParams(ds, m, u);
  const P = pc.patterns.length,
    F = ds.fields.length;
  const bf = new Float64Array(P);
  for (let k = 0; k < P; k++) {
    let w = 0;
    for (let f = 0; f < F; f++) w += fields[f]!.w[ds.code(pc.patterns[k]!, f)]!;
    bf[k] = 2 ** Math.max(-60, Math.min(60, w));
  }
  // prior: expected matches among the candidates / all pairs, to a fixed point
  let lambda = 1e-4;
  for (let it = 0; it < 100; it++) {
    const odds = lambda / (1 - lambda);
    let expected = 0;
    for (let k = 0; k < P; k++) {
      const o = odds * bf[k]!;
      expected += (o / (1 + o)) * pc.counts[k]!;
    }
    const next = Math.min(0.5, Math.max(1e-12, expected / totalPairs));
    if (Math.abs(next - lambda) < lambda * 1e-4) {
      lambda = next;
      break;
    }
    lambda = next;
  }
  return { lambda, priorWeight: Math.log2(lambda / (1 - lambda)), fields, iterations };
}

export interface Contribution {
  field: string;
  level: string;
  /** log2 Bayes factor of the level */
  weight: number;
  /** term-frequency adjustment (log2) */
  tf: number;
  left: string;
  right: string;
}

export class Scorer {
  /** flat weight table: w[f * 16 + code] */
  private readonly w: Float64Array;
  private readonly tfFields: number[];
  constructor(
    readonly ds: Dataset,
    readonly model: Model,
  ) {
    this.w = new Float64Array(ds.fields.length * 16);
    model.fields.forEach((fp, f) => fp.w.forEach((x, c) => (this.w[f * 16 + c] = x)));
    this.tfFields = [];
    ds.fields.forEach((f, k) => {
      if ((f as { tf?: boolean }).tf) this.tfFields.push(k);
    });
  }
  /** pattern → slot in baseW / tfCode (weights decoded once per distinct pattern) */
  private readonly slots = new Map<number, number>();
  private baseW = new Float64Array(1024);
  private tfCode = new Uint8Array(1024 * 16);
  private slot(pattern: number): number {
    let s = this.slots.get(pattern);
    if (s !== undefined) return s;
    s = this.slots.size;
    const ds = this.ds,
      F = ds.fields.length,
      T = this.tfFields.length;
    if (s >= this.baseW.length || (s + 1) * T > this.tfCode.length) {
      const cap = this.baseW.length * 2;
      const bw = new Float64Array(cap);
      bw.set(this.baseW);
      this.baseW = bw;
      const tc = new Uint8Array(Math.max(this.tfCode.length * 2, cap * T));
      tc.set(this.tfCode);
      this.tfCode = tc;
    }
    let w = 0;
    let rest = pattern;
    for (let f = 0; f < F; f++) {
      const r = ds.radix[f]!;
      const c = rest % r;
      rest = (rest - c) / r;
      w += this.w[f * 16 + c]!;
    }
    this.baseW[s] = w;
    for (let t = 0; t < T; t++) this.tfCode[s * T + t] = ds.code(pattern, this.tfFields[t]!);
    this.slots.set(pattern, s);
    return s;
  }
  /** Match weight of a pattern for rows i, j (with term-frequency adjustments). */
  weightOf(pattern: number, i: number, j: number): number {
    const s = this.slot(pattern);
    let w = this.model.priorWeight + this.baseW[s]!;
    const tfs = this.tfFields,
      T = tfs.length;
    for (let t = 0; t < T; t++) {
      const c = this.tfCode[s * T + t]!;
      if (c > 1) w += this.ds.fields[tfs[t]!]!.tfAdjust(i, j, c);
    }
    return w;
  }
  weight(i: number, j: number): number {
    return this.weightOf(this.ds.pattern(i, j), i, j);
  }
  explain(i: number, j: number): Contribution[] {
    const ds = this.ds;
    return ds.fields.map((f, k) => {
      const c = f.compare(i, j);
      return {
        field: f.name,
        level: c === 0 ? 'missing' : f.levels[c - 1]!,
        weight: c === 0 ? 0 : this.model.fields[k]!.w[c]!,
        tf: c > 1 ? f.tfAdjust(i, j, c) : 0,
        left: f.show(i),
        right: f.show(j),
      };
    });
  }
}

export const probability = (w: number): number => 1 / (1 + 2 ** -w);
export const weightFor = (p: number): number => Math.log2(p / (1 - p));
