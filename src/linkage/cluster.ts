// Clustering without plain transitive closure. Links above the upper threshold are taken in
// decreasing weight; two clusters merge only when (a) no pair across them conflicts (two valid,
// different national IDs), (b) the mean match probability over all pairs across them reaches
// clusterMeanProbability (so a chain A-B-C where A and C disagree does not form), and (c) in
// one-to-one mode, they hold no two records of the same input.
import type { Dataset } from './dataset.ts';
import { probability, type Scorer } from './model.ts';

export interface ClusterOptions {
  upperWeight: number;
  meanProbability: number;
  oneToOne: boolean;
  /** largest number of cross pairs scored for one merge decision (sampled beyond) */
  maxCrossPairs?: number;
  /** the strongest decision a pair may get (2 = link); a cross pair below 2 refuses the merge */
  admit?: (i: number, j: number, weight?: number) => number;
  /** every cross pair must reach this match probability (no chaining through a third record) */
  minProbability?: number;
}

export interface ClusterResult {
  clusterOf: Int32Array;
  /** merges refused by the constraints (candidate pairs above the threshold left apart) */
  refused: number;
}

export function cluster(
  ds: Dataset,
  scorer: Scorer,
  a: Int32Array,
  b: Int32Array,
  weight: Float32Array,
  n: number,
  opt: ClusterOptions,
): ClusterResult {
  const N = ds.n;
  const parent = new Int32Array(N);
  for (let i = 0; i < N; i++) parent[i] = i;
  const members: (number[] | undefined)[] = new Array(N);
  const srcMask = new Uint8Array(N);
  for (let i = 0; i < N; i++) srcMask[i] = 1 << Math.min(7, ds.source.a[i]!);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const mem = (r: number): number[] => members[r] ?? [r];
  // edges above the threshold, strongest first
  let m = 0;
  for (let k = 0; k < n; k++) if (weight[k]! >= opt.upperWeight) m++;
  const order = new Int32Array(m);
  m = 0;
  for (let k = 0; k < n; k++) if (weight[k]! >= opt.upperWeight) order[m++] = k;
  order.sort((x, y) => weight[y]! - weight[x]! || x - y);
  const maxCross = opt.maxCrossPairs ?? 400;
  let refused = 0;
  for (let t = 0; t < m; t++) {
    const k = order[t]!;
    const i = a[k]!,
      j = b[k]!;
    if (ds.conflict(i, j) || (opt.admit && opt.admit(i, j, weight[k]!) < 2)) {
      refused++;
      continue;
    }
    const ri = find(i),
      rj = find(j);
    if (ri === rj) continue;
    if (opt.oneToOne && (srcMask[ri]! & srcMask[rj]!) !== 0) {
      refused++;
      continue;
    }
    const A = mem(ri),
      B = mem(rj);
    if (A.length * B.length > 1) {
      const total = A.length * B.length;
      const step = total > maxCross ? total / maxCross : 1;
      let sum = 0,
        cnt = 0,
        bad = false;
      for (let q = 0; q < total && !bad; q += step) {
        const qi = Math.floor(q);
        const x = A[Math.floor(qi / B.length)]!,
          y = B[qi % B.length]!;
        const w = scorer.weight(x, y);
        const p = probability(w);
        if (ds.conflict(x, y) || (opt.admit && opt.admit(x, y, w) === 0) || p < (opt.minProbability ?? 0)) bad = true;
        sum += p;
        cnt++;
      }
      if (bad || sum / cnt < opt.meanProbability) {
        refused++;
        continue;
      }
    }
    // union: smaller into larger
    const [big, small] = A.length >= B.length ? [ri, rj] : [rj, ri];
    parent[small] = big;
    const merged = mem(big).concat(mem(small));
    members[big] = merged;
    members[small] = undefined;
    srcMask[big]! |= srcMask[small]!;
  }
  const clusterOf = new Int32Array(N);
  const idOf = new Int32Array(N).fill(-1);
  let next = 0;
  for (let i = 0; i < N; i++) {
    const r = find(i);
    if (idOf[r] === -1) idOf[r] = next++;
    clusterOf[i] = idOf[r]!;
  }
  return { clusterOf, refused };
}
