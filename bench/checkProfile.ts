// Where the check while typing spends its time, draft by draft, on a registry a `bench:national
// --keep` run left (a copy of it: the store is opened for reading and writing). For the same random
// persons as bench:national (TABLESAMPLE ... REPEATABLE (2026)) and the same three kinds of draft,
// checkDraft is called in-process with every query timed; the slowest drafts are printed with the
// SQL time, the JS time and the number of candidates, and EXPLAIN (ANALYZE, BUFFERS) of the slowest
// query.
//
//   nice -n 10 node bin/run.js bench/checkProfile.ts --reuse DIR [--queries 300] [--explain 3]
import path from 'node:path';
import type pg from 'pg';
import type { Actor } from '../src/access/actor.ts';
import { governorateCodes } from '../src/places/governorates.ts';
import { checkDraft, type Draft } from '../src/store/duplicates/check.ts';
import { openStore } from '../src/store/open.ts';
import { type DraftSource, draftOf as draftRecord, newPersonSources, variant } from './drafts.ts';

const draftOf = (p: Sample): Draft => draftRecord(p as Sample & DraftSource);
import { numberArg, stringArg } from './args.ts';

const ROOT = stringArg('reuse');
const QUERIES = numberArg('queries', 300);
const EXPLAIN = numberArg('explain', 3);
if (!ROOT) throw new Error('--reuse DIR is required');

type Sample = Record<string, string | null> & { id: string };

type Timed = { sql: string; params: unknown[]; ms: number; rows: number };

/** A pool whose queries are timed (checkDraft only calls query). */
function timedPool(pool: pg.Pool, log: Timed[]): pg.Pool {
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'connect')
        return async () => {
          const c = await target.connect();
          const query = c.query.bind(c);
          (c as { query: unknown }).query = async (sql: string, params?: unknown[]) => {
            const t = process.hrtime.bigint();
            const r = await query(sql, params);
            if (!/^(BEGIN|SET|COMMIT)/.test(sql))
              log.push({ sql, params: params ?? [], ms: Number(process.hrtime.bigint() - t) / 1e6, rows: r.rowCount ?? 0 });
            return r;
          };
          const release = c.release.bind(c);
          c.release = (e?: Error | boolean) => {
            (c as { query: unknown }).query = query;
            release(e);
          };
          return c;
        };
      if (prop !== 'query') return Reflect.get(target, prop);
      return async (sql: string, params: unknown[]) => {
        const t = process.hrtime.bigint();
        const r = await target.query(sql, params);
        log.push({ sql, params, ms: Number(process.hrtime.bigint() - t) / 1e6, rows: r.rowCount ?? 0 });
        return r;
      };
    },
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function main() {
  const store = await openStore({ dataDir: path.join(ROOT!, 'data'), durable: true, max: 4 });
  try {
    const org = await store.pool.query<{ org_id: string; id: string }>("SELECT org_id, id FROM app_user WHERE username = 'bench-national'");
    const actor: Actor = { userId: org.rows[0]!.id, orgId: org.rows[0]!.org_id, role: 'administrator', governorates: governorateCodes };
    const sample = (
      await store.pool.query<Sample>(
        `SELECT id, national_id, full_name, given_name, father_name, grandfather_name, family_name, sex,
                date_of_birth::text, dob_precision, governorate
         FROM person TABLESAMPLE BERNOULLI ($1) REPEATABLE (2026) LIMIT $2`,
        [Math.min(100, ((QUERIES * 3) / 5_500_000) * 100), QUERIES],
      )
    ).rows;
    // a person not registered: a sampled person's names with another sampled person's family name
    // (the first pass finds no likely match, so the second pass on given, father and grandfather runs)
    const newPerson = (s: Sample, i: number): Draft | undefined => {
      const other = sample[(i * 7 + 3) % sample.length]!;
      if (!other.family_name || other.family_name === s.family_name) return undefined;
      return { ...draftOf(s), familyName: variant(other.family_name) };
    };
    const registered = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM person')).rows[0]!.n;
    const drawn = newPersonSources(registered, sample.length);
    const kinds: [string, (s: Sample, i: number) => Draft | undefined][] = [
      ['a new person (drawn as the registry, bench:national)', (_s, i) => draftOf(drawn[i] as Sample & DraftSource)],
      ['a new person (another family name)', newPerson],
      ['retyped, no ID', (s) => draftOf(s)],
      ['retyped, with the ID', (s) => (s.national_id ? { ...draftOf(s), nationalId: s.national_id } : undefined)],
      [
        'given + family only',
        (s) => (s.given_name && s.family_name ? { givenName: variant(s.given_name), familyName: variant(s.family_name) } : undefined),
      ],
    ];
    for (const [kind, make] of kinds) {
      const rows: {
        ms: number;
        sqlMs: number;
        cands: number;
        found: boolean;
        log: Timed[];
        draft: Draft;
        wrongSex: boolean;
        likely: boolean;
      }[] = [];
      for (const [i, s] of sample.entries()) {
        const draft = make(s, i);
        if (!draft) continue;
        const log: Timed[] = [];
        const t = process.hrtime.bigint();
        const r = await checkDraft(timedPool(store.pool, log), actor, draft);
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (i < 10) continue; // warm-up
        const wrongSex = r.matches.some(
          (m) => m.probability > 0.5 && draft.sex !== undefined && m.person.sex && m.person.sex !== draft.sex,
        );
        rows.push({
          ms,
          sqlMs: log.reduce((a, x) => a + x.ms, 0),
          cands: r.candidates,
          found: r.matches.some((m) => m.person.id === s.id),
          log,
          draft,
          wrongSex,
          likely: r.matches.some((m) => m.decision === 'likely_same'),
        });
      }
      const ms = rows.map((r) => r.ms);
      const sql = rows.map((r) => r.sqlMs);
      process.stdout.write(
        `\n## ${kind}: n ${rows.length}, wall p50 ${pct(ms, 50).toFixed(1)} p95 ${pct(ms, 95).toFixed(1)} p99 ${pct(ms, 99).toFixed(1)} ms; ` +
          `SQL p50 ${pct(sql, 50).toFixed(1)} p99 ${pct(sql, 99).toFixed(1)} ms; candidates p50 ${pct(
            rows.map((r) => r.cands),
            50,
          )} p99 ${pct(
            rows.map((r) => r.cands),
            99,
          )}; answered ${((rows.filter((r) => r.found).length / rows.length) * 100).toFixed(1)}%; another sex above 50%: ${rows.filter((r) => r.wrongSex).length}; "likely the same" shown: ${rows.filter((r) => r.likely).length}\n`,
      );
      const slow = [...rows].sort((a, b) => b.ms - a.ms).slice(0, 8);
      for (const r of slow)
        process.stdout.write(
          `  ${r.ms.toFixed(1)} ms (SQL ${r.log.map((x) => `${x.ms.toFixed(1)}/${x.rows}`).join(' + ')}), ${r.cands} candidates, year ${r.draft.dateOfBirth ?? '-'}\n`,
        );
      for (const r of slow.slice(0, EXPLAIN)) {
        const q = [...r.log].sort((a, b) => b.ms - a.ms)[0]!;
        const plan = await store.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
        process.stdout.write(`\n  EXPLAIN of the slowest query (${q.ms.toFixed(1)} ms):\n`);
        for (const l of plan.rows) process.stdout.write(`    ${l['QUERY PLAN']}\n`);
      }
    }
  } finally {
    await store.close();
  }
}

await main();
