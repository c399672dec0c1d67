// Cases benchmark (#15): "my cases" over HTTP with 200,000 open cases in a registry of 1,000,000
// persons, and the rules applied to 10,000 death events: a health ministry's list imported as a
// batch (the path of `sanad life-events import-deaths`), and, for comparison, deaths sent one by
// one through the API; on the embedded PostgreSQL with durable settings.
//
//   nice -n 10 npm run bench:cases [-- --persons 1000000 --cases 200000 --deaths 10000 --api-deaths 500 --concurrency 8]
//
// Loading is plain SQL (generate_series: synthetic persons with ID numbers in households of five,
// cases spread over 100 caseworkers); the measured parts are GET /api/v1/cases/mine as caseworkers
// and as a case supervisor (p50/p95/p99); the list (a CSV file written to the temporary directory:
// heads of household, some of whose spouses die too, and a few rows to hold: another name, an ID
// nobody has) read, matched and applied with its rules (confirmations, new-head tasks,
// child-protection cases for children left without care); and POST /api/v1/persons/:id/life-events.
// The data directory and the list are deleted at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { actorFromOptions } from '../src/cli/actor.ts';
import { openRows } from '../src/importer/read.ts';
import { fileSha256 } from '../src/importer/run.ts';
import { importDeathList } from '../src/store/lifeEvents/importDeathList.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { openStore } from '../src/store/open.ts';
import { numberArg } from './args.ts';
import { latencies } from './lookupData.ts';

const PERSONS = numberArg('persons', 1_000_000);
const CASES = numberArg('cases', 200_000);
const DEATHS = numberArg('deaths', 10_000);
const API_DEATHS = numberArg('api-deaths', 500);
const CONCURRENCY = numberArg('concurrency', 8);
const WORKERS = 100;
const GOV = 'PS0260';
const command = `nice -n 10 npm run bench:cases -- --persons ${PERSONS} --cases ${CASES} --deaths ${DEATHS} --api-deaths ${API_DEATHS} --concurrency ${CONCURRENCY}`;
const dataDir = path.join(os.tmpdir(), `sanad-bench-cases-${PERSONS}`);

async function load(pool: import('pg').Pool, orgId: string, workerIds: string[]) {
  const t = Date.now();
  await pool.query(
    `INSERT INTO person (org_id, governorate, given_name, family_name, full_name, name_key, national_id, national_id_valid, sex, date_of_birth, dob_precision)
     SELECT $1, $2, 'اسم' || i, 'عائلة' || (i / 5), 'اسم' || i || ' عائلة' || (i / 5), 'ism' || i, '1' || lpad(i::text, 8, '0'), false,
            CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
            CASE WHEN i % 5 < 2 THEN date '1975-01-01' + (i % 7000) ELSE date '2012-01-01' + (i % 3000) END, 'exact'
       FROM generate_series(0, $3 - 1) i`,
    [orgId, GOV, PERSONS],
  );
  await pool.query(
    `CREATE TEMP TABLE p_ord AS SELECT id, (row_number() OVER (ORDER BY name_key) - 1)::int AS n FROM person WHERE org_id = $1`,
    [orgId],
  );
  await pool.query('CREATE INDEX ON p_ord (n)');
  await pool.query(`INSERT INTO household (org_id, governorate, record_id) SELECT $1, $2, 'B' || h FROM generate_series(0, $3 / 5 - 1) h`, [
    orgId,
    GOV,
    PERSONS,
  ]);
  await pool.query(
    `INSERT INTO household_member (household_id, person_id, relationship, valid_from)
     SELECT hh.id, p.id, CASE p.n % 5 WHEN 0 THEN 'head' WHEN 1 THEN 'spouse' WHEN 2 THEN 'son' WHEN 3 THEN 'daughter' ELSE 'son' END, '2023-01-01'
       FROM p_ord p JOIN household hh ON hh.org_id = $1 AND hh.record_id = 'B' || (p.n / 5)`,
    [orgId],
  );
  await pool.query(
    `INSERT INTO case_file (org_id, governorate, type, sensitive, person_id, stage, awaiting, assigned_to, opened_by, due_at)
     SELECT $1, $2, (ARRAY['injured_person','bereaved_family','lost_livelihood','other'])[1 + c % 4], false,
            p.id, (ARRAY['intake','plan','services'])[1 + c % 3],
            CASE WHEN c % 10 = 0 THEN 'assessment' END, ($4::uuid[])[1 + c % $5], ($4::uuid[])[1 + c % $5],
            now() + make_interval(hours => (c % 2000) - 1000)
       FROM generate_series(0, $6 - 1) c JOIN p_ord p ON p.n = (c * 7919) % $3`,
    [orgId, GOV, PERSONS, workerIds, WORKERS, CASES],
  );
  await pool.query('ANALYZE');
  return (Date.now() - t) / 1000;
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const store = await openStore({ dataDir, max: 20 });
  const orgId = await createOrganisation(store.pool, 'Benchmark organisation');
  const user = (username: string, role: 'caseworker' | 'case_supervisor' | 'registration_officer') =>
    createUser(store.pool, { orgId, username, password: 'benchmark-password-1', role, governorates: [GOV] });
  const workerIds: string[] = [];
  for (let i = 0; i < WORKERS; i++) workerIds.push(await user(`worker${i}`, 'caseworker'));
  const supervisor = await user('supervisor', 'case_supervisor');
  const registrar = await user('registrar', 'registration_officer');
  await createUser(store.pool, { orgId, username: 'admin', password: 'benchmark-password-1', role: 'administrator', governorates: [GOV] });
  const loadS = await load(store.pool, orgId, workerIds);

  const app = await buildApp({ store });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const tokenOf = async (id: string) => (await createSession(store.pool, id)).token;
  const get = async (token: string, url: string) => {
    const t = process.hrtime.bigint();
    const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };

  const { mine, sup } = await myCases(get, await Promise.all(workerIds.slice(0, 20).map(tokenOf)), await tokenOf(supervisor));

  const { summary, listS } = await importList(store.pool);
  const { listTasks, listCases } = (
    await store.pool.query<{ listTasks: number; listCases: number }>(
      `SELECT (SELECT count(*)::int FROM task WHERE kind = 'new_head') AS "listTasks",
              (SELECT count(*)::int FROM case_file WHERE type = 'child_protection') AS "listCases"`,
    )
  ).rows[0]!;

  // deaths one by one through the API, of heads the list did not name
  const heads = (
    await store.pool.query<{ person_id: string }>(
      `SELECT person_id FROM household_member WHERE relationship = 'head' AND valid_to IS NULL
          AND NOT EXISTS (SELECT 1 FROM life_event_confirmation c WHERE c.person_id = household_member.person_id)
        ORDER BY household_id DESC LIMIT $1`,
      [API_DEATHS],
    )
  ).rows.map((r) => r.person_id);
  const regToken = await tokenOf(registrar);
  const t1 = Date.now();
  let next = 0;
  const post = async () => {
    while (next < heads.length) {
      const id = heads[next++]!;
      const res = await fetch(`${base}/api/v1/persons/${id}/life-events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${regToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'death', source: 'official_record', date: '2024-05-01' }),
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`life event: HTTP ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, post));
  const deathsS = (Date.now() - t1) / 1000;

  const m = latencies(mine);
  const s = latencies(sup);
  console.log(
    `\nCases benchmark: ${PERSONS.toLocaleString('en')} persons, ${CASES.toLocaleString('en')} open cases, ${WORKERS} caseworkers`,
  );
  console.log(`  load (SQL)                         ${loadS.toFixed(1)} s`);
  console.log(
    `  my cases, caseworker (n=${m.n})      p50 ${m.p50.toFixed(1)} ms  p95 ${m.p95.toFixed(1)} ms  p99 ${m.p99.toFixed(1)} ms   (target p95 < 50 ms)`,
  );
  console.log(`  my cases, case supervisor (n=${s.n}) p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms`);
  console.log(
    `  death list of ${summary.rows.toLocaleString('en')} rows (batch import): ${listS.toFixed(1)} s, ${(summary.rows / listS).toFixed(0)} rows/s; ` +
      `${summary.applied.toLocaleString('en')} applied, ${summary.alreadyKnown} already known, ${summary.held} held ${JSON.stringify(summary.heldBy)}; ` +
      `${listTasks.toLocaleString('en')} new-head tasks, ${listCases.toLocaleString('en')} child-protection cases   (target < 60 s)`,
  );
  console.log(
    `  ${heads.length.toLocaleString('en')} deaths one by one through the API (official record), concurrency ${CONCURRENCY}: ${deathsS.toFixed(1)} s, ${(heads.length / deathsS).toFixed(0)}/s`,
  );
  console.log(
    `  machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} at the end`,
  );
  console.log(`\nReproduce: ${command}`);
  await app.close();
  await store.close();
  if (!process.argv.includes('--keep')) fs.rmSync(dataDir, { recursive: true, force: true });
}

/** "My cases" as 20 caseworkers in turn (500 requests after 20 to warm up) and as a supervisor (100 after 10). */
async function myCases(get: (token: string, url: string) => Promise<number>, workerTokens: string[], supToken: string) {
  const mine: number[] = [];
  for (let i = 0; i < 520; i++) {
    const ms = await get(workerTokens[i % workerTokens.length]!, '/api/v1/cases/mine');
    if (i >= 20) mine.push(ms);
  }
  const sup: number[] = [];
  for (let i = 0; i < 110; i++) {
    const ms = await get(supToken, '/api/v1/cases/mine');
    if (i >= 10) sup.push(ms);
  }
  return { mine, sup };
}

/** The list imported as `sanad life-events import-deaths` does it (read, matched, applied in batches), timed. */
async function importList(pool: import('pg').Pool) {
  const list = await deathList(pool);
  const admin = await actorFromOptions(pool, { user: 'admin' });
  const source = await openRows(list.file, 'csv');
  const t0 = Date.now();
  try {
    const summary = await importDeathList(pool, admin, {
      fileName: path.basename(list.file),
      sha256: await fileSha256(list.file),
      header: source.header,
      chunks: source.chunks,
    });
    return { summary, listS: (Date.now() - t0) / 1000 };
  } finally {
    source.close();
    fs.rmSync(list.file, { force: true });
  }
}

/**
 * The ministry's list, as a CSV in the temporary directory: the heads of the first households, the
 * spouses of some of them (their children are left without parents), and 2% of rows to hold: half
 * with another given name, half with an ID number nobody has.
 */
async function deathList(pool: import('pg').Pool): Promise<{ file: string }> {
  const spouses = Math.floor(DEATHS * 0.08);
  const held = Math.floor(DEATHS * 0.02);
  const heads = DEATHS - spouses - held;
  const r = await pool.query<{ national_id: string; given_name: string; family_name: string; relationship: string; k: number }>(
    `WITH hh AS (SELECT household_id, (row_number() OVER (ORDER BY household_id))::int - 1 AS k FROM household_member
                  WHERE relationship = 'head' AND valid_to IS NULL ORDER BY household_id LIMIT $1)
     SELECT p.national_id, p.given_name, p.family_name, hm.relationship, hh.k
       FROM hh JOIN household_member hm ON hm.household_id = hh.household_id AND hm.valid_to IS NULL JOIN person p ON p.id = hm.person_id
      WHERE (hm.relationship = 'head') OR (hm.relationship = 'spouse' AND hh.k < $2)
      ORDER BY hh.k, hm.relationship`,
    [heads + held / 2, spouses],
  );
  const lines = ['national_id,given_name,father_name,grandfather_name,family_name,date_of_death,list_reference'];
  for (const x of r.rows) {
    const given = x.k >= heads ? 'مختلف' : x.given_name; // past the heads: another name, held
    lines.push(`${x.national_id},${given},,,${x.family_name},2024-05-0${1 + (x.k % 9)},MOH-BENCH`);
  }
  for (let i = 0; lines.length <= DEATHS; i++) lines.push(`2${String(i).padStart(8, '0')},اسم,,,عائلة,2024-05-01,MOH-BENCH`);
  const file = path.join(os.tmpdir(), `sanad-bench-deaths-${process.pid}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { file };
}

await main();
