// Lookup benchmark: national-ID lookup and name search over HTTP on loopback, over N persons
// (default 1,000,000 synthetic persons), on the embedded PostgreSQL with durable settings.
//
//   npm run bench:lookup [-- --persons 1000000 --queries 1000]
//
// Loading uses COPY straight into `person` (the import path has its own benchmark); the measured
// part is the HTTP API: POST /api/v1/persons/search with a nationalId, and with a name in Arabic
// (four parts, two parts, a spelling variant) or Latin script. Prints p50/p95/p99 and recall@20.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import cliProgress from 'cli-progress';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../src/api/app.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { openStore } from '../src/store/open.ts';
import { preparePerson, type PersonRecord } from '../src/registry/person.ts';
import { governorateCodes } from '../src/places/governorates.ts';
import { generatePersons } from '../src/synthetic/households.ts';
import { personInputOf } from '../src/synthetic/personInput.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const PERSONS = arg('persons', 1_000_000);
const QUERIES = arg('queries', 1000);
const SEED = 20261122;
const dataDir = path.resolve(`.tmp/bench-lookup-${PERSONS}`);
const command = `npm run bench:lookup -- --persons ${PERSONS} --queries ${QUERIES}`;

type Sample = { id?: string; record: PersonRecord; variant: string; latin: string | null };

const esc = (v: string | null | boolean | string[]) => {
  if (v === null) return '\\N';
  if (Array.isArray(v)) return '{' + v.map((t) => '"' + t.replace(/\\/g, '\\\\\\\\').replace(/"/g, '\\\\"') + '"').join(',') + '}';
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
};

/** A typical field spelling of an Arabic name: hamza dropped, taa marbuta as haa, alef maqsura as yaa. */
function variant(s: string): string {
  return s.replace(/[أإآ]/g, 'ا').replace(/ة(?=\s|$)/g, 'ه').replace(/ى(?=\s|$)/g, 'ي').replace(/عبد ال/g, 'عبدال');
}

async function load(store: Awaited<ReturnType<typeof openStore>>, orgId: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  const every = Math.max(1, Math.floor(PERSONS / (QUERIES * 2)));
  const bar = new cliProgress.SingleBar({ format: 'loading persons [{bar}] {value}/{total} {eta_formatted}', stream: process.stderr }, cliProgress.Presets.shades_classic);
  bar.start(PERSONS, 0);
  const client = await store.pool.connect();
  try {
    await client.query('DROP INDEX IF EXISTS person_name_tokens, person_national_id, person_phone');
    let n = 0;
    async function* rows() {
      let chunk: string[] = [];
      for (const p of generatePersons({ households: Math.ceil(PERSONS / 3), seed: SEED })) {
        if (n >= PERSONS) break;
        const r = preparePerson(personInputOf(p));
        if (!r.ok) continue;
        const v = r.value;
        n++;
        if (n % every === 0 && samples.length < QUERIES * 2) samples.push({ record: v, variant: variant(v.fullName), latin: v.fullNameEn });
        chunk.push(
          [orgId, v.recordId, v.givenName, v.fatherName, v.grandfatherName, v.familyName, v.fullName, v.fullNameEn, v.nameKey, v.nameTokens, v.sex, v.dateOfBirth, v.dobPrecision, v.nationalId, v.nationalIdValid, v.phone, v.governorate]
            .map((x) => esc(x as string | null))
            .join('\t') + '\n',
        );
        if (chunk.length === 5000) {
          yield chunk.join('');
          chunk = [];
          bar.update(n);
        }
      }
      if (chunk.length) yield chunk.join('');
      bar.update(n);
    }
    const copy = client.query(
      copyFrom(`COPY person (org_id, record_id, given_name, father_name, grandfather_name, family_name, full_name, full_name_en, name_key, name_tokens, sex, date_of_birth, dob_precision, national_id, national_id_valid, phone, governorate) FROM STDIN`),
    );
    await pipeline(Readable.from(rows()), copy);
    bar.stop();
    process.stderr.write('building indexes...\n');
    await client.query('SET maintenance_work_mem = "1GB"');
    await client.query('CREATE INDEX person_national_id ON person (national_id) WHERE national_id IS NOT NULL');
    await client.query('CREATE INDEX person_phone ON person (phone) WHERE phone IS NOT NULL');
    await client.query('CREATE INDEX person_name_tokens ON person USING gin (name_tokens)');
    await client.query('VACUUM ANALYZE person');
  } finally {
    client.release();
  }
  await fs.writeFile(path.join(dataDir, 'bench-samples.json'), JSON.stringify(samples));
  return samples;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main() {
  const t0 = Date.now();
  const store = await openStore({ dataDir, max: 20 });
  const orgId = await createOrganisation(store.pool, 'Benchmark organisation');
  const have = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM person')).rows[0]!.n;
  let samples: Sample[];
  if (have === PERSONS) {
    samples = JSON.parse(await fs.readFile(path.join(dataDir, 'bench-samples.json'), 'utf8'));
    process.stderr.write(`reusing ${have} persons in ${dataDir}\n`);
  } else {
    await store.pool.query('TRUNCATE person CASCADE');
    samples = await load(store, orgId);
  }
  const loadS = (Date.now() - t0) / 1000;
  const ids = await store.pool.query<{ id: string; record_id: string }>('SELECT id, record_id FROM person WHERE record_id = ANY($1)', [samples.map((s) => s.record.recordId)]);
  const byRecord = new Map(ids.rows.map((r) => [r.record_id, r.id]));
  for (const s of samples) s.id = byRecord.get(s.record.recordId!);

  const username = `bench-${Date.now()}`;
  const userId = await createUser(store.pool, { orgId, username, password: 'benchmark-password-1', role: 'registration_officer', governorates: [...governorateCodes] });
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
    await run('national ID', withId.map((s) => ({ body: { nationalId: s.record.nationalId! }, expect: s.id }))),
    await run('name: four parts (Arabic)', q.map((s) => ({ body: { query: s.record.fullName }, expect: s.id }))),
    await run('name: spelling variant (Arabic)', q.map((s) => ({ body: { query: s.variant }, expect: s.id }))),
    await run('name: given + family (Arabic)', q.map((s) => ({ body: { query: `${s.record.givenName} ${s.record.familyName}` }, expect: s.id }))),
    await run('name: Latin transliteration', withLatin.map((s) => ({ body: { query: s.latin! }, expect: s.id }))),
  ];
  await app.close();
  await store.close();

  const lines = [
    `Lookup over ${PERSONS.toLocaleString('en')} persons, HTTP on loopback, sequential requests (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''})`,
    `setup (generate + COPY + index, or reuse): ${loadS.toFixed(1)} s`,
    '',
    '| query | n | p50 ms | p95 ms | p99 ms | target in top 20 |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${r.n} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.recall * 100).toFixed(1)}% |`),
    '',
    `command: ${command}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
