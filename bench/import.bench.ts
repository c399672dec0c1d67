// npm run bench:import [-- --persons N] [--keep DIR]
//
// Imports N synthetic persons (default 1,000,000; src/synthetic, never real people) from a CSV
// into a fresh embedded PostgreSQL data directory with durable settings (fsync on), through the
// real path (importFile: parse, validate, batches, change log). Then, in the same run and server,
// a plain COPY of the same rows (same columns, already in final form, no validation) into
// person_copy_baseline, a table made LIKE person with the same constraints and indexes.
// Prints rows/s, seconds, the ratio import/COPY and peak RSS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pgCopy from 'pg-copy-streams';
import { governorateCodes } from '../src/places/governorates.ts';
import { openStore } from '../src/store/open.ts';
import { importFile } from '../src/importer/run.ts';
import { layoutOf } from '../src/importer/columns.ts';
import { openRows } from '../src/importer/read.ts';
import { contextOf, validateChunk } from '../src/importer/validateRows.ts';
import { nameKey, nameSearchTokens } from '../src/names/index.ts';
import { writeSyntheticCsv } from '../src/importer/syntheticCsv.ts';
import { pgCpuSeconds } from './pgCpu.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const persons = Number(arg('persons', '1000000'));
const keep = arg('keep', '');
const workers = process.argv.includes('--workers') ? Number(arg('workers', '1')) : undefined;
const dir = keep || fs.mkdtempSync(path.join(os.tmpdir(), 'sanad-bench-import-'));
fs.mkdirSync(dir, { recursive: true });
fs.chmodSync(dir, 0o711); // the embedded server's user must reach its data directory
const csv = path.join(dir, 'persons.csv');
const dataDir = path.join(dir, 'data');
const copyFile = path.join(dir, 'baseline.copy');
const log = (s: string) => process.stdout.write(`${s}\n`);
const secs = (t: number) => (performance.now() - t) / 1000;

log(`# Import benchmark: ${persons.toLocaleString('en-US')} synthetic persons, ${os.cpus().length} cores, Node ${process.version}`);
let t = performance.now();
const w = await writeSyntheticCsv(csv, { seed: 42, persons });
log(
  `generated ${w.persons.toLocaleString('en-US')} persons (${(fs.statSync(csv).size / 1e6).toFixed(0)} MB CSV) in ${secs(t).toFixed(1)} s`,
);

// Node's CPU per row, without the database: parse + validate a sample in this thread, and the name
// normalisation (src/names, called by preparePerson) alone on the same rows.
const sample = Math.min(persons, Number(arg('sample', '50000')));
{
  const src = await openRows(csv, 'csv');
  const layout = layoutOf(src.header, {}, 'persons');
  const ctx = contextOf({
    kind: 'persons',
    layout,
    governorates: [...governorateCodes],
    sha256: '0'.repeat(64),
    today: new Date().toISOString(),
  });
  const rows: string[][] = [];
  for await (const chunk of src.chunks) {
    for (const r of chunk) if (rows.length < sample) rows.push(r);
    if (rows.length >= sample) break;
  }
  src.close();
  let c = process.cpuUsage();
  validateChunk(ctx, rows, 2);
  let u = process.cpuUsage(c);
  const validateUs = (u.user + u.system) / rows.length;
  const ix = layout.index;
  c = process.cpuUsage();
  for (const r of rows) {
    // As preparePerson calls them: the parts and the transliteration (the full name is their join).
    const parts = {
      givenName: r[ix.given_name!],
      fatherName: r[ix.father_name!],
      grandfatherName: r[ix.grandfather_name!] || undefined,
      familyName: r[ix.family_name!],
      fullNameEn: r[ix.full_name_en!] || undefined,
    };
    nameKey(parts);
    nameSearchTokens(parts);
  }
  u = process.cpuUsage(c);
  const namesUs = (u.user + u.system) / rows.length;
  log(
    `validation CPU: ${validateUs.toFixed(0)} µs/row in one thread (of which src/names nameKey + nameSearchTokens: ${namesUs.toFixed(0)} µs/row), sample of ${rows.length.toLocaleString('en-US')} rows`,
  );
}

const store = await openStore({ dataDir, durable: true });
try {
  const pool = store.pool;
  const org = (await pool.query<{ id: string }>("INSERT INTO organisation (name) VALUES ('Benchmark organisation') RETURNING id")).rows[0]!
    .id;
  const user = (
    await pool.query<{ id: string }>(
      "INSERT INTO app_user (org_id, username, role, governorates) VALUES ($1, 'bench', 'administrator', $2) RETURNING id",
      [org, governorateCodes],
    )
  ).rows[0]!.id;
  const actor = { userId: user, orgId: org, role: 'administrator' as const, governorates: governorateCodes, deviceId: 'bench' };

  t = performance.now();
  const cpu0 = process.cpuUsage();
  const pgDir = path.join(dataDir, 'pg');
  const pg0 = pgCpuSeconds(pgDir);
  const s = await importFile(pool, actor, { kind: 'persons', file: csv, reportPath: path.join(dir, 'rejections.csv'), workers });
  const importSeconds = secs(t);
  const cpu = process.cpuUsage(cpu0);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  const pgCpu = pg0 === null ? null : pgCpuSeconds(pgDir)! - pg0;
  const rss = process.resourceUsage().maxRSS / 1024;
  if (s.rows !== persons) throw new Error(`imported ${s.rows} rows, expected ${persons}`);

  // The same rows in final form, for the baseline (written to a file first, not timed).
  const cols = `id, org_id, record_id, given_name, father_name, grandfather_name, family_name, full_name, full_name_en, name_key, name_tokens,
    sex, date_of_birth, dob_precision, national_id, national_id_valid, phone, governorate`;
  const c = await pool.connect();
  try {
    await pipeline(c.query(pgCopy.to(`COPY person (${cols}) TO STDOUT`)), fs.createWriteStream(copyFile));
    await c.query('DROP TABLE IF EXISTS person_copy_baseline');
    await c.query('CREATE TABLE person_copy_baseline (LIKE person INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)');
    await c.query('CHECKPOINT');
    const pgCopy0 = pgCpuSeconds(pgDir);
    t = performance.now();
    await pipeline(
      fs.createReadStream(copyFile, { highWaterMark: 1 << 20 }),
      c.query(pgCopy.from(`COPY person_copy_baseline (${cols}) FROM STDIN`)),
    );
    const copySeconds = secs(t);
    const pgCopyCpu = pgCopy0 === null ? null : pgCpuSeconds(pgDir)! - pgCopy0;
    await c.query('DROP TABLE person_copy_baseline');
    const rate = (n: number, sec: number) => Math.round(n / sec).toLocaleString('en-US');
    log('');
    log(
      `import:        ${importSeconds.toFixed(1)} s, ${rate(persons, importSeconds)} rows/s (loaded ${s.loaded.toLocaleString('en-US')}, rejected ${s.rejected}, unverified IDs ${s.unverifiedIds.toLocaleString('en-US')})`,
    );
    log(
      `plain COPY:    ${copySeconds.toFixed(1)} s, ${rate(persons, copySeconds)} rows/s (same rows and columns, same indexes, no validation)`,
    );
    log(`ratio:         ${(copySeconds / importSeconds).toFixed(2)} (import speed / COPY speed)`);
    log(`Node CPU:      ${nodeCpu.toFixed(1)} s for the import (all threads; PostgreSQL not included)`);
    if (pgCpu !== null && pgCopyCpu !== null)
      log(
        `PostgreSQL CPU: ${pgCpu.toFixed(1)} s during the import, ${pgCopyCpu.toFixed(1)} s during the plain COPY (server and its backends)`,
      );
    log(
      `load average:  ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (1, 5, 15 min) at the end: other work on the machine slows both figures`,
    );
    log(`peak RSS:      ${rss.toFixed(0)} MB (this process; PostgreSQL not included)`);
    log(`reproduce:     npm run bench:import -- --persons ${persons}`);
  } finally {
    c.release();
  }
} finally {
  await store.close();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}
