// Linkage settings: thresholds are probabilities strictly between 0 and 1 (0 or 1 is an infinite
// match weight, which the registry's linkage_model table also refuses), lower not above upper.
import { expect, test } from 'vitest';
import { resolveSettings } from '../../src/linkage/settings.ts';

test('thresholds strictly between 0 and 1, lower not above upper', () => {
  expect(resolveSettings({ thresholds: { upper: 0.999999, lower: 0.5 } }).thresholds).toEqual({ upper: 0.999999, lower: 0.5 });
  for (const thresholds of [
    { upper: 1, lower: 0.5 },
    { upper: 0.9, lower: 0 },
    { upper: 0.4, lower: 0.5 },
    { upper: 1.2, lower: 0.5 },
  ]) {
    expect(() => resolveSettings({ thresholds }), JSON.stringify(thresholds)).toThrow(/^settings: thresholds\.(upper|lower): /);
  }
});
