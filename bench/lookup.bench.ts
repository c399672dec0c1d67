// Lookup benchmark: national-ID lookup and name search over HTTP on loopback, over N persons
// (default 1,000,000 synthetic persons), on the embedded PostgreSQL with durable settings.
//
//   npm run bench:lookup [-- --persons 1000000 --queries 1000]
//
// Loading uses COPY straight into `person` (the import path has its own benchmark); the measured
// part is the HTTP API: POST /api/v1/persons/search with a nationalId, and with a name in Arabic
// (four parts, two parts, a spelling variant) or Latin script. Prints p50/p95/p99 and recall@20.
import os from 'node:os';
import { buildApp } from '../src/api/app.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { openStore } from '../src/store/open.ts';
import { governorateCodes } from '../src/places/governorates.ts';
import { lookupData, lookupDataDir, pct } from './lookupData.ts';
import { numberArg } from './args.ts';

const PERSONS = numberArg('persons', 1_000_000);
const QUERIES = numberArg('queries', 1000);
const dataDir = lookupDataDir(PERSONS);
const command = `npm run bench:lookup -- --persons ${PERSONS} --queries ${QUERIES}`;

async function main() {
  const t0 = Date.now();
  const store = await openStore({ dataDir, max: 20 });
  const orgId = await createOrganisation(store.pool, 'Benchmark organisation');
  const samples = await lookupData(store, orgId, PERSONS, QUERIES);
  const loadS = (Date.now() - t0) / 1000;

  const username = `bench-${Date.now()}`;
  const userId = await createUser(store.pool, {
    orgId,
    username,
    password: 'benchmark-password-1',
    role: 'registration_officer',
    governorates: [...governorateCodes],
  });
  const { token } = await createSession(store.pool, userId);
  const app = await buildApp({ store });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  async function run(name: string, bodies: { body: object; expect: string | undefined }[]) {
    const times: number[] = [];
    let found = 0;
    for (const [i, q] of bodies.entries()) {
      const t = process.hrtime.bigint();
      const res = await fetch(`${base}/api/v1/persons/search`, { method: 'POST', headers, body: JSON.stringify({ ...q.body, limit: 20 }) });
      const json = (await res.json()) as { items: { id: string }[] };
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
      if (i >= 20) times.push(ms); // first 20: warm-up
      if (json.items.some((it) => it.id === q.expect)) found++;
    }
    return { name, n: times.length, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), recall: found / bodies.length };
  }

  const q = samples.slice(0, QUERIES);
  const withId = q.filter((s) => s.record.nationalId);
  const withLatin = q.filter((s) => s.latin);
  const results = [
    await run(
      'national ID',
      withId.map((s) => ({ body: { nationalId: s.record.nationalId! }, expect: s.id })),
    ),
    await run(
      'name: four parts (Arabic)',
      q.map((s) => ({ body: { query: s.record.fullName }, expect: s.id })),
    ),
    await run(
      'name: spelling variant (Arabic)',
      q.map((s) => ({ body: { query: s.variant }, expect: s.id })),
    ),
    await run(
      'name: given + family (Arabic)',
      q.map((s) => ({ body: { query: `${s.record.givenName} ${s.record.familyName}` }, expect: s.id })),
    ),
    await run(
      'name: Latin transliteration',
      withLatin.map((s) => ({ body: { query: s.latin! }, expect: s.id })),
    ),
  ];
  await app.close();
  await store.close();

  const lines = [
    `Lookup over ${PERSONS.toLocaleString('en')} persons, HTTP on loopback, sequential requests (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''})`,
    `setup (generate + COPY + index, or reuse): ${loadS.toFixed(1)} s`,
    '',
    '| query | n | p50 ms | p95 ms | p99 ms | target in top 20 |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) => `| ${r.name} | ${r.n} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.recall * 100).toFixed(1)}% |`,
    ),
    '',
    `command: ${command}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
