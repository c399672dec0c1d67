// Cases benchmark (#15): "my cases" over HTTP with 200,000 open cases in a registry of 1,000,000
// persons, and the rules applied to 10,000 death events (a health ministry's list) sent through the
// API, on the embedded PostgreSQL with durable settings.
//
//   npm run bench:cases [-- --persons 1000000 --cases 200000 --deaths 10000 --concurrency 8]
//
// Loading is plain SQL (generate_series: synthetic persons in households of five, cases spread over
// 100 caseworkers); the measured parts are the API: GET /api/v1/cases/mine as caseworkers and as a
// case supervisor (p50/p95/p99), and POST /api/v1/persons/:id/life-events (a death from an official
// record: confirmation, a new-head task, child-protection cases for children left without care).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { openStore } from '../src/store/open.ts';
import { numberArg } from './args.ts';
import { latencies } from './lookupData.ts';

const PERSONS = numberArg('persons', 1_000_000);
const CASES = numberArg('cases', 200_000);
const DEATHS = numberArg('deaths', 10_000);
const CONCURRENCY = numberArg('concurrency', 8);
const WORKERS = 100;
const GOV = 'PS0260';
const command = `npm run bench:cases -- --persons ${PERSONS} --cases ${CASES} --deaths ${DEATHS} --concurrency ${CONCURRENCY}`;
const dataDir = path.join(os.tmpdir(), `sanad-bench-cases-${PERSONS}`);

async function load(pool: import('pg').Pool, orgId: string, workerIds: string[]) {
  const t = Date.now();
  await pool.query(
    `INSERT INTO person (org_id, governorate, given_name, family_name, full_name, name_key, sex, date_of_birth, dob_precision)
     SELECT $1, $2, 'اسم' || i, 'عائلة' || (i / 5), 'اسم' || i || ' عائلة' || (i / 5), 'ism' || i,
            CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END,
            CASE WHEN i % 5 < 2 THEN date '1975-01-01' + (i % 7000) ELSE date '2012-01-01' + (i % 3000) END, 'exact'
       FROM generate_series(0, $3 - 1) i`,
    [orgId, GOV, PERSONS],
  );
  await pool.query(
    `CREATE TEMP TABLE p_ord AS SELECT id, (row_number() OVER (ORDER BY name_key) - 1)::int AS n FROM person WHERE org_id = $1`,
    [orgId],
  );
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
            (SELECT id FROM p_ord WHERE n = (c * 7919) % $3), (ARRAY['intake','plan','services'])[1 + c % 3],
            CASE WHEN c % 10 = 0 THEN 'assessment' END, ($4::uuid[])[1 + c % $5], ($4::uuid[])[1 + c % $5],
            now() + make_interval(hours => (c % 2000) - 1000)
       FROM generate_series(0, $6 - 1) c`,
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

  const workerTokens = await Promise.all(workerIds.slice(0, 20).map(tokenOf));
  const mine: number[] = [];
  for (let i = 0; i < 520; i++) {
    const ms = await get(workerTokens[i % workerTokens.length]!, '/api/v1/cases/mine');
    if (i >= 20) mine.push(ms);
  }
  const supToken = await tokenOf(supervisor);
  const sup: number[] = [];
  for (let i = 0; i < 110; i++) {
    const ms = await get(supToken, '/api/v1/cases/mine');
    if (i >= 10) sup.push(ms);
  }

  // 10,000 deaths of heads of household, as a health ministry's list would bring them
  const heads = (
    await store.pool.query<{ person_id: string }>(
      "SELECT person_id FROM household_member WHERE relationship = 'head' AND valid_to IS NULL ORDER BY household_id LIMIT $1",
      [DEATHS],
    )
  ).rows.map((r) => r.person_id);
  const regToken = await tokenOf(registrar);
  const t0 = Date.now();
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
  const deathsS = (Date.now() - t0) / 1000;
  const tasks = (await store.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM task WHERE kind = 'new_head'")).rows[0]!.n;

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
    `  ${DEATHS.toLocaleString('en')} death events (official record), concurrency ${CONCURRENCY}: ${deathsS.toFixed(1)} s, ${(DEATHS / deathsS).toFixed(0)}/s, ${tasks.toLocaleString('en')} new-head tasks   (target < 60 s)`,
  );
  console.log(`\nReproduce: ${command}`);
  await app.close();
  await store.close();
}

await main();
