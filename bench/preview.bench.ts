// Rule preview benchmark: POST /api/v1/aid/programmes/preview over a registry of N households
// (default 1,000,000), through the API (app.inject: routing, validation, the store, the answer's
// schema), as a distribution officer of every governorate. Several rule sets, each answered RUNS
// times after one warm-up: p50 and p95 per rule set and over all. Target: under 2 s.
//
//   nice -n 10 npm run bench:preview [-- --households 1000000 --runs 5]
//
// The registry is made in SQL (bench/registrySql.ts) on the first run and kept in
// .tmp/bench-preview-N for the next ones.
import os from 'node:os';
import { buildApp } from '../src/api/app.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { openStore } from '../src/store/open.ts';
import { numberArg } from './args.ts';
import { pct } from './lookupData.ts';
import { benchActor, benchDir, householdsOf, loadRegistry } from './registrySql.ts';

const HOUSEHOLDS = numberArg('households', 1_000_000);
const RUNS = numberArg('runs', 5);
const dataDir = benchDir(`bench-preview-${HOUSEHOLDS}`);
const command = `nice -n 10 npm run bench:preview -- --households ${HOUSEHOLDS} --runs ${RUNS}`;
const log = (s: string) => process.stderr.write(`${s}\n`);

/** Rule sets a programme officer might preview: simple to elaborate. */
export const RULE_SETS: { name: string; rules: unknown[] }[] = [
  { name: 'one parcel for every household', rules: [{ item: 'food_parcel', quantity: { base: 1 } }] },
  {
    name: 'parcels by size (2 rules)',
    rules: [
      { item: 'food_parcel', when: { maxSize: 5 }, quantity: { base: 1 } },
      { item: 'food_parcel', quantity: { base: 2 } },
    ],
  },
  {
    name: 'water per person in sites, camps and schools',
    rules: [{ item: 'water_l', when: { inSite: true, siteKinds: ['camp', 'school'] }, quantity: { perPerson: 15, max: 150 } }],
  },
  {
    name: 'cash for vulnerable households in 3 governorates',
    rules: [
      {
        item: 'cash_ils',
        when: { governorates: ['PS0265', 'PS0270', 'PS0275'], vulnerabilities: ['female_headed', 'disability', 'elderly_headed'] },
        quantity: { base: 100, perPerson: 50, max: 400 },
      },
    ],
  },
  {
    name: 'a full programme (5 rules, 4 items)',
    rules: [
      { item: 'food_parcel', when: { maxSize: 5 }, quantity: { base: 1 } },
      { item: 'food_parcel', quantity: { base: 2 } },
      { item: 'hygiene_kit', when: { displaced: true }, quantity: { base: 1 } },
      { item: 'water_l', when: { inSite: true }, quantity: { perPerson: 15, max: 150 } },
      {
        item: 'cash_ils',
        when: { vulnerabilities: ['female_headed', 'disability', 'chronic_illness', 'elderly_headed'] },
        quantity: { base: 100, perPerson: 50, max: 400 },
      },
    ],
  },
];

async function main() {
  const store = await openStore({ dataDir, max: 10 });
  try {
    const actor = await benchActor(store, 'Preview benchmark');
    const have = await householdsOf(store, actor.orgId);
    if (have !== HOUSEHOLDS) {
      if (have > 0) throw new Error(`${dataDir} holds ${have} households; remove it to start again.`);
      await loadRegistry(store, actor, HOUSEHOLDS);
    } else log(`reusing ${have.toLocaleString('en')} households in ${dataDir}`);
    const app = await buildApp({ store });
    const { token } = await createSession(store.pool, actor.userId);
    const preview = async (rules: unknown[]) => {
      const t0 = performance.now();
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/aid/programmes/preview',
        headers: { authorization: `Bearer ${token}` },
        payload: { rules },
      });
      if (r.statusCode !== 200) throw new Error(`preview answered ${r.statusCode}: ${r.body}`);
      return { ms: performance.now() - t0, body: r.json() as { households: number; selected: number } };
    };
    const rows: string[] = [];
    const all: number[] = [];
    for (const set of RULE_SETS) {
      const first = await preview(set.rules); // warm-up (and, when the preview keeps a snapshot, its build)
      const times: number[] = [];
      let last = first.body;
      for (let i = 0; i < RUNS; i++) {
        const r = await preview(set.rules);
        times.push(r.ms);
        last = r.body;
      }
      all.push(...times);
      log(`${set.name}: first ${first.ms.toFixed(0)} ms, p50 ${pct(times, 50).toFixed(0)} ms`);
      rows.push(
        `| ${set.name} | ${last.selected.toLocaleString('en')} of ${last.households.toLocaleString('en')} | ${first.ms.toFixed(0)} ms | ${pct(times, 50).toFixed(0)} ms | ${pct(times, 95).toFixed(0)} ms |`,
      );
    }
    await app.close();
    const lines = [
      `Rule preview over ${HOUSEHOLDS.toLocaleString('en')} households (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}), embedded PostgreSQL, through the API; ${RUNS} runs per rule set after the first`,
      '',
      '| rule set | households selected | first answer | p50 | p95 |',
      '|---|---|---|---|---|',
      ...rows,
      `| all rule sets (${all.length} answers) | | | ${pct(all, 50).toFixed(0)} ms | ${pct(all, 95).toFixed(0)} ms |`,
      '',
      `target: under 2,000 ms; machine at the end: load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
      `command: ${command}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await store.close();
  }
}

await main();
