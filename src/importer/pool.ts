// Validation in worker threads: chunks go round-robin to the workers and come back in order.
// The main thread keeps only the file parsing and the database I/O. A chunk goes to a worker as one
// JSON string (the main thread keeps that string for the rows the database may refuse, rather than
// thousands of row arrays that would live, and be copied by the garbage collector, until the
// batch is written).
import { Worker } from 'node:worker_threads';
import { contextOf, validateChunk, type ChunkResult, type ValidationSetup } from './validateRows.ts';

export type Validator = {
  /** Submits a chunk (its rows, and the same as JSON); the promise is its result. Results of successive submits resolve in order per worker. */
  run: (chunk: RowChunk, firstRow: number) => Promise<ChunkResult>;
  close: () => Promise<void>;
};

/** A chunk of rows as read, and the same rows as JSON (what a worker is sent and the batch keeps). */
export type RowChunk = { rows: string[][]; json: string };

export function inlineValidator(setup: ValidationSetup): Validator {
  const ctx = contextOf(setup);
  return { run: async (chunk, firstRow) => validateChunk(ctx, chunk.rows, firstRow), close: async () => undefined };
}

export function workerValidator(setup: ValidationSetup, count: number): Validator {
  const workers = Array.from({ length: count }, () => {
    const w = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: setup });
    const queue: { resolve: (r: ChunkResult) => void; reject: (e: unknown) => void }[] = [];
    w.on('message', (r: ChunkResult) => queue.shift()?.resolve(r));
    const fail = (e: unknown) => {
      for (const q of queue.splice(0)) q.reject(e);
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`A validation worker stopped (exit code ${code}).`)));
    return { w, queue };
  });
  let next = 0;
  return {
    run: (chunk, firstRow) =>
      new Promise<ChunkResult>((resolve, reject) => {
        const t = workers[next++ % workers.length]!;
        t.queue.push({ resolve, reject });
        t.w.postMessage({ json: chunk.json, firstRow });
      }),
    close: async () => {
      for (const t of workers) t.w.removeAllListeners('exit');
      await Promise.all(workers.map((t) => t.w.terminate()));
    },
  };
}
