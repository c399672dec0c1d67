// Reconstruction benchmark (#16): 300,000 remote assessment rows imported and matched to buildings,
// on the embedded PostgreSQL with durable settings, in-process (what `sanad reconstruction
// import-damage` does: the CSV text parsed, each row checked against the boundaries, matched by grid
// cell to the nearest building within the tolerance, loaded in batches in one transaction).
//
//   npm run bench:reconstruction [-- --buildings 300000 --rows 300000]
//
// The Gaza Strip gets BUILDINGS buildings at random points inside its governorates (plain SQL load,
// untimed); the file then has ROWS rows: 90% within 5 m of a building, 5% far from any building (new
// buildings), 5% unreadable or outside Palestine (quarantine). A second file, the same structures
// seen on later imagery, is imported after it (matching against everything the first one made).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { governorateAt } from '../src/reconstruction/boundaries.io.ts';
import { damageRecords } from '../src/reconstruction/damageFile.io.ts';
import { cellOf, type Position } from '../src/reconstruction/geometry.ts';
import { createOrganisation, createUser } from '../src/store/access/createUser.ts';
import { actorOf, findUserByName } from '../src/store/access/findUser.ts';
import { openStore } from '../src/store/open.ts';
import { reconstructionDashboard } from '../src/store/reconstruction/dashboard.ts';
import { importDamage } from '../src/store/reconstruction/importDamage.ts';
import { buildingSummary } from '../src/store/reconstruction/listBuildings.ts';
import { numberArg } from './args.ts';
import { pgCpuSeconds } from './pgCpu.ts';

const BUILDINGS = numberArg('buildings', 300_000);
const ROWS = numberArg('rows', 300_000);
const GAZA = ['PS0255', 'PS0260', 'PS0265', 'PS0270', 'PS0275'];
const command = `npm run bench:reconstruction -- --buildings ${BUILDINGS} --rows ${ROWS}`;
const dataDir = path.join(os.tmpdir(), `sanad-bench-reconstruction-${BUILDINGS}`);

/** A deterministic generator (mulberry32), so that every run sees the same points. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pointsInGaza(n: number, rnd: () => number): { p: Position; gov: string }[] {
  const out: { p: Position; gov: string }[] = [];
  while (out.length < n) {
    const p: Position = [34.2 + rnd() * 0.37, 31.2 + rnd() * 0.4];
    const gov = governorateAt(p);
    if (gov && GAZA.includes(gov)) out.push({ p, gov });
  }
  return out;
}

const metres = (p: Position, dx: number, dy: number): Position => [
  p[0] + dx / (111_320 * Math.cos((p[1] * Math.PI) / 180)),
  p[1] + dy / 110_574,
];

async function loadBuildings(pool: import('pg').Pool, orgId: string, pts: { p: Position; gov: string }[]) {
  for (let i = 0; i < pts.length; i += 20_000) {
    const part = pts.slice(i, i + 20_000);
    await pool.query(
      `INSERT INTO building (org_id, governorate, use, geometry, lon, lat, min_lon, min_lat, max_lon, max_lat, cell, source)
       SELECT $1, u.gov, 'residential', jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(u.lon, u.lat)),
              u.lon, u.lat, u.lon, u.lat, u.lon, u.lat, u.cell, 'field'
         FROM unnest($2::text[], $3::float8[], $4::float8[], $5::bigint[]) AS u(gov, lon, lat, cell)`,
      [orgId, part.map((x) => x.gov), part.map((x) => x.p[0]), part.map((x) => x.p[1]), part.map((x) => cellOf(x.p))],
    );
  }
  await pool.query('ANALYZE building');
}

function damageCsv(buildings: { p: Position }[], rnd: () => number, date: string): string {
  const classes = ['Destroyed', 'Severe Damage', 'Moderate Damage', 'Possible Damage', 'No Visible Damage'];
  const lines = ['SiteID,Longitude,Latitude,Main_Damage_Site_Class,SensorDate'];
  const far = pointsInGaza(Math.ceil(ROWS * 0.05), rnd);
  for (let i = 0; i < ROWS; i++) {
    const cls = classes[Math.floor(rnd() * classes.length)];
    const r = i % 20;
    let p: Position;
    if (r === 0) p = far[Math.floor(i / 20)]!.p;
    else if (r === 1) {
      lines.push(i % 40 === 1 ? `S${i},34.10,31.60,${cls},${date}` : `S${i},not-a-number,31.5,${cls},${date}`);
      continue;
    } else p = metres(buildings[i % buildings.length]!.p, (rnd() - 0.5) * 7, (rnd() - 0.5) * 7);
    lines.push(`S${i},${p[0].toFixed(7)},${p[1].toFixed(7)},${cls},${date}`);
  }
  return lines.join('\n');
}

const RUNS = numberArg('runs', 20);

/** p50 and p95 of `RUNS` timed calls (two untimed first), in milliseconds. */
async function timed(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 2; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * The reconstruction dashboard's read after the imports, as an analyst of the Gaza Strip sees it
 * (small cells withheld), against the buildings summary by class (the read it replaces for
 * buildings) measured in the same run: a ratio, as the machine is shared.
 */
async function timeDashboard(pool: import('pg').Pool, orgId: string, load: () => string) {
  await pool.query('ANALYZE remote_assessment');
  await createUser(pool, { orgId, username: 'analyst', password: 'benchmark-password-1', role: 'analyst', governorates: GAZA });
  const analyst = actorOf((await findUserByName(pool, 'analyst'))!);
  const d = await reconstructionDashboard(pool, analyst, null);
  const base = await timed(() => buildingSummary(pool, analyst, null));
  const dash = await timed(() => reconstructionDashboard(pool, analyst, null));
  process.stdout.write(
    `dashboard read (${d.totals.buildings.total.toLocaleString('en')} buildings, ${RUNS} runs): p50 ${dash.p50.toFixed(0)} ms, p95 ${dash.p95.toFixed(0)} ms; ` +
      `buildings summary p50 ${base.p50.toFixed(0)} ms, p95 ${base.p95.toFixed(0)} ms (dashboard / summary p95: ${(dash.p95 / base.p95).toFixed(2)}); load ${load()}\n`,
  );
}

const mapping = {
  columns: {
    SiteID: 'structure_ref',
    Longitude: 'lon',
    Latitude: 'lat',
    Main_Damage_Site_Class: 'damage_class',
    SensorDate: 'imagery_date',
  } as const,
  toleranceM: 15,
};

async function main() {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  process.stdout.write(`${command}\n${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, node ${process.version}, load ${load()}\n`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const store = await openStore({ dataDir, max: 4 });
  try {
    const orgId = await createOrganisation(store.pool, 'Benchmark organisation');
    await createUser(store.pool, { orgId, username: 'engineer', password: 'benchmark-password-1', role: 'engineer', governorates: GAZA });
    const actor = actorOf((await findUserByName(store.pool, 'engineer'))!);
    const rnd = random(16);
    let t = performance.now();
    const buildings = pointsInGaza(BUILDINGS, rnd);
    await loadBuildings(store.pool, orgId, buildings);
    process.stdout.write(
      `loaded ${BUILDINGS.toLocaleString('en')} buildings in ${((performance.now() - t) / 1000).toFixed(1)} s (untimed)\n`,
    );
    for (const [name, date] of [
      ['first file', '2024-01-06'],
      ['later imagery', '2025-08-05'],
    ] as const) {
      const text = damageCsv(buildings, rnd, date);
      const cpu0 = process.cpuUsage();
      const pg0 = pgCpuSeconds(path.join(dataDir, 'pg'));
      t = performance.now();
      const s = await importDamage(store.pool, actor, {
        fileName: `${name}.csv`,
        sha256: createHash('sha256').update(text).digest('hex'),
        format: 'csv',
        mapping,
        records: damageRecords(text, 'csv', mapping),
        today: '2026-12-06',
      });
      const seconds = (performance.now() - t) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const pg1 = pgCpuSeconds(path.join(dataDir, 'pg'));
      const cpuText = `CPU: node ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, PostgreSQL ${pg0 === null || pg1 === null ? '?' : (pg1 - pg0).toFixed(1)} s`;
      process.stdout.write(
        `${name}: ${s.rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(s.rows / seconds).toLocaleString('en')} rows/s): ` +
          `${s.matched.toLocaleString('en')} matched, ${s.buildingsCreated.toLocaleString('en')} new buildings, ${s.quarantined.toLocaleString('en')} quarantined; ` +
          `target < 60 s: ${seconds < 60 ? 'met' : 'NOT met'}; ${cpuText}; load ${load()}\n`,
      );
    }
    await timeDashboard(store.pool, orgId, load);
    const q = await store.pool.query<{ reason: string; n: number }>(
      "SELECT e->>'reason' AS reason, count(*)::int AS n FROM damage_quarantine, jsonb_array_elements(errors) e GROUP BY 1 ORDER BY 2 DESC",
    );
    process.stdout.write(`quarantine reasons: ${q.rows.map((r) => `${r.reason} ${r.n.toLocaleString('en')}`).join(', ')}\n`);
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
