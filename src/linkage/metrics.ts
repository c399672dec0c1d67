// Pairwise evaluation against known truth: precision, recall and F1 over the pairs implied by the
// clusters, and blocking recall (true pairs among the candidates / all true pairs).

export interface PairwiseScores {
  truePairs: number;
  predictedPairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * `cross`: count only pairs of records from different sources (link_only tasks).
 * `truth` and `predicted` are cluster labels per record; `source` is the input of each record.
 */
export function pairwiseScores(
  truth: ArrayLike<number>,
  predicted: ArrayLike<number>,
  source: ArrayLike<number>,
  cross: boolean,
): PairwiseScores {
  const n = truth.length;
  // labels are non-negative integers; pairs within groups are counted over sorted composite keys
  // (no per-record strings or maps: this runs on millions of records)
  let maxT = 0,
    maxP = 0;
  for (let i = 0; i < n; i++) {
    if (truth[i]! > maxT) maxT = truth[i]!;
    if (predicted[i]! > maxP) maxP = predicted[i]!;
  }
  const pairsByKey = (key: (i: number) => number): number => {
    const k = new Float64Array(n);
    for (let i = 0; i < n; i++) k[i] = key(i) * 2 + (source[i]! > 0 ? 1 : 0);
    k.sort();
    let s = 0;
    for (let x = 0; x < n; ) {
      const g = Math.floor(k[x]! / 2);
      let c0 = 0,
        c1 = 0;
      while (x < n && Math.floor(k[x]! / 2) === g) {
        if (k[x]! % 2 === 1) c1++;
        else c0++;
        x++;
      }
      s += cross ? c0 * c1 : ((c0 + c1) * (c0 + c1 - 1)) / 2;
    }
    return s;
  };
  const truePairs = pairsByKey((i) => truth[i]!);
  const predictedPairs = pairsByKey((i) => predicted[i]!);
  const width = maxP + 1;
  if ((maxT + 1) * width * 2 > Number.MAX_SAFE_INTEGER) throw new Error('pairwiseScores: labels too large');
  const truePositives = pairsByKey((i) => truth[i]! * width + predicted[i]!);
  const precision = predictedPairs ? truePositives / predictedPairs : 1;
  const recall = truePairs ? truePositives / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePairs, predictedPairs, truePositives, precision, recall, f1 };
}

/** True pairs among the candidate pairs / all true pairs. */
export function blockingRecall(truth: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>, n: number, truePairs: number): number {
  let hit = 0;
  for (let k = 0; k < n; k++) if (truth[a[k]!] === truth[b[k]!]) hit++;
  return truePairs ? hit / truePairs : 1;
}
