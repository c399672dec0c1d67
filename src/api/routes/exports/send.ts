// Sends an export as a file: the headers once the export has counted its rows (an error before
// that is a problem+json answer), then the stream; a failure later cuts the download short.
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { contentTypes, type ExportFormat } from '../../../export/table.ts';
import { ROWS_HEADER } from './schema.ts';

export async function sendExport(
  reply: FastifyReply,
  what: string,
  format: ExportFormat,
  run: (out: Writable, onStart: (rows: number) => void) => Promise<unknown>,
): Promise<FastifyReply> {
  const out = new PassThrough();
  let started = false;
  const rows = await new Promise<number>((resolve, reject) => {
    run(out, (n) => {
      started = true;
      resolve(n);
    }).catch((e: unknown) => {
      if (started) out.destroy(e instanceof Error ? e : new Error('export failed'));
      else reject(e);
    });
  });
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .type(contentTypes[format])
    .header('content-disposition', `attachment; filename="sanad-${what}-${day}.${format}"`)
    .header(ROWS_HEADER, String(rows))
    .header('cache-control', 'no-store')
    .send(out);
}
