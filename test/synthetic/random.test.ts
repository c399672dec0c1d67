// The seeded generator: reproducible, in range, weighted picks follow their weights.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AliasTable, mix32, Rng } from '../../src/synthetic/random.ts';

describe('Rng', () => {
  test('the same seed and stream give the same sequence; another stream does not', () => {
    const a = new Rng(42, 1, 7);
    const b = new Rng(42, 1, 7);
    const c = new Rng(42, 1, 8);
    const xs = Array.from({ length: 50 }, () => a.u32());
    expect(Array.from({ length: 50 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.u32())).not.toEqual(xs);
  });

  test('int stays within its bounds and next within [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, lo, span) => {
        const r = new Rng(seed);
        for (let i = 0; i < 20; i++) {
          const v = r.int(lo, lo + span);
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(lo + span);
          const u = r.next();
          expect(u >= 0 && u < 1).toBe(true);
        }
      }),
    );
  });

  test('shuffle returns a permutation', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 40 }), (seed, xs) => {
        const ys = new Rng(seed).shuffle([...xs]);
        expect([...ys].sort((p, q) => p - q)).toEqual([...xs].sort((p, q) => p - q));
      }),
    );
  });

  test('mix32 is a bijection (no collisions on a range)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(mix32(i));
    expect(seen.size).toBe(100_000);
  });
});

test('alias table picks follow the weights', () => {
  const t = new AliasTable(['a', 'b', 'c', 'd'], [50, 30, 15, 5]);
  const r = new Rng(1);
  const n = 200_000;
  const counts: Record<string, number> = { a: 0, b: 0, c: 0, d: 0 };
  for (let i = 0; i < n; i++) counts[t.sample(r)]!++;
  expect(counts.a! / n).toBeCloseTo(0.5, 1);
  expect(counts.b! / n).toBeCloseTo(0.3, 1);
  expect(counts.c! / n).toBeCloseTo(0.15, 1);
  expect(counts.d! / n).toBeCloseTo(0.05, 1);
});
