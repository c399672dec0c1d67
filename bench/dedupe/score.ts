// One scorer for the registry's deduplication, whether its outcome comes from the database (`sanad
// export links` and the stored pairs, bench/dedupe/registry.ts) or from the pipeline in memory
// (bench/linkage/clanEval.ts): pairwise precision, recall and F1 of the identities against the
// truth, exactly as `sanad link` is scored, with the review queue and the shown probabilities.
import { pairwiseScores } from '../../src/linkage/metrics.ts';

/** A stored pair: linked automatically ('auto_linked') or waiting for review ('pending'), or decided. */
export type StoredPair = { a: string; b: string; status: string; probability: number };

export type RegistryScores = {
  persons: number;
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
  /** recall of the links and the pending review pairs together (if every review were decided right) */
  recallWithReview: number;
  autoLinks: number;
  review: number;
  /** true pairs among the review pairs */
  reviewTrue: number;
  reviewPer1000: number;
  /** share of the persons in at least one review pair */
  reviewPersonsShare: number;
  /** pairs shown at 90% or more, and how many of them are one person */
  shown90: number;
  shown90True: number;
};

/**
 * Scores of the identities `clusterOf` (person id → identity; a person in none is alone) and the
 * stored `pairs` against `truthOf` (person id → true identity).
 */
export function scoreRegistry(
  persons: readonly string[],
  truthOf: (id: string) => string,
  clusterOf: (id: string) => string | undefined,
  pairs: readonly StoredPair[],
): RegistryScores {
  const label = new Map<string, number>();
  const num = (s: string) => {
    let v = label.get(s);
    if (v === undefined) label.set(s, (v = label.size));
    return v;
  };
  const truth = Int32Array.from(persons, (p) => num(`t:${truthOf(p)}`));
  const predicted = Int32Array.from(persons, (p) => num(`p:${clusterOf(p) ?? `alone:${p}`}`));
  const s = pairwiseScores(truth, predicted, new Int32Array(persons.length), false);
  const same = (r: StoredPair) => truthOf(r.a) === truthOf(r.b);
  const review = pairs.filter((r) => r.status === 'pending');
  const inReview = new Set(review.flatMap((r) => [r.a, r.b]));
  const found = pairs.filter((r) => (r.status === 'pending' || r.status === 'auto_linked') && same(r)).length;
  const shown = pairs.filter((r) => r.probability >= 0.9);
  return {
    persons: persons.length,
    truePairs: s.truePairs,
    precision: s.precision,
    recall: s.recall,
    f1: s.f1,
    recallWithReview: s.truePairs ? Math.max(s.recall, found / s.truePairs) : 1,
    autoLinks: pairs.filter((r) => r.status === 'auto_linked').length,
    review: review.length,
    reviewTrue: review.filter(same).length,
    reviewPer1000: (review.length / persons.length) * 1000,
    reviewPersonsShare: inReview.size / persons.length,
    shown90: shown.length,
    shown90True: shown.filter(same).length,
  };
}
