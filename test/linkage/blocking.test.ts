import { describe, expect, it } from 'vitest';
import { link } from '../../src/linkage/engine.ts';
import { dedupeRegistry } from '../../bench/linkage/gen.ts';
import type { RawRecord } from '../../src/linkage/fields.ts';

describe('blocking', () => {
  it('emits every candidate pair once, also when oversized blocks are windowed in several passes', () => {
    const recs: RawRecord[] = [];
    for (const { rec } of dedupeRegistry(4000, 0.3, 3)) recs.push(rec);
    for (const [maxBlockSize, blockWindow] of [
      [3, 2],
      [10, 4],
      [40, 15],
    ] as const) {
      const r = link([recs], { uSamples: 20000, maxBlockSize, blockWindow });
      const seen = new Set<number>();
      for (let k = 0; k < r.a.length; k++) {
        expect(r.a[k]!).toBeLessThan(r.b[k]!);
        seen.add(r.a[k]! * r.dataset.n + r.b[k]!);
      }
      expect(seen.size).toBe(r.a.length);
      if (maxBlockSize <= 10) expect(r.stats.passes.some((p) => p.oversizedBlocks > 0)).toBe(true);
    }
  }, 120_000);
});
