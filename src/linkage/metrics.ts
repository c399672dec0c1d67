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
export function pairwiseScores(truth: ArrayLike<number>, predicted: ArrayLike<number>, source: ArrayLike<number>, cross: boolean): PairwiseScores {
  const pairsIn = (groups: Map<string, number[]>): number => {
    let s = 0;
    for (const c of groups.values()) s += cross ? c[0]! * c[1]! : ((c[0]! + c[1]!) * (c[0]! + c[1]! - 1)) / 2;
    return s;
  };
  const group = (key: (i: number) => string): Map<string, number[]> => {
    const g = new Map<string, number[]>();
    for (let i = 0; i < truth.length; i++) {
      const k = key(i);
      let c = g.get(k);
      if (!c) g.set(k, (c = [0, 0]));
      c[source[i]! > 0 ? 1 : 0]!++;
    }
    return g;
  };
  const truePairs = pairsIn(group((i) => String(truth[i])));
  const predictedPairs = pairsIn(group((i) => String(predicted[i])));
  const truePositives = pairsIn(group((i) => `${truth[i]}:${predicted[i]}`));
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
