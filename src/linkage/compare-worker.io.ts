// Worker side of threads.io.ts: rebuilds the dataset's comparison fields from the snapshot, then
// compares chunks of candidate pairs until none are left.
import { workerData } from 'node:worker_threads';
import { Dataset } from './dataset.ts';
import { comparePairsInto } from './engine.ts';
import { restore } from './threads.io.ts';

interface Snap {
  settings: Dataset['settings'];
  present: string[];
  n: number;
  names: Record<string, unknown>;
  fields: Record<string, unknown>[];
}

const { snap, a, b, pat, ctl, slot, n, chunk } = workerData as {
  snap: Snap;
  a: Int32Array;
  b: Int32Array;
  pat: Float64Array;
  ctl: Int32Array;
  slot: number;
  n: number;
  chunk: number;
};
const ds = new Dataset(snap.settings, snap.present);
restore(ds.names as unknown as Record<string, unknown>, snap.names);
ds.fields.forEach((f, k) => restore(f as unknown as Record<string, unknown>, snap.fields[k]!));
ds.n = snap.n;
const chunks = Math.ceil(n / chunk);
const st = 1 + 2 * slot;
for (;;) {
  Atomics.store(ctl, st, 1);
  const c = Atomics.add(ctl, 0, 1);
  if (c >= chunks) break;
  Atomics.store(ctl, st + 1, c);
  comparePairsInto(ds, a, b, pat, c * chunk, Math.min(n, (c + 1) * chunk));
}
Atomics.store(ctl, st, 2);
Atomics.notify(ctl, st);
