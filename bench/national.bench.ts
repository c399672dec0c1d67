// The whole population (issue #14): a registry of N synthetic persons (default 5,500,000, about
// 1,100,000 households; src/synthetic, never real people: both territories, households, displacement
// histories, national IDs with check-digit errors) taken through the real paths, stage by stage:
//
//   1. the households file written (src/synthetic, as `sanad seed` writes it; not a target),
//   2. import: `sanad import households`'s operation (importFile), then the displacement histories
//      as `sanad seed` adds them,
//   3. `sanad dedupe` through the registry (findDuplicates: keyset pages, the engine with its worker
//      threads, candidates and links stored), not file mode,
//   4. searches over HTTP on loopback as the API answers them: national ID, names (p50/p95/p99),
//      and the duplicate check while typing (POST /api/v1/duplicates/check) of registered persons
//      retyped and of new persons drawn as the registry was (bench/drafts.ts),
//   5. a cycle's entitlements for every household (generateCycle, one parcel per household),
//   6. incremental dedupe (issue #11): a households file of 10,000 new persons (new households of
//      the same population, and persons already registered registered again with field errors)
//      imported with importFile, then `sanad duplicates --incremental` (findDuplicatesIncremental,
//      on the blocks the dedupe of stage 3 kept).
//
// For each stage: wall time, this process's CPU (all threads), PostgreSQL's CPU (server and backends,
// from /proc), this process's peak RSS (VmHWM, reset per stage), PostgreSQL's peak memory (sum of
// the proportional set size of the server's processes, sampled every second), load average. Then the
// database's size on disk. The data directory is under os.tmpdir() and removed at the end (--keep
// keeps it).
//
//   nice -n 10 npm run bench:national [-- --persons 5500000 --queries 500 --keep --import-only --pg name=value]
//   (--pg, repeatable: a setting of the embedded server for the run; the import stage also logs its
//   WAL, full-page images, checkpoints, CPU a person and the registry's index sizes)
//   nice -n 10 npm run bench:national -- --reuse DIR   (the searches again on a kept registry)
//   nice -n 10 npm run bench:national -- --incremental DIR [--dedupe] [--memory] [--new 10000]
//     (stage 6 again on a kept registry, which it changes: work on a copy; --dedupe: a full dedupe
//     first, keeping its blocks; --memory: the incremental run reading everyone first, compared
//     pair by pair with the one on the kept blocks)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../src/access/actor.ts';
import { buildApp } from '../src/api/app.ts';
import { governorateCodes } from '../src/places/governorates.ts';
import { importFile, importFiles } from '../src/importer/run.ts';
import { addDisplacements } from '../src/importer/seed.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { createCycle, createItem, createPoint, createProgramme } from '../src/store/aid/catalogue.ts';
import { generateCycle } from '../src/store/aid/generate.ts';
import { parsePasses, sameBlock } from '../src/linkage/blocking.ts';
import type { ChangedPairs } from '../src/linkage/incrementalDedupe.ts';
import { DEFAULT_BLOCKING } from '../src/linkage/settings.ts';
import { compareChanged, findDuplicatesIncremental } from '../src/store/duplicates/incremental.ts';
import { latestModel } from '../src/store/duplicates/model.ts';
import { findDuplicates } from '../src/store/duplicates/run.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { write } from '../src/store/write.ts';
import { writePersonsCsv } from '../src/synthetic/csv.ts';
import { generateHouseholds, type SyntheticHousehold, type SyntheticPerson } from '../src/synthetic/households.ts';
import { numberArg, stringArg } from './args.ts';
import { type DraftSource, draftOf, newPersonSources, variant } from './drafts.ts';
import { latencies } from './lookupData.ts';
import { pgCpuSeconds } from './pgCpu.ts';

const PERSONS = numberArg('persons', 5_500_000);
const QUERIES = numberArg('queries', 500);
/**
 * Requests of each kind that warm the server before the timed ones (other persons than those
 * timed): a server just started runs its code unoptimised for its first few hundred requests (the
 * ID lookup's p50 2.5 ms over its first 300, 1.9 ms after; docs/benchmarks.md), and a server that
 * has served for a while is what the targets are about. `--warm-up 20` measures as before 2026-12-07.
 */
const WARMUP = numberArg('warm-up', 200);
const KEEP = process.argv.includes('--keep');
/** Only the households files, the import and the displacement histories (no dedupe, searches or cycle). */
const IMPORT_ONLY = process.argv.includes('--import-only');
/** A directory a `--keep` run left: only the searches and checks are measured again, on its registry. */
const REUSE = stringArg('reuse');
/** `--pg name=value` (repeatable): a setting of the embedded server for the run, to weigh one lever. */
const PG_SETTINGS = Object.fromEntries(
  process.argv.flatMap((a, i) => (process.argv[i - 1] === '--pg' ? [[a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]] : [])),
);
/** `--drop-index name` (repeatable, an experiment): an index dropped before the import, to weigh what it costs. */
const DROP_INDEXES = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--drop-index' ? [a] : []));
/** A directory a `--keep` run left (a copy: it is changed): stage 6 again, on its registry. */
const INCREMENTAL = stringArg('incremental');
/** New persons of stage 6. */
const NEW = numberArg('new', 10_000);
const pgFlags = [...Object.entries(PG_SETTINGS).map(([k, v]) => ` --pg ${k}=${v}`), ...DROP_INDEXES.map((x) => ` --drop-index ${x}`)].join(
  '',
);
const command = INCREMENTAL
  ? `nice -n 10 npm run bench:national -- --incremental ${INCREMENTAL}${process.argv.includes('--dedupe') ? ' --dedupe' : ''}${process.argv.includes('--memory') ? ' --memory' : ''} --new ${NEW}`
  : REUSE
    ? `nice -n 10 npm run bench:national -- --reuse ${REUSE} --queries ${QUERIES} --warm-up ${WARMUP}`
    : `nice -n 10 npm run bench:national -- --persons ${PERSONS} --queries ${QUERIES} --warm-up ${WARMUP}${IMPORT_ONLY ? ' --import-only' : ''}${pgFlags}`;
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const MB = 1024 * 1024;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
/** Disk needed: the data directory with WAL took 3.9 KB a person at 1,100,000 (4,288 MB), plus the files and room to spare. */
const BYTES_PER_PERSON = 6000;

type StageResult = {
  name: string;
  wall: number;
  nodeCpu: number;
  pgCpu: number | null;
  nodePeak: number;
  pgPeak: number;
  load: string;
  note: string;
};

/** The peak resident set of this process since the last reset (Linux VmHWM), else the current RSS. */
function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {}
  return process.memoryUsage().rss;
}
function resetPeak(): void {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {}
}

/** The pids of the embedded server and its children. */
function pgPids(pgDir: string): number[] {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return [];
  }
  const out = [pid];
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const s = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      if (Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(e));
    } catch {}
  }
  return out;
}
/** PostgreSQL's memory now: the sum of its processes' proportional set sizes (shared buffers counted once). */
function pgMemory(pgDir: string): number {
  let kb = 0;
  for (const pid of pgPids(pgDir)) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {}
  }
  return kb * 1024;
}

const loadNow = () =>
  os
    .loadavg()
    .slice(0, 1)
    .map((l) => l.toFixed(1))[0]!;

/** Runs one stage, measuring it. */
async function stage<T>(name: string, pgDir: string, fn: () => Promise<T>, note: (r: T) => string): Promise<[T, StageResult]> {
  log(`${name}...`);
  global.gc?.();
  resetPeak();
  const load0 = loadNow();
  const cpu0 = process.cpuUsage();
  const pg0 = pgCpuSeconds(pgDir);
  let pgPeak = pgMemory(pgDir);
  const timer = setInterval(() => {
    pgPeak = Math.max(pgPeak, pgMemory(pgDir));
  }, 1000);
  const t0 = performance.now();
  try {
    const r = await fn();
    const wall = (performance.now() - t0) / 1000;
    // a backend the stage closed counts once the server has reaped it: give it a moment
    await new Promise((r) => setTimeout(r, 1000));
    const cpu = process.cpuUsage(cpu0);
    const pg1 = pgCpuSeconds(pgDir);
    pgPeak = Math.max(pgPeak, pgMemory(pgDir));
    const res: StageResult = {
      name,
      wall,
      nodeCpu: (cpu.user + cpu.system) / 1e6,
      pgCpu: pg0 === null || pg1 === null ? null : pg1 - pg0,
      nodePeak: peakRss(),
      pgPeak,
      load: `${load0}-${loadNow()}`,
      note: note(r),
    };
    log(
      `${name}: ${wall.toFixed(1)} s wall, ${res.nodeCpu.toFixed(1)} s Node CPU, ${res.pgCpu === null ? 'n/a' : `${res.pgCpu.toFixed(1)} s`} PostgreSQL CPU; ${res.note}`,
    );
    return [r, res];
  } finally {
    clearInterval(timer);
  }
}

/** Free bytes on the file system of `dir` (df). */
function freeBytes(dir: string): number {
  const out = execFileSync('df', ['-Pk', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
  return Number(out.split(/\s+/)[3]) * 1024;
}

type Displacement = { household: string; from: string; to: string; date: string; reason: string };

/** The administrator the benchmark acts as (all governorates). */
async function setUp(store: Store): Promise<Actor & { userId: string }> {
  const orgId = await createOrganisation(store.pool, 'National benchmark');
  const userId = await createUser(store.pool, {
    orgId,
    username: 'bench-national',
    password: 'benchmark-password-1',
    role: 'administrator',
    governorates: [...governorateCodes],
  });
  return { userId, orgId, role: 'administrator' as const, governorates: governorateCodes, deviceId: 'bench' };
}

/** A programme of one food parcel per household, a point per governorate, and a new cycle of it. */
async function newCycle(store: Store, actor: Actor): Promise<string> {
  return (
    await write(store.pool, actor, { route: 'bench' }, async (ctx) => {
      for (const g of governorateCodes) await createPoint(ctx, { name: `Centre ${g}`, governorate: g });
      await createItem(ctx, { code: 'food_parcel', name: 'Food parcel', unit: 'parcel', sector: 'food' });
      const prog = await createProgramme(ctx, {
        name: 'National benchmark programme',
        sector: 'food',
        rules: [{ item: 'food_parcel', quantity: { base: 1 } }] as never,
      });
      const cycle = await createCycle(ctx, prog.id, new Date().toISOString().slice(0, 10));
      return { status: 201, body: cycle.id };
    })
  ).body;
}

type Row = { id: string; national_id: string | null; full_name: string; full_name_en: string | null; given_name: string | null };
type PersonSample = Row & DraftSource & { governorate: string };

/** cpu: the Node process's and PostgreSQL's CPU per timed request (ms; both include what else ran then). */
type Measured = { name: string; n: number; p50: number; p95: number; p99: number; found: number; cpu: { node: number; pg: number | null } };

/** Sequential POSTs to one endpoint, the first WARMUP as warm-up; how often the expected person is answered (of the timed ones). */
async function timed(
  pgDir: string,
  base: string,
  newToken: () => Promise<string>,
  url: string,
  name: string,
  items: { body: object; expect: string }[],
  ids: (json: unknown) => string[],
): Promise<Measured> {
  const headers = { authorization: '', 'content-type': 'application/json' };
  const times: number[] = [];
  let found = 0;
  let cpu0 = process.cpuUsage();
  let pg0 = pgCpuSeconds(pgDir);
  for (const [i, it] of items.entries()) {
    if (i === WARMUP) [cpu0, pg0] = [process.cpuUsage(), pgCpuSeconds(pgDir)];
    // a new session every 250 requests: the check is limited to 300 a minute per credential
    if (i % 250 === 0) headers.authorization = `Bearer ${await newToken()}`;
    const t = process.hrtime.bigint();
    const res = await fetch(`${base}${url}`, { method: 'POST', headers, body: JSON.stringify(it.body) });
    const json = await res.json();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    if (i >= WARMUP) times.push(ms);
    if (i >= WARMUP && ids(json).includes(it.expect)) found++;
  }
  const cpu = process.cpuUsage(cpu0);
  const pg1 = pgCpuSeconds(pgDir);
  const per = (seconds: number) => (seconds * 1000) / Math.max(1, times.length);
  return {
    name,
    ...latencies(times),
    found: found / Math.max(1, times.length),
    cpu: { node: per((cpu.user + cpu.system) / 1e6), pg: pg0 === null || pg1 === null ? null : per(pg1 - pg0) },
  };
}

/** What a new person's check is expected to answer: no match "likely the same person". */
const NO_LIKELY_MATCH = 'no likely match';

/** Searches and the check while typing over HTTP, on random persons of the registry (and new persons, drawn as it was). */
async function searches(store: Store, pgDir: string, userId: string, persons: number): Promise<Measured[]> {
  const newToken = async () => (await createSession(store.pool, userId)).token;
  // from the registry's own count: a --reuse of a smaller one would otherwise sample too few
  const pct = Math.min(100, (((QUERIES + WARMUP) * 3) / persons) * 100);
  const sample = (
    await store.pool.query<PersonSample>(
      `SELECT id, national_id, full_name, full_name_en, given_name, father_name, grandfather_name, family_name, sex,
              date_of_birth::text, dob_precision, governorate
       FROM person TABLESAMPLE BERNOULLI ($1) REPEATABLE (2026) LIMIT $2`,
      [pct, QUERIES + WARMUP],
    )
  ).rows;
  const app = await buildApp({ store });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const search = (name: string, items: { body: object; expect: string }[]) =>
    timed(pgDir, base, newToken, '/api/v1/persons/search', name, items, (j) => (j as { items: { id: string }[] }).items.map((x) => x.id));
  const check = (name: string, items: { body: object; expect: string }[]) =>
    timed(pgDir, base, newToken, '/api/v1/duplicates/check', name, items, (j) =>
      (j as { matches: { person: { id: string } }[] }).matches.map((m) => m.person.id),
    );
  try {
    return [
      await search(
        'ID lookup',
        sample.filter((s) => s.national_id).map((s) => ({ body: { nationalId: s.national_id, limit: 20 }, expect: s.id })),
      ),
      await search(
        'name search: four parts (Arabic)',
        sample.map((s) => ({ body: { query: s.full_name, limit: 20 }, expect: s.id })),
      ),
      await search(
        'name search: spelling variant (Arabic)',
        sample.map((s) => ({ body: { query: variant(s.full_name), limit: 20 }, expect: s.id })),
      ),
      await search(
        'name search: Latin transliteration',
        sample.filter((s) => s.full_name_en).map((s) => ({ body: { query: s.full_name_en, limit: 20 }, expect: s.id })),
      ),
      await check(
        'check while typing: retyped, no ID',
        sample.map((s) => ({ body: draftOf(s), expect: s.id })),
      ),
      await check(
        'check while typing: retyped, with the ID',
        sample.filter((s) => s.national_id).map((s) => ({ body: { ...draftOf(s), nationalId: s.national_id }, expect: s.id })),
      ),
      // not registered: answered when no match says "likely the same person" (none is)
      await timed(
        pgDir,
        base,
        newToken,
        '/api/v1/duplicates/check',
        'check while typing: a new person (answered: none "likely the same")',
        newPersonSources(persons, sample.length).map((s) => ({ body: draftOf(s), expect: NO_LIKELY_MATCH })),
        (j) => ((j as { matches: { decision: string }[] }).matches.some((m) => m.decision === 'likely_same') ? [] : [NO_LIKELY_MATCH]),
      ),
      await check(
        'check while typing: given + family name only',
        sample
          .filter((s) => s.given_name && s.family_name)
          .map((s) => ({
            body: { givenName: variant(s.given_name!), familyName: variant(s.family_name!) },
            expect: s.id,
          })),
      ),
    ];
  } finally {
    await app.close();
  }
}

/** Persons per file: an import file is limited to 512 MB (about 170 bytes a person here). */
const PER_FILE = 2_000_000;

/** Writes the synthetic households files (whole households, up to PER_FILE persons each); answers their displacement histories. */
async function generate(root: string): Promise<{ files: string[]; persons: number; households: number; displacements: Displacement[] }> {
  const displacements: Displacement[] = [];
  const source = generateHouseholds({ households: Number.MAX_SAFE_INTEGER, seed: 14 });
  const files: string[] = [];
  let persons = 0,
    households = 0;
  function* part(): Generator<SyntheticPerson> {
    const start = persons;
    while (persons < PERSONS && persons - start < PER_FILE) {
      const h = source.next().value as SyntheticHousehold;
      households++;
      for (const d of h.displacements)
        displacements.push({ household: h.householdId, from: d.fromGovernorate, to: d.toGovernorate, date: d.date, reason: d.reason });
      for (const p of h.members) {
        if (persons >= PERSONS) return;
        persons++;
        yield p;
      }
    }
  }
  while (persons < PERSONS) {
    const file = path.join(root, `households-${files.length + 1}.csv`);
    await writePersonsCsv(part(), file);
    files.push(file);
  }
  return { files, persons, households, displacements };
}

function report(stages: StageResult[], measured: Measured[], dbBytes: number, dirBytes: number, counts: Record<string, number>): string {
  const row = (s: StageResult) =>
    `| ${s.name} | ${s.wall.toFixed(1)} s | ${s.nodeCpu.toFixed(1)} s | ${s.pgCpu === null ? 'n/a' : `${s.pgCpu.toFixed(1)} s`} | ${fmt(s.nodePeak / MB)} MB | ${fmt(s.pgPeak / MB)} MB | ${s.load} | ${s.note} |`;
  const m = (x: Measured) =>
    `| ${x.name} | ${x.n} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | ${x.p99.toFixed(1)} | ${(x.found * 100).toFixed(1)}% | ${x.cpu.node.toFixed(2)} | ${x.cpu.pg === null ? 'n/a' : x.cpu.pg.toFixed(2)} |`;
  return [
    `The whole population: ${fmt(counts.persons!)} persons in ${fmt(counts.households!)} households (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}), embedded PostgreSQL, durable settings`,
    '',
    '| stage | wall | Node CPU (all threads) | PostgreSQL CPU | Node peak RSS | PostgreSQL peak (sum of PSS) | load (1 min, start-end) | outcome |',
    '|---|---|---|---|---|---|---|---|',
    ...stages.map(row),
    '',
    `| query (HTTP on loopback, sequential, after ${WARMUP} warm-up requests of the kind) | n | p50 ms | p95 ms | p99 ms | person answered | Node CPU ms a request | PostgreSQL CPU ms a request |`,
    '|---|---|---|---|---|---|---|---|',
    ...measured.map(m),
    '',
    `database size on disk: ${fmt(dbBytes / MB)} MB (pg_database_size); whole data directory (WAL included): ${fmt(dirBytes / MB)} MB`,
    `command: ${command}`,
  ].join('\n');
}

type WalCounters = { bytes: number; fpi: number; records: number; checkpoints: number; buffersFull: number; syncs: number; syncMs: number };

/** The server's WAL written and checkpoints done so far (pg_stat_wal, pg_stat_checkpointer). */
async function walCounters(store: Store): Promise<WalCounters> {
  const r = await store.pool.query<{
    bytes: string;
    fpi: string;
    records: string;
    checkpoints: string;
    full: string;
    syncs: string;
    sync_ms: string;
  }>(
    `SELECT w.wal_bytes::text AS bytes, w.wal_fpi::text AS fpi, w.wal_records::text AS records, w.wal_buffers_full::text AS full,
            w.wal_sync::text AS syncs, w.wal_sync_time::text AS sync_ms,
            (c.num_timed + c.num_requested)::text AS checkpoints
     FROM pg_stat_wal w, pg_stat_checkpointer c`,
  );
  const x = r.rows[0]!;
  return {
    bytes: Number(x.bytes),
    fpi: Number(x.fpi),
    records: Number(x.records),
    checkpoints: Number(x.checkpoints),
    buffersFull: Number(x.full),
    syncs: Number(x.syncs),
    syncMs: Number(x.sync_ms),
  };
}

type ImportTotals = { rows: number; personsCreated: number; householdsCreated: number; rejected: number; unverifiedIds: number };

/** `sanad import households FILE...` of all the files as one load (an import file is at most 512 MB). */
async function importAll(store: Store, actor: Actor, files: string[], root: string): Promise<ImportTotals> {
  const t: ImportTotals = { rows: 0, personsCreated: 0, householdsCreated: 0, rejected: 0, unverifiedIds: 0 };
  // as `sanad import` does: as the database's owner (set-based reference checks, decision 0032)
  const owner = store.ownerPool?.() ?? store.pool;
  // as `sanad import households FILE...` does: one load, person's search indexes built once after the last file
  await importFiles(
    owner,
    actor,
    files.map((file, i) => ({ kind: 'households' as const, file, reportPath: path.join(root, `rejections-${i + 1}.csv`) })),
    (s, i) => {
      for (const k of Object.keys(t) as (keyof ImportTotals)[]) t[k] += s[k];
      log(`  file ${i + 1} of ${files.length}: ${fmt(s.rows)} rows in ${s.seconds.toFixed(1)} s (${fmt(t.rows)} in all)`);
    },
  );
  if (owner !== store.pool) await owner.end();
  return t;
}

/** The indexes `--drop-index` dropped, built again after the import (each timed), as the owner. */
async function rebuild(store: Store, pgDir: string, defs: string[]): Promise<StageResult> {
  const owner = store.ownerPool?.() ?? store.pool;
  const [, st] = await stage(
    'dropped indexes built again',
    pgDir,
    async () => {
      for (const d of defs) {
        const t = performance.now();
        await owner.query(d);
        log(`  ${d.split(' ON ')[0]}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
    },
    () => `${defs.length} indexes`,
  );
  if (owner !== store.pool) await owner.end();
  return st;
}

/** `--reuse DIR`: the searches and checks again on the registry a `--keep` run left in DIR (kept as it is). */
async function reuse(root: string): Promise<void> {
  const dataDir = path.join(root, 'data');
  const pgDir = path.join(dataDir, 'pg');
  log(`# bench:national --reuse ${root}`);
  const store = await openStore({ dataDir, durable: true, max: 10 });
  try {
    const u = await store.pool.query<{ id: string }>("SELECT id FROM app_user WHERE username = 'bench-national'");
    if (!u.rows[0]) throw new Error(`${root}: no registry of bench:national here (its user is missing)`);
    const counts = (
      await store.pool.query<{ persons: number; households: number }>(
        'SELECT (SELECT count(*) FROM person)::int AS persons, (SELECT count(*) FROM household)::int AS households',
      )
    ).rows[0]!;
    const stages: StageResult[] = [];
    const [measured, sStage] = await stage(
      'searches and checks (HTTP)',
      pgDir,
      () => searches(store, pgDir, u.rows[0]!.id, counts.persons),
      (m) => `${fmt(m.reduce((a, x) => a + x.n, 0))} timed requests`,
    );
    stages.push(sStage);
    const dbBytes = Number((await store.pool.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n')).rows[0]!.n);
    const dirBytes = Number(execFileSync('du', ['-sb', dataDir], { encoding: 'utf8' }).split(/\s/)[0]);
    process.stdout.write(`${report(stages, measured, dbBytes, dirBytes, counts)}\n`);
  } finally {
    await store.close();
  }
}

/** The new registrations of stage 6: new households of the population, and persons registered again with field errors. */
async function newRegistrations(store: Store, root: string): Promise<string> {
  const hh = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM household')).rows[0]!.n;
  const again = Math.round(NEW * 0.05);
  const rows: SyntheticPerson[] = [];
  for (const h of generateHouseholds({ households: Number.MAX_SAFE_INTEGER, seed: 14, startIndex: hh + 1000 })) {
    for (const m of h.members) if (rows.length < NEW - again) rows.push(m);
    if (rows.length >= NEW - again) break;
  }
  const old = await store.pool.query<{
    given_name: string;
    father_name: string | null;
    grandfather_name: string | null;
    family_name: string;
    sex: 'male' | 'female';
    date_of_birth: string | null;
    national_id: string | null;
    phone: string | null;
    governorate: string;
  }>(
    `SELECT given_name, father_name, grandfather_name, family_name, sex, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, national_id, phone, governorate
       FROM person WHERE id > gen_random_uuid() AND given_name IS NOT NULL AND family_name IS NOT NULL ORDER BY id LIMIT $1`,
    [again],
  );
  const tag = Date.now().toString(36);
  old.rows.forEach((p, k) => {
    const other = governorateCodes.find((g) => g !== p.governorate && g.length === p.governorate.length) ?? p.governorate;
    rows.push({
      recordId: `INC-${tag}-${k}`,
      givenName: p.given_name,
      fatherName: p.father_name ?? '',
      grandfatherName: k % 4 === 1 ? '' : (p.grandfather_name ?? ''),
      familyName: k % 4 === 0 ? `ال${p.family_name.replace(/^ال/, '')}` : p.family_name,
      sex: p.sex,
      ...(p.date_of_birth ? { dateOfBirth: k % 4 === 2 ? p.date_of_birth.slice(0, 4) : p.date_of_birth } : {}),
      ...(p.national_id && k % 4 !== 3 ? { nationalId: p.national_id } : {}),
      ...(p.phone ? { phone: p.phone } : {}),
      governorate: k % 4 === 3 ? other : p.governorate,
      householdId: `HINC-${tag}-${k}`,
      relationship: 'head',
    });
  });
  const file = path.join(root, 'incremental-households.csv');
  await writePersonsCsv(rows, file);
  return file;
}

/**
 * Two incremental outcomes pair by pair: pairs in one only (and whether they share a block at all:
 * the engine's 30-bit block keys collide now and then, the kept blocks compare the values), and
 * the weights and decisions of the pairs in both.
 */
function sameOutcome(kept: ChangedPairs, memory: ChangedPairs): string {
  const pairs = (r: ChangedPairs) => {
    const ids = r.dataset.ids;
    const m = new Map<string, { w: number; d: number; a: number; b: number }>();
    for (let k = 0; k < r.a.length; k++)
      m.set(`${ids[r.a[k]!]}|${ids[r.b[k]!]}`, { w: r.weight[k]!, d: r.decision[k]!, a: r.a[k]!, b: r.b[k]! });
    return m;
  };
  const a = pairs(kept),
    b = pairs(memory);
  const passes = parsePasses(memory.dataset, memory.settings.blocking ?? DEFAULT_BLOCKING);
  let onlyKept = 0,
    onlyMemory = 0,
    onlyMemoryInABlock = 0,
    onlyMemoryStored = 0,
    differ = 0;
  for (const [k, x] of b) {
    const y = a.get(k);
    if (!y) {
      onlyMemory++;
      if (passes.some((p) => sameBlock(memory.dataset, p, x.a, x.b))) onlyMemoryInABlock++;
      if (x.d !== 0) onlyMemoryStored++;
    } else if (y.w !== x.w || y.d !== x.d) differ++;
  }
  for (const k of a.keys()) if (!b.has(k)) onlyKept++;
  return `${fmt(a.size)} and ${fmt(b.size)} pairs; only on the kept blocks ${onlyKept}; only reading everyone ${onlyMemory} (of them sharing a block: ${onlyMemoryInABlock}, linked or for review: ${onlyMemoryStored}); in both with another weight or decision: ${differ}`;
}

/** Stage 6: the new registrations imported, then the incremental dedupe (with --memory, first the one reading everyone, compared). */
async function incrementalStages(store: Store, actor: Actor, pgDir: string, root: string, stages: StageResult[]): Promise<void> {
  const file = await newRegistrations(store, root);
  const [, impStage] = await stage(
    `incremental: ${fmt(NEW)} new registrations imported (sanad import households)`,
    pgDir,
    () => importFile(store.pool, actor, { kind: 'households', file, reportPath: path.join(root, 'rejections-incremental.csv') }),
    (s) => `${fmt(s.personsCreated)} persons created, ${fmt(s.rejected)} rejected`,
  );
  stages.push(impStage);
  await store.pool.query('ANALYZE person');
  if (process.argv.includes('--memory')) {
    const last = (await latestModel(store.pool, actor.orgId))!;
    const [m, mStage] = await stage(
      'incremental reading everyone (as before #11; compared, not stored)',
      pgDir,
      () => compareChanged(store.pool, actor, last.settings, last, { how: 'memory' }),
      (r) => `${fmt(r.changed.size)} changed, ${fmt(r.result.pairsCompared)} pairs compared`,
    );
    stages.push(mStage);
    // the kept blocks' answer, pair by pair (not timed: the stored run below is)
    const kept = await compareChanged(store.pool, actor, last.settings, last);
    log(`kept blocks' run (not timed): ${JSON.stringify(kept.timings)}`);
    log(`pair by pair against reading everyone: ${kept.kept ? 'kept blocks' : 'READ EVERYONE'}; ${sameOutcome(kept.result, m.result)}`);
  }
  const [, incStage] = await stage(
    'sanad duplicates --incremental',
    pgDir,
    () => findDuplicatesIncremental(store.pool, actor),
    (d) =>
      `${d.keptBlocks ? 'kept blocks' : 'READ EVERYONE'}: ${fmt(d.changed)} new or changed of ${fmt(d.persons)}, ${fmt(d.pairsCompared)} pairs compared, ${fmt(d.candidates)} pairs stored, ${fmt(d.autoLinked)} linked, ${fmt(d.forReview)} for review`,
  );
  stages.push(incStage);
  const t = await store.pool.query<{ t: unknown }>(
    "SELECT stats->'timings' AS t FROM linkage_model WHERE org_id = $1 ORDER BY created_at DESC LIMIT 1",
    [actor.orgId],
  );
  log(`incremental timings: ${JSON.stringify(t.rows[0]?.t)}`);
  fs.rmSync(file);
}

/** `--incremental DIR`: stage 6 again on the registry a `--keep` run left in DIR (changed: work on a copy). */
async function incrementalOnly(root: string): Promise<void> {
  const dataDir = path.join(root, 'data');
  const pgDir = path.join(dataDir, 'pg');
  log(`# bench:national --incremental ${root}`);
  const store = await openStore({ dataDir, durable: true, max: 10 });
  try {
    const u = await store.pool.query<{ id: string; org_id: string }>("SELECT id, org_id FROM app_user WHERE username = 'bench-national'");
    if (!u.rows[0]) throw new Error(`${root}: no registry of bench:national here (its user is missing)`);
    const actor = { userId: u.rows[0].id, orgId: u.rows[0].org_id, role: 'administrator' as const, governorates: governorateCodes };
    const counts = (
      await store.pool.query<{ persons: number; households: number }>(
        'SELECT (SELECT count(*) FROM person)::int AS persons, (SELECT count(*) FROM household)::int AS households',
      )
    ).rows[0]!;
    const stages: StageResult[] = [];
    if (process.argv.includes('--dedupe')) {
      const [, ddStage] = await stage(
        'sanad dedupe (registry, keeping its blocks)',
        pgDir,
        () => findDuplicates(store.pool, actor, { settings: {} }),
        (d) =>
          `${fmt(d.persons)} persons, ${fmt(d.pairsCompared)} pairs compared, ${fmt(d.autoLinked)} linked, ${fmt(d.forReview)} for review${d.keptBlocksSeconds === undefined ? '' : `; blocks kept in ${d.keptBlocksSeconds.toFixed(1)} s`}`,
      );
      stages.push(ddStage);
    }
    await incrementalStages(store, actor, pgDir, root, stages);
    const dbBytes = Number((await store.pool.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n')).rows[0]!.n);
    const dirBytes = Number(execFileSync('du', ['-sb', dataDir], { encoding: 'utf8' }).split(/\s/)[0]);
    process.stdout.write(`${report(stages, [], dbBytes, dirBytes, counts)}\n`);
  } finally {
    await store.close();
  }
}

async function main() {
  if (INCREMENTAL) return incrementalOnly(INCREMENTAL);
  if (REUSE) return reuse(REUSE);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-bench-national-'));
  fs.chmodSync(root, 0o711); // the embedded server's user must reach its data directory
  const need = PERSONS * BYTES_PER_PERSON;
  if (freeBytes(root) < need) throw new Error(`${root}: ${fmt(freeBytes(root) / MB)} MB free, about ${fmt(need / MB)} MB needed`);
  const dataDir = path.join(root, 'data');
  const pgDir = path.join(dataDir, 'pg');
  log(`# bench:national, ${fmt(PERSONS)} persons, in ${root}`);
  const stages: StageResult[] = [];
  const [gen, genStage] = await stage(
    'households files written (src/synthetic)',
    pgDir,
    () => generate(root),
    (g) =>
      `${fmt(g.persons)} persons, ${fmt(g.households)} households, ${g.files.length} files of ${fmt(g.files.reduce((n, f) => n + fs.statSync(f).size, 0) / MB)} MB`,
  );
  stages.push(genStage);
  const store = await openStore({ dataDir, durable: true, max: 10, settings: PG_SETTINGS });
  try {
    const actor = await setUp(store);
    const dropped: string[] = [];
    if (DROP_INDEXES.length > 0) {
      const owner = store.ownerPool?.() ?? store.pool;
      for (const x of DROP_INDEXES) {
        dropped.push((await owner.query<{ d: string }>('SELECT pg_get_indexdef($1::regclass) AS d', [x])).rows[0]!.d);
        await owner.query(`DROP INDEX ${x}`);
      }
      if (owner !== store.pool) await owner.end();
    }
    const wal0 = await walCounters(store);
    const [imp, impStage] = await stage(
      'import (sanad import households)',
      pgDir,
      () => importAll(store, actor, gen.files, root),
      (s) =>
        `${fmt(s.rows)} rows, ${fmt(s.personsCreated)} persons and ${fmt(s.householdsCreated)} households created, ${fmt(s.rejected)} rejected, ${fmt(s.unverifiedIds)} IDs failing the check digit`,
    );
    stages.push(impStage);
    const wal1 = await walCounters(store);
    log(
      `import WAL: ${fmt((wal1.bytes - wal0.bytes) / MB)} MB, ${fmt(wal1.records - wal0.records)} records, ${fmt(wal1.fpi - wal0.fpi)} full-page images, ${wal1.checkpoints - wal0.checkpoints} checkpoints, ${fmt(wal1.buffersFull - wal0.buffersFull)} times the WAL buffers were full, ${fmt(wal1.syncs - wal0.syncs)} WAL syncs (${((wal1.syncMs - wal0.syncMs) / 1000).toFixed(1)} s with track_wal_io_timing); ${(((impStage.pgCpu ?? 0) * 1e6) / Math.max(1, imp.rows)).toFixed(1)} µs PostgreSQL and ${((impStage.nodeCpu * 1e6) / Math.max(1, imp.rows)).toFixed(1)} µs Node CPU a person`,
    );
    const idx = await store.pool.query<{ name: string; mb: number }>(
      `SELECT c.relname AS name, round(pg_relation_size(c.oid) / 1048576.0)::int AS mb FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
       WHERE i.indrelid IN ('person'::regclass, 'household'::regclass, 'household_member'::regclass) ORDER BY 2 DESC`,
    );
    log(`indexes (MB): ${idx.rows.map((r) => `${r.name} ${r.mb}`).join(', ')}`);
    if (dropped.length > 0) stages.push(await rebuild(store, pgDir, dropped));
    for (const f of gen.files) fs.rmSync(f);
    const [, dispStage] = await stage(
      'displacement histories (as sanad seed)',
      pgDir,
      () => addDisplacements(store.pool, actor, gen.displacements),
      (n) => `${fmt(n)} displacements`,
    );
    stages.push(dispStage);
    gen.displacements.length = 0;
    const measured = IMPORT_ONLY ? [] : await laterStages(store, actor, pgDir, stages);
    if (!IMPORT_ONLY) await incrementalStages(store, actor, pgDir, root, stages);
    const dbBytes = Number((await store.pool.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n')).rows[0]!.n);
    const dirBytes = Number(execFileSync('du', ['-sb', dataDir], { encoding: 'utf8' }).split(/\s/)[0]);
    const counts = { persons: imp.personsCreated, households: imp.householdsCreated };
    process.stdout.write(`${report(stages, measured, dbBytes, dirBytes, counts)}\n`);
  } finally {
    await store.close();
    if (KEEP) log(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Stages 3 to 5: dedupe, searches and checks, a cycle's entitlements. */
async function laterStages(store: Store, actor: Actor & { userId: string }, pgDir: string, stages: StageResult[]): Promise<Measured[]> {
  await store.pool.query('ANALYZE');
  const [, ddStage] = await stage(
    'sanad dedupe (registry)',
    pgDir,
    () => findDuplicates(store.pool, actor, { settings: {} }),
    (d) =>
      `${fmt(d.persons)} persons, ${fmt(d.pairsCompared)} pairs compared, ${fmt(d.autoLinked)} linked, ${fmt(d.forReview)} for review${d.keptBlocksSeconds === undefined ? '' : `; blocks kept in ${d.keptBlocksSeconds.toFixed(1)} s`}`,
  );
  stages.push(ddStage);
  const [measured, sStage] = await stage(
    'searches and checks (HTTP)',
    pgDir,
    () => searches(store, pgDir, actor.userId, PERSONS),
    (m) => `${fmt(m.reduce((a, x) => a + x.n, 0))} timed requests`,
  );
  stages.push(sStage);
  const cycleId = await newCycle(store, actor);
  const [, genCycle] = await stage(
    'entitlements of a cycle (generateCycle)',
    pgDir,
    () => write(store.pool, actor, { route: 'bench' }, async (ctx) => ({ status: 200, body: await generateCycle(ctx, cycleId) })),
    (g) => `${fmt(g.body.households)} households, ${fmt(g.body.entitlements)} entitlements`,
  );
  stages.push(genCycle);
  return measured;
}

await main();
