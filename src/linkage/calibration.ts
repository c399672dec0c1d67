// Calibrated match probabilities. The Fellegi-Sunter posterior assumes the fields independent given
// match status; in a registry of families they are not (a brother shares father, grandfather and
// family name at once), so the raw probability is over-confident in the middle of the range. The
// calibration maps a pair's match weight to the share of true pairs among pairs of that weight,
// measured with known truth on clan-shaped synthetic registries (isotonic regression, pool adjacent
// violators), so that "90%" means nine in ten. No I/O.
import { probability } from './model.ts';

export type Calibration = { weights: number[]; probabilities: number[] };

/**
 * Isotonic fit of truth on weight: blocks of at least `minBlock` pairs with non-decreasing shares
 * of true pairs, as knots (weight, share). `pairs` need not be sorted.
 */
export function fitCalibration(pairs: { weight: number; same: boolean }[], minBlock = 40): Calibration {
  const sorted = [...pairs].sort((x, y) => x.weight - y.weight);
  // start from blocks of minBlock pairs, then pool adjacent violators
  type Block = { n: number; t: number; lo: number; hi: number };
  const blocks: Block[] = [];
  for (let i = 0; i < sorted.length; i += minBlock) {
    const part = sorted.slice(i, i + minBlock);
    const b = { n: part.length, t: part.filter((p) => p.same).length, lo: part[0]!.weight, hi: part[part.length - 1]!.weight };
    blocks.push(b);
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!,
        prev = blocks[blocks.length - 2]!;
      if (prev.t / prev.n < last.t / last.n) break;
      blocks.pop();
      prev.n += last.n;
      prev.t += last.t;
      prev.hi = last.hi;
    }
  }
  // a step per block (its lowest and highest weight); shares kept off 0 and 1 (a handful of pairs
  // never proves certainty)
  const weights: number[] = [],
    probabilities: number[] = [];
  for (const b of blocks) {
    const p = (b.t + 0.5) / (b.n + 1);
    weights.push(b.lo, b.hi);
    probabilities.push(p, p);
  }
  return { weights, probabilities };
}

/** The calibrated probability of a match weight: interpolated between knots; raw outside them, bounded by the end knots. */
export function calibrate(weight: number, c: Calibration | undefined): number {
  if (!c || c.weights.length === 0) return probability(weight);
  const w = c.weights,
    p = c.probabilities;
  if (weight <= w[0]!) return Math.min(probability(weight), p[0]!);
  if (weight >= w[w.length - 1]!) return p[p.length - 1]!;
  let lo = 0,
    hi = w.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (w[mid]! <= weight) lo = mid;
    else hi = mid;
  }
  const f = (weight - w[lo]!) / (w[hi]! - w[lo]! || 1);
  return p[lo]! + f * (p[hi]! - p[lo]!);
}
