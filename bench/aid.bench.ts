// Aid benchmark, on the embedded PostgreSQL with durable settings:
//   1. a cycle's entitlement list for N households (default 1,000,000), generated set-based;
//   2. the online redemption API at 500 requests/s from two simulated devices (open loop, HTTP on
//      loopback, the server in its own process): p50/p95/p99;
//   3. 10,000 offline redemptions synced by a device in batches of 2,000.
//
//   npm run bench:aid [-- --households 1000000 --rate 500 --seconds 10 --offline 10000]
//
// The synthetic registry (households, members with sex and date of birth, displacements, sites,
// vulnerabilities) is made in SQL (seeded) on the first run and reused after; the name search
// indexes of `person` are dropped in this benchmark database (no search here).
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { signCard } from '../src/aid/card.ts';
import type { Actor } from '../src/access/actor.ts';
import { governorateCodes } from '../src/places/governorates.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { createCycle, createItem, createPoint, createProgramme } from '../src/store/aid/catalogue.ts';
import { createKey, openSigningKey } from '../src/store/aid/cards.ts';
import { newSecretKey } from '../src/access/secretBox.ts';
import { generateCycle } from '../src/store/aid/generate.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { write } from '../src/store/write.ts';
import { Device, httpTransport } from '../test/support/device.ts';
import { pct } from './lookupData.ts';
import { numberArg } from './args.ts';

const HOUSEHOLDS = numberArg('households', 1_000_000);
const RATE = numberArg('rate', 500);
const SECONDS = numberArg('seconds', 10);
const OFFLINE = numberArg('offline', 10_000);
const SITES = 300;
const command0 = process.argv.includes('--reuse-cycle') ? ' --reuse-cycle' : '';
const dataDir = path.resolve(`.tmp/bench-aid-${HOUSEHOLDS}`);
const command = `npm run bench:aid -- --households ${HOUSEHOLDS} --rate ${RATE} --seconds ${SECONDS} --offline ${OFFLINE}${command0}`;
const log = (s: string) => process.stderr.write(`${s}\n`);

const RULES = [
  { item: 'food_parcel', when: { maxSize: 5 }, quantity: { base: 1 } },
  { item: 'food_parcel', quantity: { base: 2 } },
  { item: 'hygiene_kit', when: { displaced: true }, quantity: { base: 1 } },
  { item: 'water_l', when: { inSite: true }, quantity: { perPerson: 15, max: 150 } },
  {
    item: 'cash_ils',
    when: { vulnerabilities: ['female_headed', 'disability', 'chronic_illness', 'elderly_headed'] },
    quantity: { base: 100, perPerson: 50, max: 400 },
  },
];

async function loadRegistry(store: Store, actor: Actor): Promise<void> {
  const t0 = Date.now();
  const c = await store.pool.connect();
  try {
    const q = async (label: string, sql: string, params: unknown[] = []) => {
      const t = Date.now();
      const r = await c.query(sql, params);
      log(`  ${label}: ${r.rowCount ?? ''} rows, ${((Date.now() - t) / 1000).toFixed(1)} s`);
    };
    log(`loading a synthetic registry of ${HOUSEHOLDS.toLocaleString('en')} households...`);
    await c.query('DROP INDEX IF EXISTS person_name_tokens, person_name_key_trgm');
    await c.query('SET session_replication_role = replica'); // bulk load: no FK triggers
    await c.query("SET work_mem = '256MB'");
    await c.query('SELECT setseed(0.2026)');
    const govs = `ARRAY['PS0255','PS0260','PS0260','PS0265','PS0270','PS0270','PS0275','PS0101','PS0115','PS0130','PS0150','PS0110','PS0140','PS0145','PS0105','PS0120']`;
    await q(
      'sites',
      `INSERT INTO site (org_id, kind, name, governorate, covered_area_m2, toilets, water_points, phase)
      SELECT $1, (ARRAY['collective_centre','school','camp','informal_site','host_community_area'])[1 + g % 5], 'Site ' || g, (${govs})[1 + g % 16],
        500 + floor(random() * 20000), floor(random() * 100), floor(random() * 20), CASE WHEN g % 3 = 0 THEN 'later' ELSE 'initial' END
      FROM generate_series(1, ${SITES}) g`,
      [actor.orgId],
    );
    await q(
      'households',
      `CREATE UNLOGGED TABLE bench_hh AS SELECT g AS idx, gen_random_uuid() AS id, (${govs})[1 + floor(random() * 16)::int] AS gov, 1 + floor(random() * 9)::int AS size FROM generate_series(1, ${HOUSEHOLDS}) g`,
    );
    await q('household rows', 'INSERT INTO household (id, org_id, governorate) SELECT id, $1, gov FROM bench_hh', [actor.orgId]);
    await q(
      'persons (staging)',
      `CREATE UNLOGGED TABLE bench_p AS SELECT gen_random_uuid() AS id, h.id AS hid, h.gov, k,
        CASE WHEN k = 1 THEN (CASE WHEN random() < 0.25 THEN 'female' ELSE 'male' END) WHEN k = 2 THEN 'female' WHEN random() < 0.5 THEN 'female' ELSE 'male' END AS sex,
        CASE WHEN k <= 2 THEN date '1945-01-01' + floor(random() * 20000)::int ELSE date '2000-01-01' + floor(random() * 9000)::int END AS dob
      FROM bench_hh h, generate_series(1, h.size) k`,
    );
    await q(
      'persons',
      "INSERT INTO person (id, org_id, governorate, full_name, name_key, sex, date_of_birth, dob_precision) SELECT id, $1, gov, 'synthetic', 'synthetic', sex, dob, 'exact' FROM bench_p",
      [actor.orgId],
    );
    await q(
      'members',
      "INSERT INTO household_member (household_id, person_id, relationship, valid_from) SELECT hid, id, CASE k WHEN 1 THEN 'head' WHEN 2 THEN 'spouse' ELSE (CASE WHEN sex = 'female' THEN 'daughter' ELSE 'son' END) END, date '2020-01-01' FROM bench_p",
    );
    await q(
      'displacements',
      `INSERT INTO displacement_event (household_id, from_governorate, to_governorate, event_date, reason)
      SELECT id, gov, (ARRAY['PS0265','PS0270','PS0275'])[1 + floor(random() * 3)::int], date '2023-10-13' + floor(random() * 300)::int, 'evacuation_order' FROM bench_hh WHERE random() < 0.7`,
    );
    await q(
      'displacements to sites',
      `WITH s AS (SELECT array_agg(id ORDER BY name) AS ids, array_agg(governorate ORDER BY name) AS govs FROM site WHERE org_id = $1),
      pick AS (SELECT h.id, h.gov, 1 + floor(random() * ${SITES})::int AS i FROM bench_hh h WHERE random() < 0.15)
      INSERT INTO displacement_event (household_id, from_governorate, to_governorate, to_site, event_date, reason)
      SELECT pick.id, pick.gov, s.govs[pick.i], s.ids[pick.i], date '2024-09-01' + floor(random() * 200)::int, 'hostilities' FROM pick, s`,
      [actor.orgId],
    );
    await q(
      'vulnerabilities',
      "INSERT INTO vulnerability (household_id, kind, valid_from) SELECT id, CASE WHEN random() < 0.5 THEN 'disability' ELSE 'chronic_illness' END, date '2022-01-01' FROM bench_hh WHERE random() < 0.08",
    );
    await c.query('SET session_replication_role = origin');
    await c.query('DROP TABLE bench_hh, bench_p');
    await q('analyze', 'ANALYZE');
  } finally {
    c.release();
  }
  await write(store.pool, actor, { route: 'bench' }, async (ctx) => {
    for (const s of (
      await ctx.client.query<{ id: string; governorate: string }>('SELECT id, governorate FROM site WHERE org_id = $1', [actor.orgId])
    ).rows)
      await createPoint(ctx, { name: `Point at ${s.id.slice(0, 8)}`, governorate: s.governorate, siteId: s.id });
    for (const g of governorateCodes) await createPoint(ctx, { name: `Centre ${g}`, governorate: g });
    for (const [code, unit, sector] of [
      ['food_parcel', 'parcel', 'food'],
      ['hygiene_kit', 'kit', 'hygiene'],
      ['water_l', 'litre', 'water'],
      ['cash_ils', 'ILS', 'cash'],
    ] as const)
      await createItem(ctx, { code, name: code, unit, sector });
    await createProgramme(ctx, { name: 'Benchmark programme', sector: 'food', rules: RULES as never });
    await createKey(ctx, BENCH_SECRET_KEY);
    return { status: 200, body: null };
  });
  log(`registry ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** CPU pressure (share of time some task waited for a CPU), when the kernel reports it. */
function pressure(): string {
  try {
    const m = /some avg10=([0-9.]+) avg60=([0-9.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return m ? `; CPU pressure (some) ${m[1]}% over 10 s, ${m[2]}% over 60 s` : '';
  } catch {
    return '';
  }
}

/** Seals the benchmark's card key (the server in its own process only verifies cards). */
const BENCH_SECRET_KEY = newSecretKey();

/** Issues cards in bulk (one INSERT, signing in process) for the households of these entitlements. */
async function cardsFor(store: Store, orgId: string, households: string[]): Promise<Map<string, string>> {
  const key = (await openSigningKey(store.pool, BENCH_SECRET_KEY, orgId))!;
  const pk = key.privateKey;
  const r = await store.pool.query<{ serial: number; household_id: string }>(
    'INSERT INTO household_card (household_id, org_id, key_id) SELECT unnest($1::uuid[]), $2, $3 RETURNING serial, household_id',
    [households, orgId, key.id],
  );
  return new Map(r.rows.map((c) => [c.household_id, signCard({ householdId: c.household_id, serial: c.serial, keyId: key.id }, pk)]));
}

async function benchActor(store: Store): Promise<Actor & { userId: string }> {
  let org = (await store.pool.query<{ id: string }>("SELECT id FROM organisation WHERE name = 'Aid benchmark'")).rows[0]?.id;
  if (!org) org = await createOrganisation(store.pool, 'Aid benchmark');
  const userId = await createUser(store.pool, {
    orgId: org,
    username: `aid-bench-${Date.now()}`,
    password: 'benchmark-password-1',
    role: 'distribution_officer',
    governorates: [...governorateCodes],
  });
  return { userId, orgId: org, role: 'distribution_officer', governorates: governorateCodes, deviceId: 'bench' };
}

type Cycle = { id: string; number: number };
type Generation = { cycle: Cycle; gen: { households: number; entitlements: number }; genS: number };

/** The latest generated cycle (for repeated runs of the redemption measures): generation not measured. */
async function latestCycle(store: Store, prog: string): Promise<Generation> {
  const c = (
    await store.pool.query<{ id: string; number: number; households: number }>(
      "SELECT id, number, households FROM aid_cycle WHERE programme_id = $1 AND status = 'generated' ORDER BY number DESC LIMIT 1",
      [prog],
    )
  ).rows[0]!;
  const entitlements = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM entitlement WHERE cycle_id = $1', [c.id]))
    .rows[0]!.n;
  return { cycle: c, gen: { households: c.households, entitlements }, genS: NaN };
}

/** 1. Generation: a new cycle of the benchmark programme and its entitlement list, timed. */
async function generation(store: Store, actor: Actor): Promise<Generation> {
  const prog = (
    await store.pool.query<{ id: string }>("SELECT id FROM programme WHERE org_id = $1 AND name = 'Benchmark programme'", [actor.orgId])
  ).rows[0]!.id;
  const g = process.argv.includes('--reuse-cycle') ? await latestCycle(store, prog) : await generateNew(store, actor, prog);
  log(`generated: ${g.gen.households} households, ${g.gen.entitlements} entitlements, ${g.genS.toFixed(1)} s`);
  return g;
}

async function generateNew(store: Store, actor: Actor, prog: string): Promise<Generation> {
  const cycle = (
    await write(store.pool, actor, { route: 'bench' }, async (ctx) => ({
      status: 201,
      body: await createCycle(ctx, prog, new Date().toISOString().slice(0, 10)),
    }))
  ).body;
  log(`generating cycle ${cycle.number}...`);
  const t0 = Date.now();
  const gen = (
    await write(store.pool, actor, { route: 'bench' }, async (ctx) => ({ status: 200, body: await generateCycle(ctx, cycle.id) }))
  ).body;
  return { cycle, gen, genS: (Date.now() - t0) / 1000 };
}

/** The API server in its own process; resolves with its address. */
async function startServer(store: Store): Promise<{ server: ChildProcess; address: string }> {
  const server = spawn(process.execPath, ['bin/run.js', 'bench/aid.server.ts'], {
    env: { ...process.env, DATABASE_URL: store.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: server.stdout! });
    rl.once('line', (l) => resolve(JSON.parse(l).address));
    server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { server, address };
}

type Headers = (device: string) => Record<string, string>;

/** 2. Online redemptions at RATE/s from two devices at one point, open loop. */
async function measureOnline(store: Store, orgId: string, cycleId: string, pointId: string, address: string, headers: Headers) {
  const total = Math.ceil(RATE * (SECONDS + 1));
  const onlineEnts = (
    await store.pool.query<{ id: string; household_id: string }>(
      "SELECT e.id, e.household_id FROM entitlement e WHERE e.cycle_id = $1 AND e.point_id = $2 AND NOT EXISTS (SELECT 1 FROM redemption r WHERE r.entitlement_id = e.id AND r.status = 'standing') LIMIT $3",
      [cycleId, pointId, total],
    )
  ).rows;
  if (onlineEnts.length < total) throw new Error('not enough entitlements for the online test');
  const cards = await cardsFor(store, orgId, [...new Set(onlineEnts.map((e) => e.household_id))]);
  const devices = [
    new Device('device-1', pointId, await httpTransport(address, headers('device-1'))),
    new Device('device-2', pointId, await httpTransport(address, headers('device-2'))),
  ];
  log(`online: ${RATE} requests/s for ${SECONDS} s (+1 s warm-up) from two devices...`);
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const start = performance.now();
  const interval = 1000 / RATE;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const e = onlineEnts[i]!;
    const dev = devices[i % 2]!;
    const t = performance.now();
    pending.push(
      dev.redeemOnline(cards.get(e.household_id)!, e.id).then((r) => {
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (due - start >= 1000) times.push(performance.now() - t);
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  log(`online statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  return { times, achieved: total / elapsed };
}

/** 3. Offline: a device downloads its manifest, redeems OFFLINE entitlements, syncs. */
async function measureOffline(store: Store, orgId: string, cycleId: string, pointId: string, address: string, headers: Headers) {
  const dev = new Device('device-offline', pointId, await httpTransport(address, headers('device-offline')));
  const tm = Date.now();
  const m = await dev.download(cycleId);
  m.entitlements = m.entitlements.filter((e) => !e.redeemed);
  const manifestS = (Date.now() - tm) / 1000;
  const byHh = new Map<string, number>();
  for (const e of m.entitlements) byHh.set(e.householdId, (byHh.get(e.householdId) ?? 0) + 1);
  const chosen: string[] = [];
  let n = 0;
  for (const [h, k] of byHh) {
    if (n >= OFFLINE) break;
    chosen.push(h);
    n += k;
  }
  const offCards = await cardsFor(store, orgId, chosen);
  await dev.download(cycleId); // the manifest after the cards (keys unchanged; for completeness)
  for (const h of chosen) dev.redeemOffline(offCards.get(h)!);
  dev.outbox = dev.outbox.slice(0, OFFLINE);
  log(`offline: syncing ${dev.outbox.length} redemptions in batches of 2000...`);
  const ts = Date.now();
  const res = await dev.sync(2000);
  const syncS = (Date.now() - ts) / 1000;
  return {
    synced: res.length,
    standing: res.filter((r) => r.status === 'standing').length,
    syncS,
    manifestS,
    manifest: m.entitlements.length,
  };
}

async function main() {
  const store = await openStore({ dataDir, max: 20 });
  const actor = await benchActor(store);
  const have = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM household WHERE org_id = $1', [actor.orgId])).rows[0]!
    .n;
  if (have !== HOUSEHOLDS) {
    if (have > 0) throw new Error(`${dataDir} holds ${have} households; remove it to start again.`);
    await loadRegistry(store, actor);
  } else log(`reusing ${have.toLocaleString('en')} households in ${dataDir}`);

  const { cycle, gen, genS } = await generation(store, actor);
  // Server in its own process; two devices with their own connections.
  const { server, address } = await startServer(store);
  try {
    const { token } = await createSession(store.pool, actor.userId);
    const headers = (d: string) => ({ authorization: `Bearer ${token}`, 'x-device-id': d });
    const points = (
      await store.pool.query<{ point_id: string; n: number }>(
        'SELECT point_id, count(*)::int AS n FROM entitlement WHERE cycle_id = $1 AND point_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 2',
        [cycle.id],
      )
    ).rows;
    const { times, achieved } = await measureOnline(store, actor.orgId, cycle.id, points[1]!.point_id, address, headers);
    const off = await measureOffline(store, actor.orgId, cycle.id, points[0]!.point_id, address, headers);

    const lines = [
      `Aid benchmark over ${HOUSEHOLDS.toLocaleString('en')} households (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}), embedded PostgreSQL, durable settings`,
      '',
      '| measure | figure | target |',
      '|---|---|---|',
      Number.isNaN(genS)
        ? '| entitlement list: not measured (--reuse-cycle) | | |'
        : `| entitlement list of a cycle: ${gen.households.toLocaleString('en')} households, ${gen.entitlements.toLocaleString('en')} entitlements, set-based (snapshot and rules each by CREATE TEMP TABLE AS + one INSERT ... SELECT) | ${genS.toFixed(1)} s | < 30 s |`,
      `| online redemption API, ${RATE} requests/s offered (${achieved.toFixed(0)}/s served) from 2 devices, ${times.length} measured | p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms | p99 < 20 ms |`,
      `| offline sync: ${off.synced.toLocaleString('en')} redemptions in batches of 2,000 (${off.standing} standing) | ${off.syncS.toFixed(1)} s | < 10 s |`,
      `| manifest download for one point (${off.manifest.toLocaleString('en')} entitlements) | ${off.manifestS.toFixed(1)} s | |`,
      '',
      `machine at the end: load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}${pressure()}`,
      `command: ${command}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await store.close();
  }
}

await main();
