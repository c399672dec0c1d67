// Blocking: several passes, each grouping records whose key (a combination of field values) agrees.
// A pair found by an earlier pass is not emitted again, so the union is produced without sorting
// or hashing pairs. Oversized blocks are compared within a sliding window only.
import type { Dataset } from './dataset.ts';
import type { Field } from './fields.ts';
import { GrowI32 } from './typedColumns.ts';
import { mix } from './text.ts';

export interface PassSpec {
  name: string;
  parts: { field: string; mode: string }[];
}

export function parsePasses(ds: Dataset, passes: string[][]): PassSpec[] {
  const out: PassSpec[] = [];
  for (const pass of passes) {
    const parts = pass.map((k) => {
      const [field, mode = ''] = k.split(':');
      return { field: field!, mode };
    });
    if (parts.every((p) => ds.field(p.field))) out.push({ name: pass.join('+'), parts });
  }
  if (out.length === 0) throw new Error('no usable blocking pass for these columns');
  return out;
}

/** Blocking key of row i for a pass, in [1, 2^30), or 0 when a component is missing. */
export function passKey(ds: Dataset, pass: PassSpec, i: number): number {
  let h = 0x2545f491;
  for (const p of pass.parts) {
    const v = ds.field(p.field)!.blockKey(p.mode, i);
    if (v === 0) return 0;
    h = mix(h, v);
  }
  return h & 0x3fffffff || 1;
}

/**
 * The key of row i for a pass as passKey, from the values themselves (stableKey), so that it is the
 * same in any dataset holding the record; 0 when a component is missing, or when a field of the
 * pass has no stable key (the caller then cannot keep the pass's blocks: storablePasses).
 */
export function stablePassKey(ds: Dataset, pass: PassSpec, i: number): number {
  let h = 0x2545f491;
  const fs = fieldsOf(ds, pass);
  for (let k = 0; k < fs.length; k++) {
    const f = fs[k]!;
    const v = f.stableKey ? f.stableKey(pass.parts[k]!.mode, i) : 0;
    if (v === 0) return 0;
    h = mix(h, v);
  }
  return h & 0x3fffffff || 1;
}

/** Whether every field of every pass has stable keys. */
export function storablePasses(ds: Dataset, passes: PassSpec[]): boolean {
  return passes.every((pass) => pass.parts.every((p) => typeof ds.field(p.field)?.stableKey === 'function'));
}

const passFields = new WeakMap<Dataset, Map<PassSpec, Field[]>>();

/** The fields of a pass's parts in a dataset (looked up once). */
function fieldsOf(ds: Dataset, pass: PassSpec): Field[] {
  let m = passFields.get(ds);
  if (!m) passFields.set(ds, (m = new Map()));
  let fs = m.get(pass);
  if (!fs) m.set(pass, (fs = pass.parts.map((p) => ds.field(p.field)!)));
  return fs;
}

/** Whether rows i and j fall in the same block of a pass: every component present and equal. */
export function sameBlock(ds: Dataset, pass: PassSpec, i: number, j: number): boolean {
  const fs = fieldsOf(ds, pass);
  for (let k = 0; k < fs.length; k++) {
    const mode = pass.parts[k]!.mode;
    const v = fs[k]!.blockKey(mode, i);
    if (v === 0 || v !== fs[k]!.blockKey(mode, j)) return false;
  }
  return true;
}

export type PairMode = 'dedupe' | 'link_only' | 'link_and_dedupe';

export interface Candidates {
  a: Int32Array;
  b: Int32Array;
  n: number;
  perPass: { name: string; pairs: number; oversizedBlocks: number }[];
}

export interface BlockIndex {
  passes: PassSpec[];
  /** per pass: key of each row */
  keys: Int32Array[];
  /** per pass: rows sorted by key, and their keys in that order */
  sortedRows: Int32Array[];
  sortedKeys: Int32Array[];
}

const SHIFT = 2 ** 23;

/**
 * Order of records inside an oversized block (sorted neighbourhood): by the first two of these
 * keys whose field the pass does not already use, so that the sliding window compares records
 * that also agree on the father's name or the date of birth rather than arbitrary neighbours.
 */
const NEIGHBOUR_KEYS = ['father:skel', 'given:skel', 'dob:', 'family:skel', 'grandfather:skel'];

function neighbourKeys(ds: Dataset, pass: PassSpec): { field: string; mode: string }[] {
  const used = new Set(pass.parts.map((p) => p.field));
  const out: { field: string; mode: string }[] = [];
  for (const k of NEIGHBOUR_KEYS) {
    const [field, mode] = k.split(':') as [string, string];
    if (used.has(field) || !ds.field(field)) continue;
    out.push({ field, mode });
    if (out.length === 2) break;
  }
  return out;
}

/** Re-sorts the rows of every block larger than maxBlock by the pass's neighbour keys. */
function orderOversized(ds: Dataset, pass: PassSpec, rows: Int32Array, ks: Int32Array, maxBlock: number): number {
  const nk = neighbourKeys(ds, pass);
  if (nk.length === 0) return 0;
  const f1 = ds.field(nk[0]!.field)!,
    m1 = nk[0]!.mode;
  const f2 = nk[1] ? ds.field(nk[1].field)! : null,
    m2 = nk[1]?.mode ?? '';
  let blocks = 0;
  const m = rows.length;
  let buf = new Float64Array(1024);
  for (let s = 0; s < m; ) {
    let e = s + 1;
    const key = ks[s]!;
    while (e < m && ks[e] === key) e++;
    if (e - s > maxBlock) {
      blocks++;
      // composite: (rank of key 1, key 2) in 30 bits, then the row (23 bits)
      if (buf.length < e - s) buf = new Float64Array((e - s) * 2);
      for (let x = s; x < e; x++) {
        const r = rows[x]!;
        const a = f1.blockKey(m1, r) % 0x8000,
          b = f2 ? f2.blockKey(m2, r) % 0x8000 : 0;
        buf[x - s] = (a * 0x8000 + b) * SHIFT + r;
      }
      const sub = buf.subarray(0, e - s).sort();
      for (let x = s; x < e; x++) {
        const v = sub[x - s]!;
        rows[x] = v - Math.floor(v / SHIFT) * SHIFT;
      }
    }
    s = e;
  }
  return blocks;
}

export function buildBlockIndex(ds: Dataset, passes: PassSpec[], maxBlock = Infinity): BlockIndex {
  const n = ds.n;
  if (n >= SHIFT) throw new Error('at most 8,388,607 records per job');
  const keys: Int32Array[] = [],
    sortedRows: Int32Array[] = [],
    sortedKeys: Int32Array[] = [];
  for (const pass of passes) {
    const k = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) if ((k[i] = passKey(ds, pass, i)) !== 0) m++;
    const buf = new Float64Array(m);
    let t = 0;
    for (let i = 0; i < n; i++) if (k[i] !== 0) buf[t++] = k[i]! * SHIFT + i;
    buf.sort();
    const rows = new Int32Array(m),
      ks = new Int32Array(m);
    for (let q = 0; q < m; q++) {
      const v = buf[q]!;
      const key = Math.floor(v / SHIFT);
      ks[q] = key;
      rows[q] = v - key * SHIFT;
    }
    if (Number.isFinite(maxBlock)) orderOversized(ds, pass, rows, ks, maxBlock);
    keys.push(k);
    sortedRows.push(rows);
    sortedKeys.push(ks);
  }
  return { passes, keys, sortedRows, sortedKeys };
}

export function candidatePairs(ds: Dataset, idx: BlockIndex, mode: PairMode, maxBlock: number, window = 50): Candidates {
  const A = new GrowI32(1 << 16),
    B = new GrowI32(1 << 16);
  const src = ds.source.a;
  const perPass: Candidates['perPass'] = [];
  /**
   * per pass: for rows of an oversized block, their position in the pass's sorted order (-1 for
   * the rest), so that a later pass knows whether the window of that pass already paired them
   */
  const pos: Int32Array[] = [];
  for (let p = 0; p < idx.passes.length; p++) {
    const rows = idx.sortedRows[p]!,
      ks = idx.sortedKeys[p]!;
    const posP = new Int32Array(ds.n).fill(-1);
    pos.push(posP);
    const before = A.n;
    let oversized = 0;
    const emit = (i: number, j: number) => {
      if (mode === 'link_only' && src[i] === src[j]) return;
      for (let q = 0; q < p; q++) {
        const kq = idx.keys[q]!;
        const ki = kq[i]!;
        if (ki !== 0 && ki === kq[j]) {
          const pi = pos[q]![i]!;
          if (pi < 0) return;
          const d = pi - pos[q]![j]!;
          if (d < window && d > -window) return;
        }
      }
      if (i < j) {
        A.push(i);
        B.push(j);
      } else {
        A.push(j);
        B.push(i);
      }
    };
    let s = 0;
    const m = rows.length;
    while (s < m) {
      let e = s + 1;
      const key = ks[s]!;
      while (e < m && ks[e] === key) e++;
      const size = e - s;
      if (size > maxBlock) {
        oversized++;
        for (let x = s; x < e; x++) posP[rows[x]!] = x;
        for (let x = s; x < e; x++) {
          const lim = Math.min(e, x + window);
          for (let y = x + 1; y < lim; y++) emit(rows[x]!, rows[y]!);
        }
      } else {
        for (let x = s; x < e; x++) for (let y = x + 1; y < e; y++) emit(rows[x]!, rows[y]!);
      }
      s = e;
    }
    perPass.push({ name: idx.passes[p]!.name, pairs: A.n - before, oversizedBlocks: oversized });
  }
  // exact-size copies in shared memory (worker threads read them without a copy); the growable
  // buffers, up to twice the size, are dropped
  const a = new Int32Array(new SharedArrayBuffer(A.n * 4)),
    b = new Int32Array(new SharedArrayBuffer(B.n * 4));
  a.set(A.a.subarray(0, A.n));
  b.set(B.a.subarray(0, B.n));
  return { a, b, n: A.n, perPass };
}

/** Rows sharing a block with row `row` (which need not be in the index), per pass, capped. */
export function lookupBlock(idx: BlockIndex, p: number, key: number, out: number[], cap: number): void {
  const ks = idx.sortedKeys[p]!,
    rows = idx.sortedRows[p]!;
  let lo = 0,
    hi = ks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ks[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  for (let q = lo; q < ks.length && ks[q] === key && out.length < cap; q++) out.push(rows[q]!);
}

/**
 * A sample of at most `limit` pairs of one pass, not deduplicated against other passes (training
 * data: every pair the pass forces to agree, matches and non-matches alike).
 */
export function samplePassPairs(
  ds: Dataset,
  idx: BlockIndex,
  p: number,
  mode: PairMode,
  maxBlock: number,
  limit: number,
  rand: () => number,
  window = 50,
): { a: Int32Array; b: Int32Array; n: number; total: number } {
  const rows = idx.sortedRows[p]!,
    ks = idx.sortedKeys[p]!;
  const src = ds.source.a;
  const m = rows.length;
  // count first
  let total = 0;
  for (let s = 0; s < m; ) {
    let e = s + 1;
    while (e < m && ks[e] === ks[s]) e++;
    const size = e - s;
    total += size > maxBlock ? size * Math.min(window - 1, size - 1) : (size * (size - 1)) / 2;
    s = e;
  }
  const q = total > limit ? limit / total : 1;
  const A = new GrowI32(Math.min(limit, total) + 16),
    B = new GrowI32(Math.min(limit, total) + 16);
  for (let s = 0; s < m; ) {
    let e = s + 1;
    while (e < m && ks[e] === ks[s]) e++;
    const size = e - s;
    for (let x = s; x < e; x++) {
      const lim = size > maxBlock ? Math.min(e, x + window) : e;
      for (let y = x + 1; y < lim; y++) {
        if (q < 1 && rand() >= q) continue;
        const i = rows[x]!,
          j = rows[y]!;
        if (mode === 'link_only' && src[i] === src[j]) continue;
        A.push(i);
        B.push(j);
      }
    }
    s = e;
  }
  return { a: A.a, b: B.a, n: A.n, total };
}
