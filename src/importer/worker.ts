// A validation worker thread: receives chunks of rows, returns staged rows and rejections.
import { parentPort, workerData } from 'node:worker_threads';
import { contextOf, validateChunk, type ValidationSetup } from './validateRows.ts';

const ctx = contextOf(workerData as ValidationSetup);
parentPort!.on('message', (m: { rows: string[][]; firstRow: number }) => {
  parentPort!.postMessage(validateChunk(ctx, m.rows, m.firstRow));
});
