// The reference model of the registry's deduplication, shipped with Sanad as data
// (data/registry-model.json, written by bench/linkage/fitRegistryModel.ts): read once.
import { readFileSync } from 'node:fs';
import type { Model } from './model.ts';

/**
 * m and u probabilities per field, fitted with known truth; `records` it was fitted on; the
 * calibration of match weights into probabilities (calibration.ts), fitted on the same data.
 */
export type ReferenceModel = Model & { records: number; source: string; calibration?: { weights: number[]; probabilities: number[] } };

let reference: ReferenceModel | undefined;

/** The model shipped with Sanad (the prior of every registry fit, and the model before the first fit). */
export function referenceModel(): ReferenceModel {
  reference ??= JSON.parse(readFileSync(new URL('./data/registry-model.json', import.meta.url), 'utf8')) as ReferenceModel;
  return reference;
}
