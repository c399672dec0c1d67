// Candidate-pair comparison shared with worker threads. linkDataset is synchronous, so the main
// thread takes chunks of pairs like the workers do and, when none are left, waits (Atomics.wait)
// for the chunks the workers still hold. Each worker gets a copy of the prepared dataset (its
// integer columns and dictionaries) and rebuilds the comparison fields from it.
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import type { Dataset } from './dataset.ts';
import { comparePairsInto } from './engine.ts';
import { GrowI32 } from './typedColumns.ts';

/** chunk of pairs taken at a time */
export const CHUNK = 1 << 15;
/** control words: [next chunk, then per worker: state (0 idle, 1 busy, 2 finished), chunk held] */
const NEXT = 0;

/** Keys that are caches or lookups the comparison does not use (rebuilt empty in the worker). */
const SKIP = new Set([
  'settings',
  'store',
  'names',
  'map',
  'partCache',
  'fullCache',
  'cacheA',
  'cacheB',
  'cacheV',
  'memoAt',
  'memo',
  'slots',
]);

/**
 * The state of the dataset's fields as plain data (structured-cloneable). Growable columns are
 * cut to their length: cloning a typed array copies its whole buffer, spare capacity included.
 */
export function snapshot(ds: Dataset): unknown {
  const plain = (v: unknown): unknown => {
    if (v instanceof GrowI32) return { a: v.a.slice(0, v.n), n: v.n };
    if (!v || typeof v !== 'object' || ArrayBuffer.isView(v) || v instanceof Map) return v;
    if (Array.isArray(v)) return v.length && v[0] && typeof v[0] === 'object' ? v.map(plain) : v;
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k, x]) => !SKIP.has(k) && typeof x !== 'function')
        .map(([k, x]) => [k, plain(x)]),
    );
  };
  return { settings: ds.settings, present: ds.present, n: ds.n, names: plain(ds.names), fields: ds.fields.map(plain) };
}

/** Copies snapshot state into a freshly built object of the same shape. */
export function restore(target: Record<string, unknown>, src: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(src)) {
    if (SKIP.has(k)) continue;
    const t = target[k];
    if (
      t &&
      typeof t === 'object' &&
      !ArrayBuffer.isView(t) &&
      !Array.isArray(t) &&
      !(t instanceof Map) &&
      v &&
      typeof v === 'object' &&
      !ArrayBuffer.isView(v)
    )
      restore(t as Record<string, unknown>, v as Record<string, unknown>);
    else target[k] = v;
  }
}

export interface ParallelOptions {
  /** threads in all, the main thread included (default: the machine's cores, at most 4) */
  threads?: number;
  /** below this many pairs everything is compared in the main thread */
  minPairs?: number;
  /** false: the main thread only waits (tests: every chunk compared by a worker) */
  mainWorks?: boolean;
  /** called after each parallel comparison with the chunks compared by the workers */
  onDone?: (info: { chunks: number; byWorkers: number; threads: number }) => void;
}

/** A comparer for LinkHooks.compare that uses worker threads for large jobs. */
export function parallelCompare(opt: ParallelOptions = {}): (ds: Dataset, a: Int32Array, b: Int32Array, n: number) => Float64Array {
  const threads = Math.max(1, opt.threads ?? Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
  const minPairs = opt.minPairs ?? 1_000_000;
  return (ds, a, b, n) => {
    if (threads <= 1 || n < minPairs) {
      const pat = new Float64Array(n);
      comparePairsInto(ds, a, b, pat, 0, n);
      return pat;
    }
    const W = threads - 1;
    // candidatePairs returns its pairs in shared memory already; copy only if given others
    const shared = (x: Int32Array) => {
      if (x.buffer instanceof SharedArrayBuffer) return x;
      const y = new Int32Array(new SharedArrayBuffer(n * 4));
      y.set(x.subarray(0, n));
      return y;
    };
    const sa = shared(a),
      sb = shared(b);
    const pat = new Float64Array(new SharedArrayBuffer(n * 8));
    const ctl = new Int32Array(new SharedArrayBuffer(4 * (1 + 2 * W)));
    const snap = snapshot(ds);
    const workers: Worker[] = [];
    for (let w = 0; w < W; w++) {
      const worker = new Worker(new URL('./compare-worker.mjs', import.meta.url), {
        workerData: { snap, a: sa, b: sb, pat, ctl, slot: w, n, chunk: CHUNK },
      });
      // a worker that fails leaves its chunks to the main thread (see below); its error event
      // arrives after this synchronous call and must not crash the process
      worker.on('error', () => undefined);
      worker.unref();
      workers.push(worker);
    }
    const chunks = Math.ceil(n / CHUNK);
    let mine = 0;
    if (opt.mainWorks === false) {
      // wait until the workers have taken every chunk
      while (Atomics.load(ctl, NEXT) < chunks) Atomics.wait(ctl, 1, Atomics.load(ctl, 1), 50);
    }
    for (;;) {
      const c = Atomics.add(ctl, NEXT, 1);
      if (c >= chunks) break;
      comparePairsInto(ds, sa, sb, pat, c * CHUNK, Math.min(n, (c + 1) * CHUNK));
      mine++;
    }
    // wait for the chunks the workers hold; a worker that died with one is replaced by this thread
    for (let w = 0; w < W; w++) {
      const st = 1 + 2 * w;
      let waited = 0;
      while (Atomics.load(ctl, st) === 1) {
        const held = Atomics.load(ctl, st + 1);
        if (Atomics.wait(ctl, st, 1, 1000) === 'timed-out' && (waited += 1000) >= 120_000) {
          comparePairsInto(ds, sa, sb, pat, held * CHUNK, Math.min(n, (held + 1) * CHUNK));
          break;
        }
      }
    }
    for (const w of workers) void w.terminate();
    opt.onDone?.({ chunks, byWorkers: chunks - mine, threads });
    return pat;
  };
}
