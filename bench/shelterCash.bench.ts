// Transitional shelter cash benchmark (#16): a month's payment run over PLANS plans of one
// organisation, all due, on the embedded PostgreSQL with durable settings, in-process: what
// `sanad reconstruction pay-shelter-cash --month YYYY-MM` does (payShelterCash in one write
// transaction: the plans locked and weighed, one ledger row each, one change-log entry for the run),
// then the same month again (pays nothing: idempotence), and what GET /shelter-cash reads.
//
//   npm run bench:shelter-cash [-- --plans 20000 --months 11 --entries 2000]
//
// Loading is plain SQL, untimed: a building, a housing unit, an approved case and a plan
// (250 a month from January) per plan across the five governorates of Gaza, and MONTHS earlier
// months already paid in the ledger. Where the shared machine is noisy, read the CPU seconds
// (Node and PostgreSQL) and the ratios, not the wall times. The baseline: ENTRIES change-log
// entries appended one by one in a transaction rolled back (what one entry per payment would cost;
// the run writes one entry for the month instead). The reads and the second run are timed three times.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../src/access/actor.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { actorOf, findUserByName } from '../src/store/access/findUser.ts';
import { appendChange } from '../src/store/changeLog.ts';
import { openStore } from '../src/store/open.ts';
import { payShelterCash } from '../src/store/reconstruction/tranches/payShelterCash.ts';
import { shelterCashDue } from '../src/store/reconstruction/tranches/shelterCashDue.ts';
import { write } from '../src/store/write.ts';
import { numberArg } from './args.ts';
import { pgCpuSeconds } from './pgCpu.ts';

const PLANS = numberArg('plans', 20_000);
const MONTHS = numberArg('months', 11);
const ENTRIES = numberArg('entries', 2_000);
const REPEAT = 3; // the reads and the second run, each three times (the machine is noisy)
const GAZA = ['PS0255', 'PS0260', 'PS0265', 'PS0270', 'PS0275'];
const TODAY = '2026-12-06';
const MONTH = '2026-12';
const command = `npm run bench:shelter-cash -- --plans ${PLANS} --months ${MONTHS} --entries ${ENTRIES}`;
const dataDir = path.join(os.tmpdir(), `sanad-bench-shelter-cash-${PLANS}`);
const pgDir = path.join(dataDir, 'pg');

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function loadPlans(pool: import('pg').Pool, orgId: string, officerId: string, committeeId: string) {
  await pool.query(
    `INSERT INTO building (org_id, governorate, use, floors, geometry, lon, lat, min_lon, min_lat, max_lon, max_lat, cell, source)
     SELECT $1, ($2::text[])[1 + b % 5], 'residential', 2,
            jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(34.3 + (b % 500) * 0.0005, 31.3 + (b / 500) * 0.0001)),
            34.3 + (b % 500) * 0.0005, 31.3 + (b / 500) * 0.0001, 34.3 + (b % 500) * 0.0005, 31.3 + (b / 500) * 0.0001,
            34.3 + (b % 500) * 0.0005, 31.3 + (b / 500) * 0.0001, b, 'field'
       FROM generate_series(0, $3 - 1) b`,
    [orgId, GAZA, PLANS],
  );
  await pool.query(`INSERT INTO housing_unit (building_id, floor, unit_number) SELECT id, 0, 'G' FROM building WHERE org_id = $1`, [orgId]);
  await pool.query(
    `INSERT INTO claim_case (org_id, governorate, unit_id, state, damage_class, decided_by, decided_at, grant_amount, stream, rule_version)
     SELECT $1, b.governorate, u.id, 'approved', 'destroyed', $2, '2025-12-20', 40000, 'rebuild', 1
       FROM housing_unit u JOIN building b ON b.id = u.building_id WHERE b.org_id = $1`,
    [orgId, committeeId],
  );
  // plan codes: the case's rank in eight Crockford base-32 digits
  await pool.query(
    `INSERT INTO reconstruction_plan (case_id, org_id, governorate, unit_id, code, stream, grant_amount, rule_version,
                                      shelter_cash_monthly, shelter_from, created_by)
     SELECT c.id, c.org_id, c.governorate, c.unit_id,
            (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + ((c.n >> (5 * d)) & 31)::int, 1), '' ORDER BY d DESC)
               FROM generate_series(0, 7) d),
            'rebuild', 40000, 1, 250, '2026-01-01', $2
       FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM claim_case WHERE org_id = $1) c`,
    [orgId, officerId],
  );
  if (MONTHS > 0)
    await pool.query(
      `INSERT INTO shelter_cash_payment (case_id, month, org_id, governorate, unit_id, amount, paid_by, paid_at)
       SELECT p.case_id, m, p.org_id, p.governorate, p.unit_id, p.shelter_cash_monthly, $2, m + interval '5 days'
         FROM reconstruction_plan p, generate_series(date '2026-12-01' - make_interval(months => $3), date '2026-11-01', interval '1 month') m
        WHERE p.org_id = $1`,
      [orgId, officerId, MONTHS],
    );
  await pool.query('ANALYZE');
}

type Measure = { seconds: number; node: number; pg: number | null };

async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; m: Measure }> {
  const cpu0 = process.cpuUsage();
  const pg0 = pgCpuSeconds(pgDir);
  const t = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const pg1 = pgCpuSeconds(pgDir);
  return { value, m: { seconds, node: (cpu.user + cpu.system) / 1e6, pg: pg0 === null || pg1 === null ? null : pg1 - pg0 } };
}

const cpuOf = (m: Measure) => m.node + (m.pg ?? 0);
const show = (m: Measure) =>
  `${m.seconds.toFixed(2)} s wall; CPU node ${m.node.toFixed(2)} s, PostgreSQL ${m.pg === null ? '?' : m.pg.toFixed(2)} s; load ${load()}`;

const payRun = (pool: import('pg').Pool, actor: Actor) =>
  write(pool, actor, { route: 'bench pay-shelter-cash' }, async (ctx) => ({ status: 200, body: await payShelterCash(ctx, MONTH, TODAY) }));

/** One change-log entry per payment, as the run once wrote: ENTRIES of them, rolled back. */
async function perEntryBaseline(pool: import('pg').Pool, actor: Actor): Promise<Measure> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { m } = await measure(async () => {
      for (let i = 0; i < ENTRIES; i++)
        await appendChange(client, actor, {
          entity: 'shelter_cash_payment',
          entityId: null,
          action: 'pay',
          after: { month: MONTH, amount: 250 },
        });
    });
    await client.query('ROLLBACK');
    return m;
  } finally {
    client.release();
  }
}

async function main() {
  process.stdout.write(`${command}\n${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, node ${process.version}, load ${load()}\n`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const store = await openStore({ dataDir, max: 4 });
  try {
    const orgId = await createOrganisation(store.pool, 'Benchmark organisation');
    const password = 'benchmark-password-1';
    await createUser(store.pool, { orgId, username: 'officer', password, role: 'claims_officer', governorates: GAZA });
    await createUser(store.pool, { orgId, username: 'committee', password, role: 'reconstruction_committee', governorates: GAZA });
    const officer = actorOf((await findUserByName(store.pool, 'officer'))!);
    const committee = actorOf((await findUserByName(store.pool, 'committee'))!);
    const t = performance.now();
    await loadPlans(store.pool, orgId, officer.userId!, committee.userId!);
    process.stdout.write(
      `loaded ${PLANS.toLocaleString('en')} plans, ${(PLANS * MONTHS).toLocaleString('en')} earlier payments (${MONTHS} months) in ${((performance.now() - t) / 1000).toFixed(1)} s (untimed)\n`,
    );
    for (let i = 0; i < REPEAT; i++) {
      const due = await measure(() => shelterCashDue(store.pool, officer, MONTH, TODAY));
      process.stdout.write(
        `GET /shelter-cash (due: ${due.value.due.plans.toLocaleString('en')} plans, ${due.value.due.total.toLocaleString('en')}): ${show(due.m)}\n`,
      );
    }
    const first = await measure(() => payRun(store.pool, officer));
    const paid = first.value.body;
    process.stdout.write(
      `pay-shelter-cash --month ${MONTH}: ${paid.paid.toLocaleString('en')} plans paid, ${paid.total.toLocaleString('en')} in all: ${show(first.m)}\n`,
    );
    let second = await measure(() => payRun(store.pool, officer));
    for (let i = 0; i < REPEAT; i++) {
      if (i > 0) second = await measure(() => payRun(store.pool, officer));
      process.stdout.write(`the same month again: ${second.value.body.paid} plans paid: ${show(second.m)}\n`);
    }
    const entries = (
      await store.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM change_log WHERE entity = 'shelter_cash_payment'")
    ).rows[0]!.n;
    const ledger = (
      await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM shelter_cash_payment WHERE month = $1', [`${MONTH}-01`])
    ).rows[0]!.n;
    const base = ENTRIES > 0 ? await perEntryBaseline(store.pool, officer) : null;
    const perPayment = (cpuOf(first.m) / Math.max(1, paid.paid)) * 1000;
    process.stdout.write(
      `checks: ledger rows for the month ${ledger.toLocaleString('en')} (expected ${PLANS.toLocaleString('en')}), change-log entries of all the runs ${entries} (expected 1), the runs again paid ${second.value.body.paid} (expected 0): ${
        ledger === PLANS && entries === 1 && second.value.body.paid === 0 ? 'ok' : 'FAILED'
      }\n`,
    );
    process.stdout.write(
      `CPU per plan paid: ${perPayment.toFixed(3)} ms; second run / first run (CPU): ${(cpuOf(second.m) / cpuOf(first.m)).toFixed(3)}\n`,
    );
    if (base) {
      const perEntry = (base.seconds / ENTRIES) * 1000;
      process.stdout.write(
        `baseline, ${ENTRIES.toLocaleString('en')} change-log entries one by one (rolled back): ${show(base)}; ${perEntry.toFixed(2)} ms wall per entry, ` +
          `so one entry per payment would add about ${((perEntry * PLANS) / 1000).toFixed(1)} s to the run (${((perEntry * PLANS) / 1000 / first.m.seconds).toFixed(1)} times the run as written)\n`,
      );
    }
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
