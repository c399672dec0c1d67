// IATI export benchmark (#16): "an IATI export of 10,000 projects streamed in constant memory".
// Loads N projects and a tenth as many (the baseline) under two reporting organisations with
// set-based inserts (generate_series), then exports each with the export of
// `sanad reconstruction export-iati` to a file, sampling the heap and the resident set while it
// runs (after a full GC), and checks the files: the baseline with xmllint against the official
// schema, both with the streaming ruleset checker.
//
//   nice -n 10 npm run bench:iati [-- --projects 10000]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type pg from 'pg';
import type { Actor } from '../src/access/actor.ts';
import { exportIati } from '../src/export/iati.ts';
import { iatiRuleChecker } from '../src/iati/rulesetCheck.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { openStore } from '../src/store/open.ts';
import { numberArg } from './args.ts';

const PROJECTS = numberArg('projects', 10_000);
const BASELINE = Math.max(1, Math.round(PROJECTS / 10));
const command = `nice -n 10 npm run bench:iati -- --projects ${PROJECTS}`;
const dataDir = path.join(os.tmpdir(), `sanad-bench-iati-${PROJECTS}`);
const SCHEMA = path.resolve('../shared/data/standards/iati-2.03/iati-activities-schema.xsd');
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** N projects reported by `ref`: two organisations, two sectors, two governorates, a budget, four transactions each. */
async function load(pool: pg.Pool, orgId: string, ref: string, n: number): Promise<number> {
  const t = performance.now();
  await pool.query(
    `INSERT INTO reconstruction_project (org_id, iati_identifier, reporting_org_ref, reporting_org_type, reporting_org_name, title_en, title_ar,
       description_en, description_ar, activity_status, planned_start, planned_end, actual_start, default_currency, housing_units)
     SELECT $1, $2 || '-RECON-' || lpad(i::text, 6, '0'), $2, '22', 'Benchmark Relief Society', 'Repair of housing units, package ' || i,
            'ترميم وحدات سكنية، الحزمة ' || i, 'Repair of partially damaged homes & shops <benchmark>.', 'ترميم المنازل والمحال المتضررة جزئيًا.',
            '2', date '2025-01-01' + (i % 300), date '2026-06-30' + (i % 300), date '2025-02-01' + (i % 200), 'USD', 10 + i % 90
       FROM generate_series(1, $3) i`,
    [orgId, ref, n],
  );
  const mine = `FROM reconstruction_project p WHERE p.reporting_org_ref = '${ref}'`;
  await pool.query(`INSERT INTO reconstruction_project_org (project_id, position, role, ref, type, name)
    SELECT p.id, 1, '1', 'XM-DAC-41114', '40', 'Benchmark Fund' ${mine}
    UNION ALL SELECT p.id, 2, '4', p.reporting_org_ref, '22', 'Benchmark Relief Society' ${mine}`);
  await pool.query(`INSERT INTO reconstruction_project_sector (project_id, code, percentage)
    SELECT p.id, '73010', 70 ${mine} UNION ALL SELECT p.id, '16040', 30 ${mine}`);
  await pool.query(`INSERT INTO reconstruction_project_location (project_id, governorate, lat, lon)
    SELECT p.id, 'PS0260', 31.5017, 34.4668 ${mine} UNION ALL SELECT p.id, 'PS0270', NULL, NULL ${mine}`);
  await pool.query(`INSERT INTO reconstruction_project_budget (project_id, position, type, status, period_start, period_end, value, currency, value_date)
    SELECT p.id, 1, '1', '2', date '2025-01-01', date '2025-12-31', 500000, 'USD', date '2025-01-01' ${mine}`);
  await pool.query(`INSERT INTO reconstruction_project_transaction (project_id, type, date, value, currency, description, receiver_type, receiver_name)
    SELECT p.id, t.type, date '2025-03-01' + t.k * 30, t.v, 'USD', 'Tranche ' || t.k, '70', 'Benchmark Contractor'
      ${mine.replace('FROM reconstruction_project p', "FROM reconstruction_project p CROSS JOIN (VALUES (1, '2', 300000), (2, '3', 100000), (3, '3', 100000), (4, '3', 50000.5)) AS t(k, type, v)")}`);
  return (performance.now() - t) / 1000;
}

type Run = {
  activities: number;
  seconds: number;
  bytes: number;
  heapPeakMB: number;
  heapGrowthMB: number;
  retainedMB: number;
  rssPeakMB: number;
  checkS: number;
  violations: number;
};

/** One export to a file, the heap and RSS sampled every 10 ms; then the streaming checker over the file. */
async function exportOnce(pool: pg.Pool, actor: Actor, ref: string, file: string): Promise<Run> {
  gc();
  const base = process.memoryUsage();
  let heapPeak = base.heapUsed;
  let rssPeak = base.rss;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed);
    rssPeak = Math.max(rssPeak, m.rss);
  }, 10);
  // what the export holds (not its garbage): the heap after a full GC every other page
  let retained = 0;
  let pages = 0;
  const onProgress = () => {
    if (++pages % 2 !== 0) return;
    gc();
    retained = Math.max(retained, process.memoryUsage().heapUsed - base.heapUsed);
  };
  const r = await exportIati(pool, actor, { output: file, organisation: ref, onProgress });
  clearInterval(sample);
  const t = performance.now();
  const checker = iatiRuleChecker(new Date().toISOString());
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) checker.write(chunk as string);
  const checked = checker.close();
  const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
  return {
    activities: r.activities,
    seconds: r.seconds,
    bytes: fs.statSync(file).size,
    heapPeakMB: mb(heapPeak),
    heapGrowthMB: mb(heapPeak - base.heapUsed),
    retainedMB: mb(retained),
    rssPeakMB: mb(rssPeak),
    checkS: (performance.now() - t) / 1000,
    violations: checked.violations.length,
  };
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const store = await openStore({ dataDir, max: 4 });
  try {
    const orgId = await createOrganisation(store.pool, 'Benchmark organisation');
    const userId = await createUser(store.pool, {
      orgId,
      username: 'bench',
      password: 'benchmark-password-1',
      role: 'administrator',
      governorates: ['PS0260', 'PS0270'],
    });
    const actor: Actor = { userId, orgId, role: 'administrator', governorates: ['PS0260', 'PS0270'] };
    const loadBase = await load(store.pool, orgId, 'PS-MOI-1000', BASELINE);
    const loadMain = await load(store.pool, orgId, 'PS-MOI-2000', PROJECTS);
    await store.pool.query('ANALYZE');
    const baseFile = path.join(dataDir, 'baseline.xml');
    const mainFile = path.join(dataDir, 'main.xml');
    const base = await exportOnce(store.pool, actor, 'PS-MOI-1000', baseFile);
    const main = await exportOnce(store.pool, actor, 'PS-MOI-2000', mainFile);
    const lint = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, baseFile], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = (label: string, n: number, loadS: number, r: Run) =>
      `${label.padEnd(9)} ${String(n).padStart(6)} projects: load ${loadS.toFixed(1)} s, export ${r.seconds.toFixed(1)} s (${Math.round(r.activities / r.seconds)}/s, ${(r.bytes / 1048576).toFixed(1)} MB), heap peak ${r.heapPeakMB} MB (+${r.heapGrowthMB} MB with garbage, +${r.retainedMB} MB retained after GC), RSS peak ${r.rssPeakMB} MB; ruleset check ${r.checkS.toFixed(1)} s, ${r.violations} violations`;
    process.stdout.write(`IATI export benchmark (${os.cpus().length} CPUs, Node ${process.version})\n`);
    process.stdout.write(`${out('baseline', BASELINE, loadBase, base)}\n${out('main', PROJECTS, loadMain, main)}\n`);
    process.stdout.write(
      `for ${PROJECTS / BASELINE}x the projects: retained heap ${main.retainedMB} MB vs ${base.retainedMB} MB, sampled heap growth ${main.heapGrowthMB} MB vs ${base.heapGrowthMB} MB\n`,
    );
    process.stdout.write(`xmllint --schema on the baseline file: ${lint.trim() === '' ? 'validates' : lint.trim()}\n`);
    process.stdout.write(`reproduce: ${command}\n`);
    if (main.activities !== PROJECTS || base.activities !== BASELINE || main.violations || base.violations) process.exitCode = 1;
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
