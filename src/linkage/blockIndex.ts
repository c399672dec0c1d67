// The blocks kept between runs (issue #11): a full `sanad dedupe` leaves its blocking passes' blocks
// behind, so that an incremental run reads only the changed persons, the members of their blocks
// and those members' records, instead of reading and preparing the whole registry.
//  - Keys are the passes' keys made of the values themselves (blocking.ts stablePassKey: 30 bits),
//    not of the run's dictionary ids, so that a small dataset of a few records finds them again.
//  - A pass's (key, row) entries, sorted by key then row, are cut into buckets by the key's top
//    bits (about BUCKET_ENTRIES entries a bucket): one stored row a bucket, not one a block or a
//    person (most blocks hold one person: an ID, a date of birth with a name).
//  - Rows are the persons in id order (the order the registry is read in), so a block's rows in
//    row order are its persons in id order: the order the engine's cap per block takes them in.
//  - The name parts' term frequencies (token and skeleton counts): a pair's weight depends on
//    them, and a handful of candidates would count otherwise than the whole registry.
// No I/O (src/store/duplicates/blockIndex.ts stores and reads them).
import { type PassSpec, parsePasses, stablePassKey, storablePasses } from './blocking.ts';
import type { Dataset } from './dataset.ts';
import { skeleton } from './names.ts';
import { DEFAULT_BLOCKING, type LinkSettings } from './settings.ts';

/** Entries a bucket holds on average (a bucket is read whole for one key). */
export const BUCKET_ENTRIES = 64;
const ROW = 2 ** 23;

/** The passes a run with these settings blocks on, or null when they cannot be kept (no stable keys). */
export function keptPasses(ds: Dataset, settings: LinkSettings): PassSpec[] | null {
  const passes = parsePasses(ds, settings.blocking ?? DEFAULT_BLOCKING);
  return storablePasses(ds, passes) ? passes : null;
}

/** What the kept blocks depend on besides the records: a run may use them only with the same. */
export function blockSignature(ds: Dataset, settings: LinkSettings): string {
  const passes = parsePasses(ds, settings.blocking ?? DEFAULT_BLOCKING).map((p) => p.name);
  return JSON.stringify({ passes, fields: ds.fields.map((f) => `${f.name}:${f.type}`), columns: settings.columns, v: 1 });
}

/** The bucket of a key: its top `bits` bits (of 30). */
export const bucketOf = (key: number, bits: number): number => key >>> (30 - bits);

export interface PassBuckets {
  bits: number;
  /** buckets in ascending order, each with its entries: (key, row) pairs, sorted */
  buckets: Generator<{ bucket: number; entries: Int32Array }>;
}

/**
 * The entries of one pass over every row of `ds` that has a key: row r of the dataset is stored as
 * row `rowOf[r]` (its place in id order).
 */
export function passBuckets(ds: Dataset, pass: PassSpec, rowOf: ArrayLike<number>): PassBuckets {
  const n = ds.n;
  if (n >= ROW) throw new Error('at most 8,388,607 records per job');
  const packed = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const k = stablePassKey(ds, pass, i);
    if (k !== 0) packed[m++] = k * ROW + rowOf[i]!;
  }
  const sorted = packed.subarray(0, m).sort();
  let bits = 0;
  while (bits < 30 && m / 2 ** bits > BUCKET_ENTRIES) bits++;
  function* buckets(): Generator<{ bucket: number; entries: Int32Array }> {
    const buf = new Int32Array(2 * Math.max(16, BUCKET_ENTRIES * 8));
    let out = buf;
    for (let s = 0; s < m; ) {
      const b = bucketOf(Math.floor(sorted[s]! / ROW), bits);
      let e = s;
      while (e < m && bucketOf(Math.floor(sorted[e]! / ROW), bits) === b) e++;
      if (2 * (e - s) > out.length) out = new Int32Array(2 * (e - s));
      for (let x = s; x < e; x++) {
        const v = sorted[x]!;
        const key = Math.floor(v / ROW);
        out[2 * (x - s)] = key;
        out[2 * (x - s) + 1] = v - key * ROW;
      }
      yield { bucket: b, entries: out.subarray(0, 2 * (e - s)) };
      if (out !== buf) out = buf;
      s = e;
    }
  }
  return { bits, buckets: buckets() };
}

/** The rows of `key` in a bucket's entries (in row order). */
export function rowsOfKey(entries: Int32Array, key: number, out: number[]): void {
  let lo = 0,
    hi = entries.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[2 * mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  for (let q = lo; 2 * q < entries.length && entries[2 * q] === key; q++) out.push(entries[2 * q + 1]!);
}

/** Name-part counts: part (0 given .. 3 family), kind (0 token, 1 skeleton), value → count. */
export class NameCounts {
  readonly maps: Map<string, number>[] = Array.from({ length: 8 }, () => new Map());

  static of(ds: Dataset): NameCounts {
    const c = new NameCounts();
    const s = ds.names;
    for (let p = 0; p < 4; p++)
      for (let kind = 0; kind < 2; kind++) {
        const counts = (kind === 0 ? s.freq[p]! : s.skelFreq[p]!).counts;
        const strings = kind === 0 ? s.dict.strings : s.skelDict.strings;
        const map = c.maps[p * 2 + kind]!;
        for (let t = 0; t < strings.length; t++) {
          const n = counts.get(t);
          if (n > 0) map.set(strings[t]!, n);
        }
      }
    return c;
  }

  /** Adds (sign 1) or takes off (-1) another's counts. */
  add(other: NameCounts, sign = 1): void {
    other.maps.forEach((m, k) => {
      const into = this.maps[k]!;
      for (const [v, n] of m) into.set(v, (into.get(v) ?? 0) + sign * n);
    });
  }

  /** Counts one person's name parts (nameTokens), as the dataset counts them: the token and its skeleton. */
  addTokens(tokens: readonly (string | null)[], sign = 1): void {
    tokens.forEach((t, p) => {
      if (t === null) return;
      for (const [k, v] of [
        [p * 2, t],
        [p * 2 + 1, skeleton(t)],
      ] as const)
        this.maps[k]!.set(v, (this.maps[k]!.get(v) ?? 0) + sign);
    });
  }

  /** The dataset's term frequencies replaced by these counts (before any pair is scored). */
  applyTo(ds: Dataset): void {
    const s = ds.names;
    for (let p = 0; p < 4; p++)
      for (let kind = 0; kind < 2; kind++) {
        const f = kind === 0 ? s.freq[p]! : s.skelFreq[p]!;
        const strings = kind === 0 ? s.dict.strings : s.skelDict.strings;
        const map = this.maps[p * 2 + kind]!;
        let total = 0,
          sumSq = 0;
        for (const n of map.values()) {
          total += n;
          sumSq += n * n;
        }
        for (let t = 0; t < strings.length; t++) f.counts.set(t, map.get(strings[t]!) ?? 0);
        f.total = total;
        f.sumSq = sumSq;
      }
  }

  /**
   * For the full run's counts: the position of each token of part p in encode(p * 2)'s values (-1
   * when not counted), by the dataset's token id.
   */
  static positions(ds: Dataset): Int32Array[] {
    const s = ds.names;
    return [0, 1, 2, 3].map((p) => {
      const pos = new Int32Array(s.dict.strings.length).fill(-1);
      const counts = s.freq[p]!.counts;
      let x = 0;
      for (let t = 0; t < pos.length; t++) if (counts.get(t) > 0) pos[t] = x++;
      return pos;
    });
  }

  /** One (part, kind)'s values as text (one a line) and their counts. */
  encode(k: number): { values: string; counts: Int32Array } {
    const m = this.maps[k]!;
    return { values: [...m.keys()].join('\n'), counts: Int32Array.from(m.values()) };
  }

  decodeInto(k: number, values: string, counts: Int32Array): void {
    if (values === '') return;
    const map = this.maps[k]!;
    values.split('\n').forEach((v, x) => map.set(v, (map.get(v) ?? 0) + counts[x]!));
  }
}

/** The four name parts of row i as the term frequencies count them (the primary token), null when none. */
export function nameTokens(ds: Dataset, i: number): (string | null)[] {
  return [0, 1, 2, 3].map((p) => {
    const t = ds.names.primary(i, p);
    return t < 0 ? null : ds.names.dict.strings[t]!;
  });
}
