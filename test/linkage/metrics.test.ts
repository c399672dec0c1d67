import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockingRecall, pairwiseScores } from '../../src/linkage/metrics.ts';

describe('pairwise evaluation', () => {
  it('counts pairs inside clusters', () => {
    const s = pairwiseScores([0, 0, 0, 1, 1], [0, 0, 1, 1, 1], [0, 0, 0, 0, 0], false);
    expect(s.truePairs).toBe(4);
    expect(s.predictedPairs).toBe(4);
    expect(s.truePositives).toBe(2);
    expect(s.f1).toBeCloseTo(0.5);
  });
  it('a perfect clustering scores 1, whatever the labels', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 40 }), (t) => {
        const s = pairwiseScores(
          t,
          t.map((x) => x + 100),
          t.map(() => 0),
          false,
        );
        expect(s.precision).toBe(1);
        expect(s.recall).toBe(1);
      }),
    );
  });
  it('blocking recall is true pairs among candidates over all true pairs', () => {
    expect(blockingRecall([0, 0, 1, 1], [0, 2], [1, 3], 2, 2)).toBe(1);
    expect(blockingRecall([0, 0, 1, 1], [0, 1], [1, 2], 2, 2)).toBe(0.5);
  });
});
