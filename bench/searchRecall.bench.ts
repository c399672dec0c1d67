// Cross-script search recall: the Arabic records of the real name pairs (gaza-names-ar-en.dev.csv,
// 14,103 four-part names; see bench/searchRecall.ts) registered among synthetic distractors, each
// searched by its published Latin transliteration through the store's person search (the API's
// path). Prints how often the Arabic record is first and in the first page (20), and the search time.
//
//   npm run bench:search-recall [-- --distractors 100000 --sample 14103]
//
// A fresh embedded PostgreSQL under .tmp/ each run (the records go in with preparePerson, the
// normalisation of registration). Prints figures only, never names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOrganisation } from '../src/store/access/createUser.ts';
import { openStore } from '../src/store/open.ts';
import { numberArg } from './args.ts';
import { latencies } from './lookupData.ts';
import { insertRecords, measureRecall, namePairs, recallRecords } from './searchRecall.ts';

const DISTRACTORS = numberArg('distractors', 100_000);
const SAMPLE = numberArg('sample', 14_103);
const command = `npm run bench:search-recall -- --distractors ${DISTRACTORS} --sample ${SAMPLE}`;
const dataDir = path.resolve('.tmp/bench-search-recall');

fs.rmSync(dataDir, { recursive: true, force: true });
const store = await openStore({ dataDir, durable: false });
try {
  const orgId = await createOrganisation(store.pool, 'Benchmark organisation');
  const pairs = namePairs(SAMPLE);
  const t0 = Date.now();
  const records = recallRecords(pairs, DISTRACTORS);
  await insertRecords(store.pool, orgId, records);
  process.stderr.write(`registered ${records.length} persons in ${((Date.now() - t0) / 1000).toFixed(1)} s; searching...\n`);
  const load = os.loadavg()[0]!;
  const f = await measureRecall(store.pool, orgId, pairs);
  const t = latencies(f.ms.slice(20));
  const pct = (x: number) => `${((100 * x) / f.queries).toFixed(1)}%`;
  const lines = [
    `Latin query, Arabic-only record: ${f.queries.toLocaleString('en')} real name pairs among ${(records.length - pairs.length).toLocaleString('en')} synthetic distractors (${records.length.toLocaleString('en')} persons), ${os.cpus().length} cores, load ${load.toFixed(1)} -> ${os.loadavg()[0]!.toFixed(1)}`,
    '',
    '| queries | first | in the first page (20) | search p50 ms | p95 ms | p99 ms |',
    '|---|---|---|---|---|---|',
    `| ${f.queries} | ${pct(f.top1)} | ${pct(f.top20)} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.p99.toFixed(1)} |`,
    '',
    `command: ${command}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
