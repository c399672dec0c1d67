// A validation worker thread: receives chunks of rows, returns staged rows and rejections.
import { parentPort, workerData } from 'node:worker_threads';
import { contextOf, validateChunk, type ValidationSetup } from './validateRows.ts';

const ctx = contextOf(workerData as ValidationSetup);
parentPort!.on('message', (m: { json: string; firstRow: number }) => {
  parentPort!.postMessage(validateChunk(ctx, JSON.parse(m.json) as string[][], m.firstRow));
});
