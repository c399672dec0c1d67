// Backup benchmark: memory stays constant whatever the store's size. A `sanad serve` on a new
// embedded data directory, a table of filler rows (incompressible text, about 1 kB a row) grown to
// --mb megabytes, then, while the server runs: `sanad backup` (physical), `sanad restore` of it
// into a new directory, `sanad backup --logical`; each one's time and peak memory (as the command
// reports it). Run it at two sizes: the peak memory does not grow with the store.
//
//   npm run bench:backup [-- --mb 2000]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connectTo, embeddedEnv, sanadIn, serve, stop } from '../test/support/served.ts';
import { numberArg } from './args.ts';

const mb = numberArg('mb', 1000);
const base = path.join(os.tmpdir(), `sanad-bench-backup-${randomBytes(4).toString('hex')}`);
const dir = `${base}-live`;

function figures(what: string, out: string, ms: number): void {
  const peak = /peak memory ([\d.]+ MB)/.exec(out)?.[1] ?? '?';
  const written = /(\d+ files, [\d.]+ MB|\d+ tables, \d+ rows)/.exec(out)?.[1] ?? '';
  console.log(`${what.padEnd(22)} ${(ms / 1000).toFixed(1).padStart(7)} s   peak memory ${peak.padStart(7)}   ${written}`);
}

async function timed(what: string, d: string, args: string[]): Promise<string> {
  const t = Date.now();
  const r = await sanadIn(d, args);
  if (r.code !== 0) throw new Error(`${what} failed: ${r.err}`);
  figures(what, r.out, Date.now() - t);
  return r.out;
}

const server = await serve(dir, embeddedEnv());
try {
  const c = await connectTo(dir);
  const rows = mb * 1000;
  const t = Date.now();
  await c.query('CREATE TABLE bench_filler (id bigint PRIMARY KEY, body text NOT NULL)');
  for (let from = 0; from < rows; from += 100_000) {
    await c.query(
      `INSERT INTO bench_filler SELECT g, string_agg(md5(g::text || ':' || i), '') FROM generate_series($1::bigint, $2::bigint) g, generate_series(1, 30) i GROUP BY g`,
      [from + 1, Math.min(rows, from + 100_000)],
    );
  }
  await c.query('CHECKPOINT');
  const size = (await c.query<{ s: string }>("SELECT pg_size_pretty(pg_database_size('sanad')) AS s")).rows[0]!.s;
  await c.end();
  console.log(`store: ${rows} filler rows, database ${size}, made in ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
  await timed('backup (physical)', dir, ['backup', '--output', `${base}-backup`]);
  await timed('restore (physical)', `${base}-restored`, ['restore', `${base}-backup`]);
  await timed('backup --logical', dir, ['backup', '--logical', '--output', `${base}-logical.dump`]);
  // the filler table is not Sanad's: the target store gets it first (a logical restore loads only tables it has)
  const target = await serve(`${base}-from-logical`, embeddedEnv());
  const t2 = await connectTo(target.dir);
  await t2.query('CREATE TABLE bench_filler (id bigint PRIMARY KEY, body text NOT NULL)');
  await t2.end();
  await stop(target);
  await timed('restore --logical', `${base}-from-logical`, ['restore', '--logical', `${base}-logical.dump`]);
} finally {
  await stop(server);
  for (const p of [dir, `${base}-backup`, `${base}-restored`, `${base}-logical.dump`, `${base}-from-logical`])
    await fs.rm(p, { recursive: true, force: true });
}
