// Where the households import spends its time (issue #14): N synthetic persons (default 100,000;
// src/synthetic, never real people) in households, imported into a fresh embedded PostgreSQL with
// pg_stat_statements loaded (track = all: the statements of triggers and functions too). Prints the
// import's wall time, Node and PostgreSQL CPU, and the statements by total execution time.
//
//   nice -n 10 node --cpu-prof --cpu-prof-dir=DIR bin/run.js bench/importProfile.ts [--persons N] [--batch N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { governorateCodes } from '../src/places/governorates.ts';
import { importFile } from '../src/importer/run.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { openStore } from '../src/store/open.ts';
import { writePersonsCsv } from '../src/synthetic/csv.ts';
import { generateHouseholds, type SyntheticHousehold, type SyntheticPerson } from '../src/synthetic/households.ts';
import { numberArg } from './args.ts';
import { pgCpuSeconds } from './pgCpu.ts';

const PERSONS = numberArg('persons', 100_000);
const BATCH = numberArg('batch', 10_000);
const log = (s: string) => process.stdout.write(`${s}\n`);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-import-profile-'));
fs.chmodSync(root, 0o711);
const dataDir = path.join(root, 'data');
const file = path.join(root, 'households.csv');
try {
  const source = generateHouseholds({ households: Number.MAX_SAFE_INTEGER, seed: 14 });
  let n = 0;
  function* persons(): Generator<SyntheticPerson> {
    while (n < PERSONS) {
      for (const p of (source.next().value as SyntheticHousehold).members) {
        if (n >= PERSONS) return;
        n++;
        yield p;
      }
    }
  }
  await writePersonsCsv(persons(), file);
  // pg_stat_statements needs a restart: set it, reopen.
  let store = await openStore({ dataDir, durable: true, max: 4 });
  await store.ownerPool!().query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await store.ownerPool!().query(`ALTER SYSTEM SET pg_stat_statements.track = 'all'`);
  await store.close();
  store = await openStore({ dataDir, durable: true, max: 4 });
  const owner = store.ownerPool!();
  await owner.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const orgId = await createOrganisation(store.pool, 'Profile');
  const userId = await createUser(store.pool, {
    orgId,
    username: 'profile',
    password: 'profile-password-1',
    role: 'administrator',
    governorates: [...governorateCodes],
  });
  const actor = { userId, orgId, role: 'administrator' as const, governorates: governorateCodes, deviceId: 'bench' };
  await owner.query('SELECT pg_stat_statements_reset()');
  const pgDir = path.join(dataDir, 'pg');
  const pg0 = pgCpuSeconds(pgDir);
  const cpu0 = process.cpuUsage();
  const load0 = os.loadavg()[0]!.toFixed(1);
  const s = await importFile(store.pool, actor, { kind: 'households', file, batchSize: BATCH });
  const cpu = process.cpuUsage(cpu0);
  const pgCpu = (pgCpuSeconds(pgDir) ?? 0) - (pg0 ?? 0);
  log(
    `${s.rows} rows, ${s.personsCreated} persons, ${s.householdsCreated} households, ${s.loaded} memberships, ${s.rejected} rejected in ${s.seconds.toFixed(1)} s ` +
      `(${Math.round(s.rows / s.seconds)} rows/s); Node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, PostgreSQL CPU ${pgCpu.toFixed(1)} s; load ${load0}-${os.loadavg()[0]!.toFixed(1)}`,
  );
  const top = await owner.query<{ calls: string; ms: number; per: number; rows: string; q: string }>(
    `SELECT calls::text, round(total_exec_time)::float8 AS ms, round((total_exec_time / calls)::numeric, 2)::float8 AS per, rows::text,
            regexp_replace(left(query, 160), '\\s+', ' ', 'g') AS q
     FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25`,
  );
  for (const r of top.rows) log(`${String(r.ms).padStart(8)} ms ${r.calls.padStart(6)} calls ${String(r.per).padStart(9)} ms/call  ${r.q}`);
  await store.close();
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
