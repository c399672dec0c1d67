// Claims benchmark (#16): 300,000 claims (owners and tenants: two households per unit, one joint
// case each) checked and ranked set-based under a new rule version, and a governorate's ranked list
// over HTTP, on the embedded PostgreSQL with durable settings.
//
//   npm run bench:claims [-- --claims 300000 --requests 500]
//
// Loading is plain SQL (generate_series: households of four, one building and unit per case in the
// five governorates of Gaza, occupancy since 2015, one remote assessment per building, the claims
// and their cases). Measured: recheckOpenCases (the facts query, the pure rule per claim, the
// updates of claims and cases, in batches) in one transaction, as saving a rule version does; then
// GET /api/v1/reconstruction/cases?governorate=... as a claims officer (first pages and deep pages).
// Also the rule editor's preview (previewRules.ts: the facts read once, the rule run twice, no writes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/api/app.ts';
import { DEFAULT_CLAIM_RULES } from '../src/reconstruction/claimRules.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { openStore } from '../src/store/open.ts';
import { recheckOpenCases } from '../src/store/reconstruction/claims/checkCases.ts';
import { previewClaimRules } from '../src/store/reconstruction/claims/previewRules.ts';
import { numberArg } from './args.ts';
import { latencies } from './lookupData.ts';

const CLAIMS = numberArg('claims', 300_000);
const REQUESTS = numberArg('requests', 500);
const CASES = Math.ceil(CLAIMS / 2);
const HOUSEHOLDS = Math.ceil(CLAIMS / 3); // each household claims three units
const GAZA = ['PS0255', 'PS0260', 'PS0265', 'PS0270', 'PS0275'];
const command = `npm run bench:claims -- --claims ${CLAIMS} --requests ${REQUESTS}`;
const dataDir = path.join(os.tmpdir(), `sanad-bench-claims-${CLAIMS}`);

async function loadRegistry(pool: import('pg').Pool, orgId: string) {
  await pool.query(
    `INSERT INTO person (org_id, governorate, given_name, family_name, full_name, name_key, sex, date_of_birth, dob_precision)
     SELECT $1, $2, 'اسم' || i, 'عائلة' || (i / 4), 'اسم' || i || ' عائلة' || (i / 4), 'ism' || i,
            CASE WHEN i % 3 = 0 THEN 'female' ELSE 'male' END,
            CASE WHEN i % 4 < 2 THEN date '1975-01-01' + (i % 7000) ELSE date '2012-01-01' + (i % 3000) END, 'exact'
       FROM generate_series(0, $3 * 4 - 1) i`,
    [orgId, 'PS0260', HOUSEHOLDS],
  );
  await pool.query(
    'CREATE TEMP TABLE p_ord AS SELECT id, (row_number() OVER (ORDER BY name_key) - 1)::int AS n FROM person WHERE org_id = $1',
    [orgId],
  );
  await pool.query(
    `INSERT INTO household (org_id, governorate, record_id) SELECT $1, 'PS0260', 'C' || h FROM generate_series(0, $2 - 1) h`,
    [orgId, HOUSEHOLDS],
  );
  await pool.query(
    `INSERT INTO household_member (household_id, person_id, relationship, valid_from)
     SELECT hh.id, p.id, CASE p.n % 4 WHEN 0 THEN 'head' WHEN 1 THEN 'spouse' WHEN 2 THEN 'son' ELSE 'daughter' END, '2010-01-01'
       FROM p_ord p JOIN household hh ON hh.org_id = $1 AND hh.record_id = 'C' || (p.n / 4)`,
    [orgId],
  );
  await pool.query(
    `INSERT INTO vulnerability (household_id, kind, valid_from) SELECT id, 'disability', '2020-01-01' FROM household WHERE org_id = $1 AND record_id LIKE '%7'`,
    [orgId],
  );
  await pool.query(
    `INSERT INTO displacement_event (household_id, to_governorate, event_date, reason)
     SELECT id, 'PS0275', '2024-01-15', 'home_destroyed' FROM household WHERE org_id = $1 AND record_id ~ '[02468]$'`,
    [orgId],
  );
}

async function loadClaims(pool: import('pg').Pool, orgId: string) {
  await pool.query(
    `INSERT INTO building (org_id, governorate, use, floors, geometry, lon, lat, min_lon, min_lat, max_lon, max_lat, cell, source)
     SELECT $1, ($2::text[])[1 + b % 5], 'residential', 3,
            jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(34.3 + (b % 500) * 0.0005, 31.3 + (b / 500) * 0.0001)),
            34.3 + (b % 500) * 0.0005, 31.3 + (b / 500) * 0.0001, 34.3 + (b % 500) * 0.0005, 31.3 + (b / 500) * 0.0001,
            34.3 + (b % 500) * 0.0005, 31.3 + (b / 500) * 0.0001, b, 'remote_import'
       FROM generate_series(0, $3 - 1) b`,
    [orgId, GAZA, CASES],
  );
  await pool.query(
    `CREATE TEMP TABLE b_ord AS SELECT id, governorate, (row_number() OVER (ORDER BY cell) - 1)::int AS n FROM building WHERE org_id = $1`,
    [orgId],
  );
  await pool.query(`INSERT INTO housing_unit (building_id, floor, unit_number) SELECT id, 0, 'G' FROM b_ord`);
  await pool.query(
    'CREATE TEMP TABLE u_ord AS SELECT u.id, b.id AS building_id, b.governorate, b.n FROM housing_unit u JOIN b_ord b ON b.id = u.building_id',
  );
  const imp = await pool.query<{ id: string }>(
    `INSERT INTO damage_import (org_id, file_name, file_sha256, format, tolerance_m, status) VALUES ($1, 'bench.csv', repeat('a', 64), 'csv', 15, 'done') RETURNING id`,
    [orgId],
  );
  await pool.query(
    `INSERT INTO remote_assessment (building_id, import_id, row_number, damage_class, imagery_date, lon, lat, distance_m)
     SELECT u.building_id, $1, u.n, (ARRAY['destroyed','severely_damaged','moderately_damaged','possibly_damaged','no_visible_damage'])[1 + (u.n * 7) % 5],
            '2025-08-05', 34.4, 31.4, 0 FROM u_ord u`,
    [imp.rows[0]!.id],
  );
  await pool.query(
    'CREATE TEMP TABLE h_ord AS SELECT id, (row_number() OVER (ORDER BY record_id) - 1)::int AS n FROM household WHERE org_id = $1',
    [orgId],
  );
  await pool.query(`INSERT INTO claim_case (org_id, governorate, unit_id) SELECT $1, governorate, id FROM u_ord`, [orgId]);
  // claim i: unit i / 2 (owner, then tenant), household (i * 7) % households; occupancy for 9 in 10
  await pool.query(
    `CREATE TEMP TABLE c_src AS
     SELECT i, u.id AS unit_id, k.id AS case_id, h.id AS household_id, CASE WHEN i % 2 = 0 THEN 'owner' ELSE 'tenant' END AS basis
       FROM generate_series(0, $1 - 1) i JOIN u_ord u ON u.n = i / 2 JOIN claim_case k ON k.unit_id = u.id JOIN h_ord h ON h.n = (i * 7) % $2`,
    [CLAIMS, HOUSEHOLDS],
  );
  await pool.query(
    `INSERT INTO occupancy (unit_id, household_id, tenure, valid_from) SELECT unit_id, household_id, basis, '2015-01-01' FROM c_src WHERE i % 10 <> 9`,
  );
  await pool.query(
    `INSERT INTO claim (org_id, case_id, unit_id, household_id, claimant_id, basis, claimed_class, damage_date)
     SELECT $1, c.case_id, c.unit_id, c.household_id, m.person_id, c.basis, (ARRAY['destroyed','severe','major','minor'])[1 + c.i % 4], '2024-01-10'
       FROM c_src c JOIN household_member m ON m.household_id = c.household_id AND m.relationship = 'head'
     ON CONFLICT DO NOTHING`,
    [orgId],
  );
  await pool.query('ANALYZE');
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const store = await openStore({ dataDir, max: 20 });
  const orgId = await createOrganisation(store.pool, 'Benchmark organisation');
  const officer = await createUser(store.pool, {
    orgId,
    username: 'claims',
    password: 'benchmark-password-1',
    role: 'claims_officer',
    governorates: GAZA,
  });
  const t0 = Date.now();
  await loadRegistry(store.pool, orgId);
  await loadClaims(store.pool, orgId);
  const loadS = (Date.now() - t0) / 1000;
  const claims = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM claim WHERE org_id = $1', [orgId])).rows[0]!.n;

  const client = await store.pool.connect();
  const t1 = Date.now();
  await client.query('BEGIN');
  const checked = await recheckOpenCases(client, orgId, { version: 1, rules: DEFAULT_CLAIM_RULES });
  await client.query('COMMIT');
  const checkS = (Date.now() - t1) / 1000;
  client.release();
  await store.pool.query('ANALYZE claim_case');
  // the rule editor's preview: every open case checked under the current and the proposed rules, no writes
  const t2 = Date.now();
  const preview = await previewClaimRules(
    store.pool,
    { userId: null, orgId, role: 'administrator', governorates: GAZA },
    { ...DEFAULT_CLAIM_RULES, priority: { ...DEFAULT_CLAIM_RULES.priority, household_size: 50 } },
    'PS0260',
  );
  const previewS = (Date.now() - t2) / 1000;
  const states = (
    await store.pool.query<{ state: string; n: number }>(
      'SELECT state, count(*)::int AS n FROM claim_case WHERE org_id = $1 GROUP BY state ORDER BY state',
      [orgId],
    )
  ).rows;

  const app = await buildApp({ store });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const token = (await createSession(store.pool, officer)).token;
  const get = async (url: string) => {
    const t = process.hrtime.bigint();
    const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const first: number[] = [];
  const deep: number[] = [];
  for (let i = 0; i < REQUESTS + 20; i++) {
    const g = GAZA[i % 5]!;
    const ms = await get(`/api/v1/reconstruction/cases?governorate=${g}&limit=50`);
    const deepMs = await get(`/api/v1/reconstruction/cases?governorate=${g}&limit=50&offset=${(i * 97) % 5000}`);
    if (i >= 20) {
      first.push(ms);
      deep.push(deepMs);
    }
  }
  const f = latencies(first);
  const d = latencies(deep);
  console.log(
    `\nClaims benchmark: ${claims.toLocaleString('en')} claims in ${CASES.toLocaleString('en')} joint cases, ${HOUSEHOLDS.toLocaleString('en')} households`,
  );
  console.log(`  load (SQL)                                   ${loadS.toFixed(1)} s`);
  console.log(
    `  check and rank all claims (one transaction)  ${checkS.toFixed(1)} s, ${checked.toLocaleString('en')} claims, ${(checked / checkS).toFixed(0)}/s   (target < 120 s)`,
  );
  console.log(
    `  preview of new rules (no writes)             ${previewS.toFixed(1)} s, ${preview.openCases.toLocaleString('en')} open cases, ${preview.rankChanged.toLocaleString('en')} change rank (${(previewS / checkS).toFixed(2)} x the check)`,
  );
  console.log(`  cases by state: ${states.map((s) => `${s.state} ${s.n.toLocaleString('en')}`).join(', ')}`);
  console.log(
    `  ranked list, first page (n=${f.n})            p50 ${f.p50.toFixed(1)} ms  p95 ${f.p95.toFixed(1)} ms  p99 ${f.p99.toFixed(1)} ms   (target p95 < 100 ms)`,
  );
  console.log(
    `  ranked list, pages to offset 5,000 (n=${d.n})  p50 ${d.p50.toFixed(1)} ms  p95 ${d.p95.toFixed(1)} ms  p99 ${d.p99.toFixed(1)} ms`,
  );
  console.log(`\nReproduce: ${command}`);
  await app.close();
  await store.close();
}

await main();
