// Scoring with a stored model: one record (a registration being typed) against a few candidate
// records fetched by the caller, with the m/u weights of a model fitted earlier over the whole
// registry. Pure: no I/O. Term-frequency adjustments are left out here (the frequencies of a
// handful of candidates would mislead); the prior and the per-level weights are the stored ones.
import { prepare } from './engine.ts';
import type { RawRecord } from './fields.ts';
import { probability, weightFor, type Model } from './model.ts';
import { RelationReader, type Relation } from './relations.ts';
import type { LinkSettings } from './settings.ts';
import { NAME_COLUMNS } from '../shared/personColumns.ts';

/** The comparison cache of the few records scored here (2^12 pairs of tokens; see NameStore). */
const FEW = { compareCacheBits: 12 };

/** The input columns the registry feeds the engine (person rows as RawRecord). */
export const REGISTRY_COLUMNS: string[] = ['record_id', ...NAME_COLUMNS, 'sex', 'date_of_birth', 'national_id', 'phone', 'governorate'];

export interface Evidence {
  field: string;
  level: string;
  /** log2 Bayes factor of the level (0 when missing on either side) */
  weight: number;
  /** the values as the engine compared them (normalised) */
  left: string;
  right: string;
}

export interface PairScore {
  /** index into `others` */
  index: number;
  weight: number;
  probability: number;
  /** conflicting evidence: two different valid national IDs, or siblings (sibling guard) */
  conflict: boolean;
  /** what the names, sexes and years say besides "maybe one person" (relations.ts) */
  relation: Relation;
  /** strong evidence of one person: the same ID, or the same full date of birth with the full name */
  strong: boolean;
  evidence: Evidence[];
}

/**
 * The highest match probability of a pair whose names, sexes or years say two people (relatives,
 * another sex, another generation) without strong evidence of one: below every threshold.
 */
export const NOT_ONE_PERSON_CAP = 0.25;

/**
 * The prior weight for one new registration against one registered record. The model's prior is
 * per pair of the data it was fitted on: lambda * (records - 1) duplicates expected per record.
 * Against a registry of `registrySize` people, the chance that a given record is the one is that
 * rate / registrySize. A registry fitted while clean (lambda at its floor) would make every check
 * hopeless, so the rate is never taken below `minDuplicateRate` (new registrations that are
 * people already registered; 5% by default).
 */
export function checkPriorWeight(model: Model, modelRecords: number, registrySize: number, minDuplicateRate = 0.05): number {
  const rate = Math.min(1, Math.max(minDuplicateRate, model.lambda * Math.max(0, modelRecords - 1)));
  const p = Math.min(0.5, rate / Math.max(1, registrySize));
  return Math.log2(p / (1 - p));
}

/** Scores `query` against every record of `others` with `model`; fields the model lacks weigh 0. */
export function scoreAgainst(
  query: RawRecord,
  others: RawRecord[],
  model: Model,
  settings: LinkSettings,
  opts: { priorWeight?: number } = {},
): PairScore[] {
  if (others.length === 0) return [];
  const ds = prepare([[query, ...others]], settings, REGISTRY_COLUMNS, FEW);
  const params = ds.fields.map((f) => {
    const p = model.fields.find((x) => x.name === f.name);
    return p && p.levels.length === f.levels.length ? p : undefined;
  });
  const out: PairScore[] = [];
  const rel = new RelationReader(ds);
  for (let j = 1; j <= others.length; j++) {
    let w = opts.priorWeight ?? model.priorWeight;
    const evidence: Evidence[] = [];
    ds.fields.forEach((f, k) => {
      const c = f.compare(0, j);
      const fw = c === 0 ? 0 : (params[k]?.w[c] ?? 0);
      const weight = Number.isFinite(fw) ? fw : 0;
      w += weight;
      evidence.push({ field: f.name, level: c === 0 ? 'missing' : f.levels[c - 1]!, weight, left: f.show(0), right: f.show(j) });
    });
    const relation = rel.relation(0, j);
    const strong = rel.strong(0, j);
    if (relation !== 'none' && !strong) w = Math.min(w, weightFor(NOT_ONE_PERSON_CAP));
    // two sexes are never more likely than not one person, whatever else agrees
    if (relation === 'different_sex') w = Math.min(w, weightFor(NOT_ONE_PERSON_CAP));
    out.push({ index: j - 1, weight: w, probability: probability(w), conflict: ds.conflict(0, j), relation, strong, evidence });
  }
  return out;
}

/**
 * The highest weight any record could reach against `query`: the prior plus, for every field the
 * query has a value in, that field's best level weight (a field the query lacks compares as missing,
 * weight 0, whatever the record holds; the relation caps only lower a weight). When this is under
 * the review threshold no record can be shown, so there is nothing to fetch.
 */
export function bestWeight(query: RawRecord, model: Model, settings: LinkSettings, priorWeight: number): number {
  const ds = prepare([[query, query]], settings, REGISTRY_COLUMNS, FEW);
  let w = priorWeight;
  for (const f of ds.fields) {
    if (f.compare(0, 1) === 0) continue;
    const p = model.fields.find((x) => x.name === f.name);
    if (!p || p.levels.length !== f.levels.length) continue;
    w += Math.max(0, ...p.w.filter((x) => Number.isFinite(x)));
  }
  return w;
}

/** A model as plain JSON (no infinities), for storing. */
export function modelToJson(model: Model): Model {
  const fin = (x: number) => (Number.isFinite(x) ? x : 0);
  return {
    lambda: model.lambda,
    priorWeight: fin(model.priorWeight),
    iterations: model.iterations,
    fields: model.fields.map((f) => ({ name: f.name, levels: [...f.levels], m: f.m.map(fin), u: f.u.map(fin), w: f.w.map(fin) })),
  };
}

/**
 * Whether joining two groups of records (two identities) would put conflicting evidence into one:
 * some record of `left` and some record of `right` that must not be linked automatically (two
 * different valid national IDs; siblings by the sibling guard; relatives, another sex or another
 * generation by the relation rules, without strong evidence of one person). `except` names one cross pair
 * (indices into left and right) that a person decided explicitly, which is not checked.
 */
export function conflictAcross(left: RawRecord[], right: RawRecord[], settings: LinkSettings, except?: [number, number]): boolean {
  if (left.length === 0 || right.length === 0) return false;
  const ds = prepare([[...left, ...right]], settings, REGISTRY_COLUMNS, FEW);
  const rel = new RelationReader(ds);
  for (let i = 0; i < left.length; i++) {
    for (let j = 0; j < right.length; j++) {
      if (except && except[0] === i && except[1] === j) continue;
      const y = left.length + j;
      if (ds.conflict(i, y)) return true;
      // relatives (or another sex, another generation) without strong evidence of one person
      if (rel.relation(i, y) !== 'none' && !rel.strong(i, y)) return true;
    }
  }
  return false;
}
