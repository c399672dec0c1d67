// Rule preview benchmark: POST /api/v1/aid/programmes/preview over a registry of N households
// (default 1,000,000), through the API (app.inject: routing, validation, the store, the answer's
// schema), as a distribution officer of every governorate. Several rule sets, each answered RUNS
// times after one warm-up: p50 and p95 per rule set and over all. Target: under 2 s.
//
//   nice -n 10 npm run bench:preview [-- --households 1000000 --runs 5]
//
// With --before, each rule set is also answered once the way the preview worked before migration
// 0026: the same aggregate over the cycle snapshot SQL (every current member joined to its person,
// the latest displacement, the vulnerabilities), straight from the registry.
//
// The registry is made in SQL (bench/registrySql.ts) on the first run and kept in
// .tmp/bench-preview-N for the next ones. The first preview after the load computes every
// household's profile (reported: "profiles built").
import os from 'node:os';
import { itemQuantitySql, previewItems } from '../src/aid/preview.ts';
import { Params, type Rule, RulesSchema } from '../src/aid/rules.ts';
import { buildApp } from '../src/api/app.ts';
import { SNAPSHOT } from '../src/store/aid/generate.ts';
import { withFreshProfiles } from '../src/store/aid/householdProfile.ts';
import type { Store } from '../src/store/open.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { openStore } from '../src/store/open.ts';
import { numberArg } from './args.ts';
import { pct } from './lookupData.ts';
import { benchActor, benchDir, householdsOf, loadRegistry } from './registrySql.ts';

const HOUSEHOLDS = numberArg('households', 1_000_000);
const RUNS = numberArg('runs', 5);
const BEFORE = process.argv.includes('--before');
const dataDir = benchDir(`bench-preview-${HOUSEHOLDS}`);
const command = `nice -n 10 npm run bench:preview -- --households ${HOUSEHOLDS} --runs ${RUNS}${BEFORE ? ' --before' : ''}`;
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

/** The preview's SQL before this change: the numeric quantities computed a household. */
function previewSqlBefore(rules: readonly Rule[], p: Params, snapshotSql: string): string {
  const items = previewItems(rules);
  const qs = items.map((it, i) => `${itemQuantitySql(rules, it, p)} AS q${i}`);
  const any = items.length ? items.map((_, i) => `x.q${i} > 0`).join(' OR ') : 'false';
  const cols = [
    'count(*)::int AS households',
    `count(*) FILTER (WHERE ${any})::int AS selected`,
    ...items.flatMap((_, i) => [`count(*) FILTER (WHERE x.q${i} > 0)::int AS h${i}`, `coalesce(sum(x.q${i}), 0)::float8 AS t${i}`]),
  ];
  return `SELECT ${cols.join(', ')} FROM (SELECT s.household_id${qs.map((q) => `, ${q}`).join('')} FROM (${snapshotSql}) s) x`;
}

/** The preview as it was before migration 0026: the aggregate over the snapshot SQL, from the registry. */
async function previewBefore(store: Store, orgId: string, rules: unknown[]): Promise<{ ms: number; selected: number }> {
  const t0 = performance.now();
  const day = (
    await store.pool.query<{ d: string; c18: string; c60: string }>(
      "SELECT current_date::text AS d, (current_date - interval '18 years')::date::text AS c18, (current_date - interval '60 years')::date::text AS c60",
    )
  ).rows[0]!;
  const p = new Params(5);
  const sql = previewSqlBefore(RulesSchema.parse(rules), p, SNAPSHOT);
  const r = (await store.pool.query<{ selected: number }>(sql, [null, orgId, day.d, day.c18, day.c60, ...p.values])).rows[0]!;
  return { ms: performance.now() - t0, selected: r.selected };
}

async function main() {
  const store = await openStore({ dataDir, max: 10 });
  try {
    const actor = await benchActor(store, 'Preview benchmark');
    const have = await householdsOf(store, actor.orgId);
    if (have !== HOUSEHOLDS) {
      if (have > 0) throw new Error(`${dataDir} holds ${have} households; remove it to start again.`);
      await loadRegistry(store, actor, HOUSEHOLDS);
    } else log(`reusing ${have.toLocaleString('en')} households in ${dataDir}`);
    const tb = performance.now();
    const built = await withFreshProfiles(store.pool, async (_c, n) => n);
    const buildMs = performance.now() - tb;
    log(`profiles built for ${built.toLocaleString('en')} households in ${(buildMs / 1000).toFixed(1)} s`);
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
      const before = BEFORE ? await previewBefore(store, actor.orgId, set.rules) : undefined;
      if (before) log(`${set.name}: before 0026 ${before.ms.toFixed(0)} ms`);
      const first = await preview(set.rules); // warm-up
      const times: number[] = [];
      let last = first.body;
      for (let i = 0; i < RUNS; i++) {
        const r = await preview(set.rules);
        times.push(r.ms);
        last = r.body;
      }
      all.push(...times);
      log(`${set.name}: first ${first.ms.toFixed(0)} ms, p50 ${pct(times, 50).toFixed(0)} ms`);
      if (before && before.selected !== last.selected) throw new Error(`${set.name}: ${before.selected} before, ${last.selected} now`);
      rows.push(
        `| ${set.name} | ${last.selected.toLocaleString('en')} of ${last.households.toLocaleString('en')} | ${before ? `${(before.ms / 1000).toFixed(1)} s` : 'not measured'} | ${first.ms.toFixed(0)} ms | ${pct(times, 50).toFixed(0)} ms | ${pct(times, 95).toFixed(0)} ms |`,
      );
    }
    await app.close();
    const lines = [
      `Rule preview over ${HOUSEHOLDS.toLocaleString('en')} households (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}), embedded PostgreSQL, through the API; ${RUNS} runs per rule set after the first`,
      '',
      `profiles built (the first preview after the load, ${built.toLocaleString('en')} households): ${(buildMs / 1000).toFixed(1)} s`,
      '',
      '| rule set | households selected | before 0026 (one answer) | first answer | p50 | p95 |',
      '|---|---|---|---|---|---|',
      ...rows,
      `| all rule sets (${all.length} answers) | | | | ${pct(all, 50).toFixed(0)} ms | ${pct(all, 95).toFixed(0)} ms |`,
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
