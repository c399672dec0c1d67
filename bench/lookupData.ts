// The lookup benchmarks' data: N synthetic persons (src/synthetic, never real people) in an embedded
// PostgreSQL data directory under .tmp/, loaded once with COPY through preparePerson (the same
// normalisation as registration) and reused by later runs, with a sample of persons to query.
// Used by bench/lookup.bench.ts (HTTP) and bench/webSearch.bench.ts (the browser).
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import cliProgress from 'cli-progress';
import { from as copyFrom } from 'pg-copy-streams';
import type { openStore } from '../src/store/open.ts';
import { preparePerson, type PersonRecord } from '../src/registry/person.ts';
import { generatePersons } from '../src/synthetic/households.ts';
import { personInputOf } from '../src/synthetic/personInput.ts';

type Store = Awaited<ReturnType<typeof openStore>>;
const SEED = 20261122;

export const lookupDataDir = (persons: number) => path.resolve(`.tmp/bench-lookup-${persons}`);

export type Sample = { id?: string; record: PersonRecord; variant: string; latin: string | null };

const esc = (v: string | null | boolean | string[]) => {
  if (v === null) return '\\N';
  if (Array.isArray(v)) return `{${v.map((t) => `"${t.replace(/\\/g, '\\\\\\\\').replace(/"/g, '\\\\"')}"`).join(',')}}`;
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
};

/** A typical field spelling of an Arabic name: hamza dropped, taa marbuta as haa, alef maqsura as yaa. */
function variant(s: string): string {
  return s
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة(?=\s|$)/g, 'ه')
    .replace(/ى(?=\s|$)/g, 'ي')
    .replace(/عبد ال/g, 'عبدال');
}

async function load(store: Store, orgId: string, persons: number, queries: number, dataDir: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  const every = Math.max(1, Math.floor(persons / (queries * 2)));
  const bar = new cliProgress.SingleBar(
    { format: 'loading persons [{bar}] {value}/{total} {eta_formatted}', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(persons, 0);
  const client = await store.pool.connect();
  try {
    await client.query('DROP INDEX IF EXISTS person_name_tokens, person_national_id, person_phone');
    let n = 0;
    async function* rows() {
      let chunk: string[] = [];
      for (const p of generatePersons({ households: Math.ceil(persons / 3), seed: SEED })) {
        if (n >= persons) break;
        const r = preparePerson(personInputOf(p));
        if (!r.ok) continue;
        const v = r.value;
        n++;
        if (n % every === 0 && samples.length < queries * 2) samples.push({ record: v, variant: variant(v.fullName), latin: v.fullNameEn });
        chunk.push(
          `${[
            orgId,
            v.recordId,
            v.givenName,
            v.fatherName,
            v.grandfatherName,
            v.familyName,
            v.fullName,
            v.fullNameEn,
            v.nameKey,
            v.nameTokens,
            v.sex,
            v.dateOfBirth,
            v.dobPrecision,
            v.nationalId,
            v.nationalIdValid,
            v.phone,
            v.governorate,
          ]
            .map((x) => esc(x as string | null))
            .join('\t')}\n`,
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
      copyFrom(
        `COPY person (org_id, record_id, given_name, father_name, grandfather_name, family_name, full_name, full_name_en, name_key, name_tokens, sex, date_of_birth, dob_precision, national_id, national_id_valid, phone, governorate) FROM STDIN`,
      ),
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

/** The persons of the benchmark in `store` (opened on lookupDataDir(persons)), loading them if needed; the samples get their ids. */
export async function lookupData(store: Store, orgId: string, persons: number, queries: number): Promise<Sample[]> {
  const dataDir = lookupDataDir(persons);
  const have = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM person')).rows[0]!.n;
  let samples: Sample[];
  if (have === persons) {
    samples = JSON.parse(await fs.readFile(path.join(dataDir, 'bench-samples.json'), 'utf8'));
    process.stderr.write(`reusing ${have} persons in ${dataDir}\n`);
  } else {
    await store.pool.query('TRUNCATE person CASCADE');
    samples = await load(store, orgId, persons, queries, dataDir);
  }
  const ids = await store.pool.query<{ id: string; record_id: string }>('SELECT id, record_id FROM person WHERE record_id = ANY($1)', [
    samples.map((s) => s.record.recordId),
  ]);
  const byRecord = new Map(ids.rows.map((r) => [r.record_id, r.id]));
  for (const s of samples) s.id = byRecord.get(s.record.recordId!);
  return samples;
}

/** The p-th percentile (nearest rank) of xs. */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** The count and the 50th, 95th and 99th percentiles of some timings. */
export function latencies(times: number[]): { n: number; p50: number; p95: number; p99: number } {
  return { n: times.length, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99) };
}
