// Dedupe-in-the-registry benchmarks.
//
// By default (registryMain, bench/dedupe/registry.ts): clan-shaped synthetic registries
// (generateClanRegistry) of 5,000 and 50,000 persons with 0, 0.5, 2, 10 and 30% of the people
// registered twice, each imported with `sanad import persons`, deduplicated with `sanad
// duplicates` and scored from `sanad export links`; and `sanad seed` registries of 300, 1,000 and
// 3,000 households (no one twice). Prints precision, recall, F1, the review queue per 1,000
// persons, times, the calibration of the shown percentages and the check while typing before and
// after the first run.
//   npm run bench:dedupe [-- --sizes 5000,50000 --rates 0,0.005,0.02,0.1,0.3 --households 300,1000,3000 --drafts 200]
//   1,000,000 persons (optional, about 10 minutes on 2 cores): npm run bench:dedupe -- --sizes 1000000 --rates 0.02 --households ''
//
// With --lookup: POST /api/v1/duplicates/check (a registration being typed,
// checked against the whole registry) over HTTP on loopback, on a registry of N persons (default
// 1,000,000), on the embedded PostgreSQL with durable settings.
//
//   npm run bench:dedupe [-- --persons 1000000 --queries 500 --fit 100000]
//
// The registry is the one bench/lookup.bench.ts loads (.tmp/bench-lookup-N, organisation
// 'Benchmark organisation'); run that first if the directory does not exist. That registry has no
// duplicates, so an unsupervised fit on it learns "same family" rather than "same person"; the
// model is therefore fitted by the engine on a synthetic registry with duplicates
// (generateDedupeSet, --fit records) and stored as the organisation's latest model, as
// `sanad dedupe` would on a registry that has them. Drafts are registered persons retyped with field spelling variants
// (hamza dropped, taa marbuta as haa, alef maqsura as yaa, "عبد ال" joined), without and with the
// national ID. Prints p50/p95/p99 and how often the retyped person is among the matches.
//
// With --dedupe-records N (e.g. 100000), also measures `sanad dedupe` itself: a synthetic registry
// with duplicates and its truth (generateDedupeSet, N records) is loaded for a new organisation in
// the same data directory and deduplicated; prints the time and pairwise precision and recall of
// the automatic links and of the review candidates.
import { personInputOf } from '../src/synthetic/personInput.ts';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { governorateCodes } from '../src/places/governorates.ts';
import type { PersonRecord } from '../src/registry/person.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { link } from '../src/linkage/engine.ts';
import { latencies } from './lookupData.ts';
import { modelToJson, REGISTRY_COLUMNS } from '../src/linkage/registryScore.ts';
import { preparePerson } from '../src/registry/person.ts';
import { saveModel } from '../src/store/duplicates/model.ts';
import { rawRecord } from '../src/store/duplicates/records.ts';
import { generateDedupeSet } from '../src/synthetic/registries.ts';
import { findDuplicates } from '../src/store/duplicates/run.ts';
import { loadDedupeSet } from '../test/duplicates/support.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { numberArg } from './args.ts';
import { runCase, type CaseResult, type RegistryCase } from './dedupe/registry.ts';
import { generateClanRegistry } from '../src/synthetic/registries.ts';
import { generatePersons } from '../src/synthetic/households.ts';
import { parseArgs } from 'node:util';

const PERSONS = numberArg('persons', 1_000_000);
const QUERIES = numberArg('queries', 500);
const FIT = numberArg('fit', 100_000);
const DEDUPE_RECORDS = numberArg('dedupe-records', 0);
const dataDir = path.resolve(`.tmp/bench-lookup-${PERSONS}`);
const command = `npm run bench:dedupe -- --persons ${PERSONS} --queries ${QUERIES} --fit ${FIT}`;

type Sample = { id?: string; record: PersonRecord };

const variant = (s: string | null): string | undefined =>
  s === null
    ? undefined
    : s
        .replace(/[أإآ]/g, 'ا')
        .replace(/ة(?=\s|$)/g, 'ه')
        .replace(/ى(?=\s|$)/g, 'ي')
        .replace(/عبد ال/g, 'عبدال');

async function openRegistry() {
  try {
    await fs.access(path.join(dataDir, 'bench-samples.json'));
  } catch {
    throw new Error(`${dataDir} has no registry: run npm run bench:lookup -- --persons ${PERSONS} first`);
  }
  const store = await openStore({ dataDir, max: 20 });
  const orgId = await createOrganisation(store.pool, 'Benchmark organisation');
  const have = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE org_id = $1', [orgId])).rows[0]!.n;
  process.stderr.write(`registry: ${have.toLocaleString('en')} persons in ${dataDir}\n`);
  const username = `bench-dedupe-${Date.now()}`;
  const userId = await createUser(store.pool, {
    orgId,
    username,
    password: 'benchmark-password-1',
    role: 'caseworker',
    governorates: [...governorateCodes],
  });
  return { store, orgId, userId, have };
}

/** Fits the model on a synthetic registry with duplicates and saves it as the organisation's; returns the report line. */
async function fitModel(store: Store, orgId: string, userId: string): Promise<string> {
  const t0 = performance.now();
  const recs = [];
  for (const p of generateDedupeSet({ records: FIT, seed: 99 })) {
    const { recordId: _id, ...input } = personInputOf(p);
    const r = preparePerson(input);
    if (!r.ok) continue;
    const v = r.value;
    recs.push(
      rawRecord({
        id: String(recs.length),
        given_name: v.givenName,
        father_name: v.fatherName,
        grandfather_name: v.grandfatherName,
        family_name: v.familyName,
        full_name: v.fullName,
        full_name_en: v.fullNameEn,
        sex: v.sex,
        date_of_birth: v.dateOfBirth,
        dob_precision: v.dobPrecision,
        national_id: v.nationalId,
        phone: v.phone,
        governorate: v.governorate,
      }),
    );
  }
  const fit = link([recs], {}, {}, REGISTRY_COLUMNS);
  await saveModel(store.pool, {
    orgId,
    userId,
    settings: {},
    model: modelToJson(fit.model),
    records: recs.length,
    stats: { bench: 'synthetic dedupe set', pairs: fit.stats.candidatePairs },
  });
  const fitLine = `model: fitted by the dedupe engine on a synthetic registry with duplicates, ${recs.length.toLocaleString('en')} records, ${fit.stats.candidatePairs.toLocaleString('en')} pairs compared, ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  process.stderr.write(`${fitLine}\n`);
  return fitLine;
}

/** The first QUERIES samples of bench:lookup, with their persons' ids in this organisation. */
async function loadSamples(store: Store, orgId: string): Promise<Sample[]> {
  const samples: Sample[] = JSON.parse(await fs.readFile(path.join(dataDir, 'bench-samples.json'), 'utf8'));
  const q = samples.slice(0, QUERIES);
  const ids = await store.pool.query<{ id: string; record_id: string }>(
    'SELECT id, record_id FROM person WHERE org_id = $1 AND record_id = ANY($2)',
    [orgId, q.map((s) => s.record.recordId)],
  );
  const byRecord = new Map(ids.rows.map((r) => [r.record_id, r.id]));
  for (const s of q) s.id = byRecord.get(s.record.recordId!);
  return q;
}

/** A registered person retyped: names with spelling variants, sex, the date of birth as precise as recorded. */
const draft = (r: PersonRecord) => ({
  ...(r.givenName ? { givenName: variant(r.givenName) } : {}),
  ...(r.fatherName ? { fatherName: variant(r.fatherName) } : {}),
  ...(r.grandfatherName ? { grandfatherName: variant(r.grandfatherName) } : {}),
  ...(r.familyName ? { familyName: variant(r.familyName) } : {}),
  ...(r.givenName ? {} : { fullName: variant(r.fullName) }),
  ...(r.sex ? { sex: r.sex } : {}),
  ...(r.dateOfBirth && r.dobPrecision !== 'estimated'
    ? { dateOfBirth: r.dobPrecision === 'exact' ? r.dateOfBirth : r.dateOfBirth.slice(0, r.dobPrecision === 'month' ? 7 : 4) }
    : {}),
  governorate: r.governorate,
});

type Measure = { name: string; n: number; p50: number; p95: number; p99: number; recall: number; top1: number; cand: number };

/** Sends the drafts one after another to POST /duplicates/check; times and how often the expected person is found. */
async function measure(
  base: string,
  headers: Record<string, string>,
  name: string,
  bodies: { body: object; expect: string | undefined }[],
) {
  const times: number[] = [];
  let found = 0,
    top1 = 0,
    candidates = 0;
  for (const [i, item] of bodies.entries()) {
    const t = process.hrtime.bigint();
    const res = await fetch(`${base}/api/v1/duplicates/check`, { method: 'POST', headers, body: JSON.stringify(item.body) });
    const json = (await res.json()) as { matches: { person: { id: string } }[]; candidates: number };
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status} ${JSON.stringify(json)}`);
    if (i >= 20) times.push(ms); // first 20: warm-up
    if (json.matches.some((m) => m.person.id === item.expect)) found++;
    if (json.matches[0]?.person.id === item.expect) top1++;
    candidates += json.candidates;
  }
  return {
    name,
    ...latencies(times),
    recall: found / bodies.length,
    top1: top1 / bodies.length,
    cand: candidates / bodies.length,
  };
}

/** The check while typing, over HTTP on loopback, for three kinds of draft. */
async function measureCheck(store: Store, userId: string, q: Sample[]): Promise<Measure[]> {
  const { token } = await createSession(store.pool, userId);
  const app = await buildApp({ store });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const withId = q.filter((s) => s.record.nationalId);
  const results = [
    await measure(
      base,
      headers,
      'retyped: names with spelling variants, sex, date of birth, no ID',
      q.map((s) => ({ body: draft(s.record), expect: s.id })),
    ),
    await measure(
      base,
      headers,
      'retyped, with the national ID',
      withId.map((s) => ({ body: { ...draft(s.record), nationalId: s.record.nationalId! }, expect: s.id })),
    ),
    await measure(
      base,
      headers,
      'typing: given + family name only (variants)',
      q.map((s) => ({ body: { givenName: variant(s.record.givenName), familyName: variant(s.record.familyName) }, expect: s.id })),
    ),
  ];
  await app.close();
  return results;
}

/** `sanad dedupe` over a synthetic registry with duplicates, for a new organisation: its report lines. */
async function measureDedupe(): Promise<string[]> {
  const st2 = await openStore({ dataDir, max: 20 });
  const org2 = await createOrganisation(st2.pool, `Benchmark dedupe ${Date.now()}`);
  const u2 = await createUser(st2.pool, {
    orgId: org2,
    username: `bench-dd-${Date.now()}`,
    role: 'caseworker',
    governorates: [...governorateCodes],
  });
  const t1 = performance.now();
  const data = await loadDedupeSet(st2.pool, org2, DEDUPE_RECORDS, 2026);
  const loadS = (performance.now() - t1) / 1000;
  const s = await findDuplicates(st2.pool, { userId: u2, orgId: org2, role: 'caseworker', governorates: [...governorateCodes] });
  const rows = (
    await st2.pool.query<{ person_a: string; person_b: string; status: string }>(
      'SELECT person_a, person_b, status FROM match_candidate WHERE org_id = $1',
      [org2],
    )
  ).rows;
  const byCluster = new Map<string, number>();
  for (const c of data.cluster.values()) byCluster.set(c, (byCluster.get(c) ?? 0) + 1);
  let truePairs = 0;
  for (const n of byCluster.values()) truePairs += (n * (n - 1)) / 2;
  const same = (r: { person_a: string; person_b: string }) => data.cluster.get(r.person_a) === data.cluster.get(r.person_b);
  const auto = rows.filter((r) => r.status === 'auto_linked');
  const autoRight = auto.filter(same).length,
    candRight = rows.filter(same).length;
  await st2.close();
  return [
    '',
    `sanad dedupe over a synthetic registry with duplicates (generateDedupeSet, seed 2026): ${data.ids.length.toLocaleString('en')} persons, ${truePairs.toLocaleString('en')} true pairs (loaded in ${loadS.toFixed(1)} s)`,
    '',
    '| persons | wall | pairs compared | candidates | automatic links | precision (auto) | recall (auto) | recall (auto + review) |',
    '|---|---|---|---|---|---|---|---|',
    `| ${s.persons.toLocaleString('en')} | ${s.seconds.toFixed(1)} s | ${s.pairsCompared.toLocaleString('en')} | ${s.candidates.toLocaleString('en')} | ${s.autoLinked.toLocaleString('en')} | ${(autoRight / Math.max(1, auto.length)).toFixed(4)} | ${(autoRight / truePairs).toFixed(4)} | ${(candRight / truePairs).toFixed(4)} |`,
  ];
}

async function lookupMain() {
  const { store, orgId, userId, have } = await openRegistry();
  const fitLine = await fitModel(store, orgId, userId);
  const q = await loadSamples(store, orgId);
  const results = await measureCheck(store, userId, q);
  await store.close();
  const dedupeLines = DEDUPE_RECORDS > 0 ? await measureDedupe() : [];

  const lines = [
    `Check while typing over ${have.toLocaleString('en')} persons, HTTP on loopback, sequential requests (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, load average ${os.loadavg()[0]!.toFixed(1)})`,
    fitLine,
    '',
    '| draft | n | p50 ms | p95 ms | p99 ms | records examined (mean) | person among matches | person first |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.n} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.cand.toFixed(0)} | ${(r.recall * 100).toFixed(1)}% | ${(r.top1 * 100).toFixed(1)}% |`,
    ),
    ...dedupeLines,
    '',
    `command: ${command}${DEDUPE_RECORDS ? ` --dedupe-records ${DEDUPE_RECORDS}` : ''}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const list = (v: string | undefined, d: number[]): number[] => (v === undefined ? d : v.split(',').filter(Boolean).map(Number));

/** A clan registry of `persons` records and its newcomers (people of the same population not in it). */
function clanCase(persons: number, rate: number, seed: number, drafts: number): RegistryCase {
  const all = [...generateClanRegistry({ persons: persons + drafts * 4, seed, duplicateRate: rate })];
  const records = all.slice(0, persons);
  const known = new Set(records.map((r) => r.cluster));
  const rest = all.slice(persons);
  const newcomers = rest.filter((r) => !known.has(r.cluster) && r.givenName);
  // registered after the first run: 1% more persons (newcomers, and second registrations of people already in)
  const increment = rest.slice(drafts * 2, drafts * 2 + Math.ceil(persons / 100));
  // the field re-registrations of registered people (the same population with 30% registered twice)
  const inRegistry = new Set(records.map((r) => r.recordId));
  const fieldDrafts: RegistryCase['fieldDrafts'] = [];
  for (const r of generateClanRegistry({ persons: persons * 2, seed, duplicateRate: 0.3 })) {
    if (known.has(r.cluster) && !inRegistry.has(r.recordId)) fieldDrafts.push(r);
    if (fieldDrafts.length >= drafts) break;
  }
  return {
    name: `clan ${persons.toLocaleString('en')} persons, ${(rate * 100).toFixed(1)}% twice`,
    records,
    newcomers,
    increment,
    fieldDrafts,
  };
}

function seedCase(households: number): RegistryCase {
  const records = [...generatePersons({ households, seed: 1 })].map((p) => ({ ...p, cluster: p.recordId }));
  const newcomers = [...generatePersons({ households: 300, seed: 1, startIndex: households })];
  return { name: `sanad seed ${households.toLocaleString('en')} households`, records, newcomers, seedHouseholds: households };
}

const pctS = (x: number) => `${(x * 100).toFixed(1)}%`;
const check = (c: CaseResult['before']) =>
  `retyped ${pctS(c.first / Math.max(1, c.drafts))} first${c.fieldDrafts ? `, field re-registrations ${pctS(c.fieldFirst / c.fieldDrafts)} first` : ''}, shown at >= 90%: ${c.shown90True}/${c.shown90} the person, ${c.likelyWrong} newcomers "likely same", ${c.otherSexAbove50} other-sex > 50%, p50 ${c.p50.toFixed(0)} ms`;

async function registryMain() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      rates: { type: 'string' },
      households: { type: 'string' },
      drafts: { type: 'string' },
      lookup: { type: 'boolean' },
    },
  });
  const sizes = list(values.sizes, [5000, 50_000]);
  const rates = list(values.rates, [0, 0.005, 0.02, 0.1, 0.3]);
  const households = list(values.households, [300, 1000, 3000]);
  const drafts = Number(values.drafts ?? 200);
  const dir = path.resolve('.tmp/bench-dedupe');
  await fs.mkdir(dir, { recursive: true });
  const store = await openStore({ dataDir: path.join(dir, 'data'), max: 10 });
  const results: CaseResult[] = [];
  try {
    for (const h of households) results.push(await report(await runCase(store, dir, seedCase(h), drafts)));
    for (const n of sizes)
      for (const [k, rate] of rates.entries())
        results.push(await report(await runCase(store, dir, clanCase(n, rate, 11 + k, drafts), drafts)));
  } finally {
    await store.close();
  }
  const lines = [
    `Registry deduplication, end to end (import, sanad duplicates, sanad export links), ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
    '',
    '| registry | persons | true pairs | import | duplicates | precision | recall | F1 | recall with review | automatic links | review pairs | review per 1,000 | persons in review | shown at >= 90%: true |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.persons.toLocaleString('en')} | ${r.truePairs.toLocaleString('en')} | ${r.importS.toFixed(1)} s | ${r.dedupeS.toFixed(1)} s | ${r.precision.toFixed(4)} | ${r.recall.toFixed(4)} | ${r.f1.toFixed(4)} | ${r.recallWithReview.toFixed(4)} | ${r.autoLinks.toLocaleString('en')} | ${r.review} | ${r.reviewPer1000.toFixed(2)} | ${pctS(r.reviewPersonsShare)} | ${r.shown90 ? `${r.shown90True}/${r.shown90} (${pctS(r.shown90True / r.shown90)})` : '-'} |`,
    ),
    '',
    `Check while typing (${drafts} drafts of registered people retyped with spelling variants, half with their ID; and up to ${drafts} drafts of newcomers)`,
    '',
    '| registry | before the first run (model shipped with Sanad) | after sanad duplicates |',
    '|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${check(r.before)} | ${check(r.after)} |`),
    '',
    'The check against the batch run: stored pairs (up to 100), the second record sent as a draft',
    '',
    '| registry | pairs | mean difference of the probabilities | same band (>= 90% or not) |',
    '|---|---|---|---|',
    ...results
      .filter((r) => r.consistency)
      .map((r) => `| ${r.name} | ${r.consistency!.pairs} | ${r.consistency!.meanDiff.toFixed(3)} | ${pctS(r.consistency!.sameBand)} |`),
    '',
    'Incremental: 1% more persons registered after the run, then `sanad duplicates --incremental` (wall time of the command, start-up included)',
    '',
    '| registry | persons added | wall | summary |',
    '|---|---|---|---|',
    ...results
      .filter((r) => r.incremental)
      .map((r) => `| ${r.name} | ${r.incremental!.persons} | ${r.incremental!.seconds.toFixed(1)} s | ${r.incremental!.line} |`),
    '',
    '1,000,000 persons (optional; not run by default): npm run bench:dedupe -- --sizes 1000000 --rates 0.02 --households ""',
    `command: npm run bench:dedupe -- --sizes ${sizes.join(',')} --rates ${rates.join(',')} --households ${households.join(',')} --drafts ${drafts}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function report(r: CaseResult): Promise<CaseResult> {
  process.stderr.write(
    `${r.name}: P ${r.precision.toFixed(4)} R ${r.recall.toFixed(4)} F1 ${r.f1.toFixed(4)} review ${r.review} (${r.reviewPer1000.toFixed(2)}/1000) import ${r.importS.toFixed(1)} s dedupe ${r.dedupeS.toFixed(1)} s; check before: ${check(r.before)}; after: ${check(r.after)}\n`,
  );
  return r;
}

if (process.argv.includes('--lookup')) await lookupMain();
else await registryMain();
