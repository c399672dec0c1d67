// Incremental deduplication of the registry: only the persons registered or changed since the last
// run are compared, each against everyone (the blocks of the whole registry), with the model fitted
// by that run (nothing is re-estimated) and the registry's rules (relatives, minimum evidence).
// The store settles the automatic links against the identities that exist (no chaining). No I/O.
import { buildBlockIndex, lookupBlock, type PassSpec, parsePasses, passKey } from './blocking.ts';
import type { Dataset } from './dataset.ts';
import { DECISION } from './engine.ts';
import { type Contribution, type Model, Scorer, weightFor } from './model.ts';
import { registryRules } from './registryDedupe.ts';
import { DEFAULT_BLOCKING, type LinkSettings } from './settings.ts';
import { GrowI32 } from './typedColumns.ts';

export interface ChangedPairs {
  settings: LinkSettings;
  dataset: Dataset;
  a: Int32Array;
  b: Int32Array;
  weight: Float32Array;
  decision: Uint8Array;
  pairsCompared: number;
  explain(i: number, j: number): Contribution[];
}

/** The stored model's fields in the dataset's order (a field the model lacks weighs nothing). */
export function alignModel(ds: Dataset, model: Model): Model {
  return {
    ...model,
    fields: ds.fields.map((f) => {
      const p = model.fields.find((x) => x.name === f.name && x.levels.length === f.levels.length);
      const zeros = new Array<number>(f.levels.length + 1).fill(0);
      return p ?? { name: f.name, levels: f.levels, m: zeros, u: zeros, w: zeros };
    }),
  };
}

/** Blocks per pass larger than this are not searched whole for one record (its first `cap` rows are). */
export const CAP = 2000;

/**
 * The rows sharing the block of pass `p` with row `i`, in row order, at most the cap (row i among
 * them when it is in the first ones), into `out` (empty on entry).
 */
export type BlockLookup = (i: number, p: number, pass: PassSpec, out: number[]) => void;

/**
 * The pairs of each row of `changed` (distinct rows) with the rows `lookup` gives it, each pair
 * once, in the order first met. A pair met again is one of the same changed row (marked per row)
 * or, met first from its other row, one of two changed rows (only those are kept in a set).
 */
export function pairsOfChanged(
  n: number,
  changed: readonly number[],
  passes: PassSpec[],
  lookup: BlockLookup,
): { a: Int32Array; b: Int32Array } {
  const isChanged = new Uint8Array(n);
  for (const i of changed) isChanged[i] = 1;
  // the index in `changed` of the last row paired with each row
  const mark = new Int32Array(n).fill(-1);
  const both = new Set<number>();
  const A = new GrowI32(1 << 16),
    B = new GrowI32(1 << 16);
  const buf: number[] = [];
  for (let c = 0; c < changed.length; c++) {
    const i = changed[c]!;
    for (let p = 0; p < passes.length; p++) {
      buf.length = 0;
      lookup(i, p, passes[p]!, buf);
      for (const j of buf) {
        if (j === i || mark[j] === c) continue;
        mark[j] = c;
        const x = Math.min(i, j),
          y = Math.max(i, j);
        if (isChanged[j]) {
          const id = x * n + y;
          if (both.has(id)) continue;
          both.add(id);
        }
        A.push(x);
        B.push(y);
      }
    }
  }
  return { a: A.a.slice(0, A.n), b: B.a.slice(0, B.n) };
}

/** Compares every row of `changed` with every row sharing a block with it, and decides each pair. */
export function dedupeChanged(ds: Dataset, settings: LinkSettings, model: Model, changed: number[], cap = CAP): ChangedPairs {
  const passes = parsePasses(ds, settings.blocking ?? DEFAULT_BLOCKING);
  const idx = buildBlockIndex(ds, passes);
  return dedupeChangedWith(ds, settings, model, changed, passes, (i, p, pass, out) => {
    const key = passKey(ds, pass, i);
    if (key) lookupBlock(idx, p, key, out, cap);
  });
}

/**
 * dedupeChanged with the blocks given by `lookup` (the blocks kept between runs, blockIndex.ts):
 * the same pairs in the same order when the lookup answers as the whole registry's index would.
 */
export function dedupeChangedWith(
  ds: Dataset,
  settings: LinkSettings,
  model: Model,
  changed: number[],
  passes: PassSpec[],
  lookup: BlockLookup,
): ChangedPairs {
  const scorer = new Scorer(ds, alignModel(ds, model));
  const rules = registryRules(ds, settings, model);
  const { a, b } = pairsOfChanged(ds.n, changed, passes, lookup);
  const n = a.length;
  const weight = new Float32Array(n);
  const decision = new Uint8Array(n);
  const upperW = weightFor(settings.thresholds.upper),
    lowerW = weightFor(settings.thresholds.lower);
  for (let k = 0; k < n; k++) {
    const w = scorer.weight(a[k]!, b[k]!);
    weight[k] = w;
    const admit = rules.admit(a[k]!, b[k]!, w);
    if (w >= upperW && admit === DECISION.link && !ds.conflict(a[k]!, b[k]!)) decision[k] = DECISION.link;
    else if (w >= lowerW && admit >= DECISION.review) decision[k] = DECISION.review;
  }
  return { settings, dataset: ds, a, b, weight, decision, pairsCompared: n, explain: (i, j) => scorer.explain(i, j) };
}
