import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jaroWinkler } from '../../src/names/jaroWinkler.ts';
import { skeletonSimilarity } from '../../src/names/skeleton.ts';
import { mixedText } from './arbitraries.ts';

describe('jaroWinkler', () => {
  test.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', '', 1],
    ['a', '', 0],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  test('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const x = jaroWinkler(a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(x, 12);
      }),
    );
  });
});

describe('skeletonSimilarity', () => {
  test('same name across scripts is 1', () => {
    expect(skeletonSimilarity('محمد', 'Mohammed')).toBe(1);
    expect(skeletonSimilarity('عبد الرحمن', 'Abdul-Rahman')).toBe(1);
  });

  test('close names score higher than unrelated ones', () => {
    expect(skeletonSimilarity('محمود', 'Muhammad')).toBeGreaterThan(skeletonSimilarity('محمود', 'Khalil'));
    expect(skeletonSimilarity('Mahmoud', 'Mahmoud')).toBe(1);
  });

  test('never throws, stays in [0, 1], is 1 on identical input', () => {
    fc.assert(
      fc.property(mixedText, mixedText, (a, b) => {
        const x = skeletonSimilarity(a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(skeletonSimilarity(a, a)).toBe(1);
      }),
      { numRuns: 1000 },
    );
  });
});
