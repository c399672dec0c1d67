// Calibrated probabilities: the isotonic fit is non-decreasing in the weight, says what share of
// pairs are true, and the shipped calibration keeps "90% and more" for pairs that are nine in ten true.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { calibrate, fitCalibration } from '../../src/linkage/calibration.ts';
import { referenceModel } from '../../src/linkage/registryDedupe.ts';

test('the fit is non-decreasing and gives the share of true pairs of each step', () => {
  const pairs = [
    ...Array.from({ length: 100 }, (_, i) => ({ weight: -5 + i / 100, same: i % 4 === 0 })), // 25% true
    ...Array.from({ length: 100 }, (_, i) => ({ weight: 10 + i / 100, same: i % 10 !== 0 })), // 90% true
  ];
  const c = fitCalibration(pairs, 20);
  for (let i = 1; i < c.probabilities.length; i++) expect(c.probabilities[i]!).toBeGreaterThanOrEqual(c.probabilities[i - 1]!);
  expect(calibrate(-4.5, c)).toBeCloseTo(0.25, 1);
  expect(calibrate(10.5, c)).toBeCloseTo(0.9, 1);
});

test('calibrated probabilities are monotone in the weight and between 0 and 1', () => {
  const c = referenceModel().calibration;
  expect(c?.weights.length).toBeGreaterThan(1);
  fc.assert(
    fc.property(fc.double({ min: -80, max: 80, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), (w, d) => {
      const p = calibrate(w, c),
        q = calibrate(w + d, c);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(q).toBeLessThanOrEqual(1);
      expect(q).toBeGreaterThanOrEqual(p - 1e-12);
    }),
  );
});
