// Deduplication inside the registry (`sanad duplicates`, the check while typing). A registry holds
// families and almost no one twice, so an unsupervised fit alone learns "same family" as "same
// person". Here:
//  - m probabilities start from a reference model fitted with known truth on clan-shaped synthetic
//    registries (data/registry-model.json, bench/linkage/fitRegistryModel.ts), and EM over the
//    registry's own pairs may move them only within a factor of two of it; EM never learns from
//    pairs that read as relatives; u probabilities come from random pairs of the registry;
//  - relatives (relations.ts) are not candidates unless strong evidence says one person;
//  - an automatic link needs that strong evidence (the same national ID; or the full name with
//    the same full date of birth, or with the same phone number), and every pair inside a cluster
//    must itself be likely (no chaining through a third record);
//  - the outcome depends on the records only, not on the order they were registered or read in:
//    they are linked in an order given by their content (canonicalOrder), so the seeded samples
//    (u probabilities, EM's training pairs) and every tie are the same from run to run.
// No I/O (the shipped reference model is read by referenceModel.io.ts).
export { referenceModel, type ReferenceModel } from './referenceModel.io.ts';
import type { BlockIndex } from './blocking.ts';
import type { Dataset } from './dataset.ts';
import { DECISION, fitModel, link, type LinkHooks, type LinkResult, type LinkRules } from './engine.ts';
import type { RawRecord } from './fields.ts';
import { calibrate } from './calibration.ts';
import { countPatterns, finishModel, type Model } from './model.ts';
import { referenceModel } from './referenceModel.io.ts';
import { RelationReader } from './relations.ts';
import { resolveSettings, type LinkSettings, type LinkSettingsInput } from './settings.ts';

/** The registry's settings (a settings file given to `sanad duplicates` is laid over them). */
export const REGISTRY_SETTINGS: LinkSettingsInput = {};

/** How far (as a factor) EM may move an m probability away from the reference. */
const M_FACTOR = 2;

/** The registry's m: the reference's, moved toward EM's estimate at most M_FACTOR either way. */
export function anchoredM(ds: Dataset, em: Model, ref: Model): number[][] {
  return ds.fields.map((f, k) => {
    const r = ref.fields.find((x) => x.name === f.name && x.levels.length === f.levels.length);
    const e = em.fields[k]!.m;
    if (!r) return e.slice();
    const m = r.m.map((x, c) => (c === 0 ? 0 : Math.min(x * M_FACTOR, Math.max(x / M_FACTOR, Math.sqrt(x * (e[c] ?? x))))));
    const tot = m.reduce((s, x) => s + x, 0);
    return m.map((x) => x / tot);
  });
}

/** Random pairs of the reference the registry's own u probabilities are weighed against (small registries lean on the reference). */
const U_PRIOR_PAIRS = 20_000;

/** The registry's u: its random pairs' level shares, with the reference's as U_PRIOR_PAIRS pseudo-pairs. */
export function anchoredU(ds: Dataset, u0: number[][], ref: Model, samples: number): number[][] {
  const own = Math.min(samples, (ds.n * (ds.n - 1)) / 2);
  return ds.fields.map((f, k) => {
    const r = ref.fields.find((x) => x.name === f.name && x.levels.length === f.levels.length);
    const u = u0[k]!;
    if (!r) return u.slice();
    return u.map((x, c) => (c === 0 ? 0 : (x * own + r.u[c]! * U_PRIOR_PAIRS) / (own + U_PRIOR_PAIRS)));
  });
}

/**
 * A different father's name weighs more than a shared given and family name (the same given and
 * family name with another father are two men, often cousins): m of the father's "disagree" level
 * is lowered until its weight is below minus the exact given and family weights. In place; `names`
 * are the fields' names in the order of `m` and `u`.
 */
export function fatherOutweighs(names: readonly string[], m: number[][], u: number[][]): void {
  const at = (n: string) => names.indexOf(n);
  const f = at('father'),
    g = at('given'),
    fam = at('family');
  if (f < 0 || g < 0 || fam < 0) return;
  const top = (k: number) => Math.log2(m[k]![m[k]!.length - 1]! / u[k]![u[k]!.length - 1]!);
  const limit = -(top(g) + top(fam)) - 1;
  const mf = m[f]!;
  const capped = u[f]![1]! * 2 ** limit;
  if (mf[1]! <= capped) return;
  const spare = mf[1]! - capped;
  mf[1] = capped;
  // the mass taken off goes to the other levels in proportion
  const rest = mf.reduce((s, x, c) => (c > 1 ? s + x : s), 0);
  for (let c = 2; c < mf.length; c++) mf[c]! += (spare * mf[c]!) / rest;
}

/**
 * The least match weight at which the whole four-part name with the birth year (without an ID, a full
 * date of birth or a phone in common) links automatically; below it the pair goes to review. On the
 * commonest names two people (boys named after their grandfathers, born the same year) share all
 * four parts: the term frequencies leave such pairs at low weights (4 to 9 at 1,000,000 persons).
 */
export const NAME_YEAR_MIN_WEIGHT = 10;

/** The rules of the registry for one dataset: relatives, minimum evidence, no chaining, the anchored fit. */
export function registryRules(ds: Dataset, settings: LinkSettings, ref: Model = referenceModel()): LinkRules {
  const rel = new RelationReader(ds);
  // weight: the pair's match weight when known (the four-part name with the year links only at NAME_YEAR_MIN_WEIGHT or above)
  const admit = (i: number, j: number, weight?: number): number => {
    const strong = rel.strong(i, j);
    if (rel.relation(i, j) !== 'none') return strong ? DECISION.review : DECISION.distinct;
    if (strong) return DECISION.link;
    return rel.nameAndYear(i, j) && (weight === undefined || weight >= NAME_YEAR_MIN_WEIGHT) ? DECISION.link : DECISION.review;
  };
  const fit = (d: Dataset, blockIndex: BlockIndex, pat: Float64Array, random: number[][], a: Int32Array, b: Int32Array): Model => {
    const train = (i: number, j: number) => admit(i, j) !== DECISION.distinct;
    const u0 = anchoredU(d, random, ref, settings.uSamples);
    const em = fitModel(d, blockIndex, pat, u0, settings, 'dedupe', train);
    const m = anchoredM(d, em, ref);
    fatherOutweighs(
      d.fields.map((x) => x.name),
      m,
      u0,
    );
    // the prior over the pairs that may be one person (relatives are not)
    const kept = new Float64Array(pat.length);
    let n = 0;
    for (let k = 0; k < pat.length; k++) if (train(a[k]!, b[k]!)) kept[n++] = pat[k]!;
    const total = (d.n * (d.n - 1)) / 2;
    return finishModel(d, m, u0, countPatterns(kept, n), Math.max(1, total), em.iterations);
  };
  return { admit, fit, minProbability: settings.thresholds.lower };
}

/** Hooks for link(): the registry's rules. */
export function registryLinkHooks(hooks: LinkHooks = {}, settingsInput: unknown = REGISTRY_SETTINGS, ref?: Model): LinkHooks {
  const settings = resolveSettings(settingsInput);
  return { ...hooks, rules: (ds) => registryRules(ds, settings, ref) };
}

/** The highest probability shown for a pair with conflicting evidence (two valid IDs) or whose names, sexes or years say two people. */
export const TWO_PEOPLE_CAP = 0.5;

/**
 * The probability shown for a match weight: calibrated with the reference model's calibration;
 * never above TWO_PEOPLE_CAP when the pair has conflicting evidence or reads as two people
 * (relatives, another sex, another generation), whatever else agrees.
 */
export function shownProbability(weight: number, twoPeople = false): number {
  const p = calibrate(weight, referenceModel().calibration);
  return twoPeople ? Math.min(p, TWO_PEOPLE_CAP) : p;
}

/** A 53-bit hash of a record's content: its values in `columns` (never its id). */
function contentHash(r: RawRecord, columns: readonly string[]): number {
  let h1 = 0xdeadbeef,
    h2 = 0x41c6ce57;
  for (let c = 0; c < columns.length; c++) {
    const v = r[columns[c]!];
    if (v !== undefined)
      for (let i = 0; i < v.length; i++) {
        const x = v.charCodeAt(i);
        h1 = Math.imul(h1 ^ x, 2654435761);
        h2 = Math.imul(h2 ^ x, 1597334677);
      }
    // a separator, so that values moved between columns hash apart
    h1 = Math.imul(h1 ^ (0x10000 + c), 2654435761);
    h2 = Math.imul(h2 ^ (0x10000 + c), 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The records in an order given by their content alone (a hash of their values in `columns`;
 * equal contents by id), so that the registry is linked the same way whatever order its persons
 * were registered or read in.
 */
export function canonicalOrder(records: readonly RawRecord[], columns: readonly string[]): RawRecord[] {
  return canonicalPermutation(records, columns).map((i) => records[i]!);
}

/** canonicalOrder as positions: element k is the index in `records` of the k-th record in that order. */
export function canonicalPermutation(records: readonly RawRecord[], columns: readonly string[]): number[] {
  const cols = columns.filter((c) => c !== 'record_id');
  const n = records.length;
  const hash = new Float64Array(n);
  for (let i = 0; i < n; i++) hash[i] = contentHash(records[i]!, cols);
  // a native sort of (top 30 bits of the hash, row) packed in one number, then the rare runs
  // sharing those 30 bits put in order by the whole hash and the id (a comparator sort of
  // millions of rows is several times slower)
  const ROW = 2 ** 23;
  if (n >= ROW) throw new RangeError('canonicalOrder: more than 8,388,607 records');
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = Math.floor(hash[i]! / 2 ** 23) * ROW + i;
  key.sort();
  const order = Array.from(key, (k) => k % ROW);
  const id = (i: number) => records[i]!.record_id ?? '';
  const full = (x: number, y: number) => hash[x]! - hash[y]! || (id(x) < id(y) ? -1 : id(x) > id(y) ? 1 : 0);
  for (let s = 0; s < n; ) {
    let e = s + 1;
    const top = Math.floor(key[s]! / ROW);
    while (e < n && Math.floor(key[e]! / ROW) === top) e++;
    if (e - s > 1) {
      const run = order.slice(s, e).sort(full);
      for (let k = 0; k < run.length; k++) order[s + k] = run[k]!;
    }
    s = e;
  }
  return order;
}

/**
 * The registry's deduplication of `records` (rows of the result in canonicalOrder, the result's
 * dataset.ids name them): deterministic, and independent of the records' order.
 */
export function dedupeRegistry(
  records: readonly RawRecord[],
  columns: string[],
  hooks: LinkHooks = {},
  settingsInput: unknown = REGISTRY_SETTINGS,
  /** canonicalPermutation(records, columns), when the caller has it */
  order: readonly number[] = canonicalPermutation(records, columns),
): LinkResult {
  return link([order.map((i) => records[i]!)], settingsInput, registryLinkHooks(hooks, settingsInput), columns);
}
