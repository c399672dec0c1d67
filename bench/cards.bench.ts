// Card printing benchmark: a cycle of N households (default 100,000), every one entitled, its cards
// issued (POST /api/v1/aid/cycles/:id/cards's store operation, 5,000 a batch) and its printable A4
// sheet written to a file through the code path of the web app and `sanad cards print`
// (writeCycleCardSheet: held cursor, 500 rows a FETCH, each token signed again and drawn as a QR
// code, HTML streamed with back-pressure). In the same process, first the first BASELINE cards
// (default 10,000), then the whole cycle: peak RSS of each run (VmHWM, reset between runs through
// /proc/self/clear_refs), time and throughput. Targets: the whole cycle in under 60 s, its peak RSS
// no more than the baseline's plus a few megabytes (constant memory).
//
//   nice -n 10 npm run bench:cards [-- --households 100000 --baseline 10000]
//
// The registry is made in SQL (bench/registrySql.ts) on the first run and kept in .tmp/bench-cards-N.
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../src/access/actor.ts';
import type { SecretKey } from '../src/access/secretBox.ts';
import { createCycle } from '../src/store/aid/catalogue.ts';
import { issueCycleCards } from '../src/store/aid/cycleCards.ts';
import { writeCycleCardSheet } from '../src/store/aid/cycleCardSheet.ts';
import { generateCycle } from '../src/store/aid/generate.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { loadSecretKey } from '../src/store/secretKey.ts';
import { write } from '../src/store/write.ts';
import { numberArg } from './args.ts';
import { benchActor, benchDir, householdsOf, loadRegistry } from './registrySql.ts';

const HOUSEHOLDS = numberArg('households', 100_000);
const BASELINE = numberArg('baseline', 10_000);
const dataDir = benchDir(`bench-cards-${HOUSEHOLDS}`);
const command = `nice -n 10 npm run bench:cards -- --households ${HOUSEHOLDS} --baseline ${BASELINE}`;
const log = (s: string) => process.stderr.write(`${s}\n`);
const MB = 1024 * 1024;

/** The peak resident set since the last reset, in bytes (Linux), else the current RSS. */
function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {}
  return process.memoryUsage().rss;
}
/** Starts a new peak: the kernel's high-water mark reset to the current RSS (Linux 4.0+). */
function resetPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** A new cycle of the benchmark programme (every household entitled), generated. */
async function newCycle(store: Store, actor: Actor): Promise<string> {
  const prog = (
    await store.pool.query<{ id: string }>("SELECT id FROM programme WHERE org_id = $1 AND name = 'Benchmark programme'", [actor.orgId])
  ).rows[0]!.id;
  const cycle = (
    await write(store.pool, actor, { route: 'bench' }, async (ctx) => ({
      status: 201,
      body: await createCycle(ctx, prog, new Date().toISOString().slice(0, 10)),
    }))
  ).body;
  const t0 = Date.now();
  const g = (await write(store.pool, actor, { route: 'bench' }, async (ctx) => ({ status: 200, body: await generateCycle(ctx, cycle.id) })))
    .body;
  log(`cycle ${cycle.number} generated: ${g.households.toLocaleString('en')} households in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return cycle.id;
}

/** Issues every missing card in batches of 5,000; answers the seconds taken and the cards issued. */
async function issueAll(store: Store, actor: Actor, sk: SecretKey, cycleId: string): Promise<{ seconds: number; issued: number }> {
  const t0 = Date.now();
  let issued = 0;
  for (;;) {
    const r = (
      await write(store.pool, actor, { route: `POST /api/v1/aid/cycles/${cycleId}/cards` }, async (ctx) => ({
        status: 200,
        body: await issueCycleCards(ctx, sk, cycleId, 5000),
      }))
    ).body;
    issued += r.issued;
    if (r.withoutCard === 0 || r.issued === 0) break;
  }
  return { seconds: (Date.now() - t0) / 1000, issued };
}

type Run = { cards: number; seconds: number; peak: number; bytes: number; heap: number };

/** One sheet to a file, as `sanad cards print` writes it. */
async function print(store: Store, actor: Actor, sk: SecretKey, cycleId: string, limit: number | undefined): Promise<Run> {
  const file = path.join(dataDir, `sheet-${limit ?? 'all'}.html`);
  global.gc?.();
  resetPeak();
  let heap = 0;
  const out = fs.createWriteStream(file);
  const s = await writeCycleCardSheet(store.pool, actor, sk, cycleId, out, {
    lang: 'ar',
    ...(limit !== undefined ? { limit } : {}),
    onProgress: (n, total) => {
      heap = Math.max(heap, process.memoryUsage().heapUsed);
      if (n % 20_000 === 0 || n === total) log(`  ${n.toLocaleString('en')} of ${total.toLocaleString('en')} cards`);
    },
  });
  out.end();
  await finished(out);
  return { cards: s.cards, seconds: s.seconds, peak: peakRss(), bytes: fs.statSync(file).size, heap };
}

async function main() {
  const store = await openStore({ dataDir, max: 10 });
  try {
    const actor = await benchActor(store, 'Cards benchmark');
    const have = await householdsOf(store, actor.orgId);
    if (have !== HOUSEHOLDS) {
      if (have > 0) throw new Error(`${dataDir} holds ${have} households; remove it to start again.`);
      await loadRegistry(store, actor, HOUSEHOLDS);
    } else log(`reusing ${have.toLocaleString('en')} households in ${dataDir}`);
    const sk = loadSecretKey({ dataDir });
    const cycleId = await newCycle(store, actor);
    // a new cycle of the same households: their earlier cards revoked, so that each run issues them all
    await store.pool.query(
      "INSERT INTO card_revocation (serial, reason) SELECT serial, 'replaced' FROM household_card WHERE org_id = $1 ON CONFLICT DO NOTHING",
      [actor.orgId],
    );
    log('issuing the cards...');
    const issue = await issueAll(store, actor, sk, cycleId);
    log(`issued ${issue.issued.toLocaleString('en')} cards in ${issue.seconds.toFixed(1)} s; printing...`);
    const base = await print(store, actor, sk, cycleId, BASELINE);
    const full = await print(store, actor, sk, cycleId, undefined);
    const row = (label: string, r: Run) =>
      `| ${label} | ${r.cards.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | ${Math.round(r.cards / r.seconds).toLocaleString('en')} | ${(r.peak / MB).toFixed(0)} MB | ${(r.heap / MB).toFixed(0)} MB | ${(r.bytes / MB).toFixed(0)} MB |`;
    const lines = [
      `Card printing for a cycle of ${HOUSEHOLDS.toLocaleString('en')} households (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}), embedded PostgreSQL, one process`,
      '',
      `issuing the cycle's ${issue.issued.toLocaleString('en')} cards (batches of 5,000, each card in the change log): ${issue.seconds.toFixed(1)} s`,
      '',
      '| printed sheet (HTML, Arabic) | cards | time | cards/s | peak RSS | peak heap used | file |',
      '|---|---|---|---|---|---|---|',
      row(`baseline: the first ${BASELINE.toLocaleString('en')} cards`, base),
      row('the whole cycle', full),
      '',
      `peak RSS of the whole cycle minus the baseline's: ${((full.peak - base.peak) / MB).toFixed(1)} MB for ${(full.cards / base.cards).toFixed(0)} times the cards; targets: under 60 s, constant memory`,
      `machine at the end: load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
      `command: ${command}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await store.close();
  }
}

await main();
