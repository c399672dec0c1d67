// Where a person search's time goes (issue #14), in the process, on a registry a `bench:national
// --keep` run left: per request the session's lookup (authenticate), the search's queries
// (searchPersons) and its read log (logPersonsShown, with the commit's flush deferred as the route
// does it, and waiting for the flush as before), each timed alone over the same random persons as
// bench:national picks. With --explain N: EXPLAIN (ANALYZE, BUFFERS) of the N slowest Latin searches' queries.
//
//   nice -n 10 node bin/run.js bench/searchParts.ts --reuse DIR [--queries 300] [--explain 3]
import path from 'node:path';
import type { Actor } from '../src/access/actor.ts';
import { governorateCodes } from '../src/places/governorates.ts';
import { namePlan, searchKeys } from '../src/registry/personSearch.ts';
import { authenticate } from '../src/store/access/authenticate.ts';
import { createSession } from '../src/store/access/sessions.ts';
import { openStore, type Store } from '../src/store/open.ts';
import { logPersonsShown } from '../src/store/registry/logPersonsShown.ts';
import { searchPersons } from '../src/store/registry/searchPersons.ts';
import { appendLog } from '../src/store/write.ts';
import { numberArg, stringArg } from './args.ts';
import { latencies } from './lookupData.ts';

const DIR = stringArg('reuse');
const QUERIES = numberArg('queries', 300);
const EXPLAIN = numberArg('explain', 0);
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

type Sample = { id: string; national_id: string | null; full_name: string; full_name_en: string | null };
type Kind = { name: string; bodies: { nationalId?: string; query?: string }[] };
type Parts = Record<'auth' | 'search' | 'logDeferred' | 'logDurable', number[]>;

async function timeKind(store: Store, actor: Actor, token: string, kind: Kind): Promise<{ parts: Parts; slow: [number, string][] }> {
  const parts: Parts = { auth: [], search: [], logDeferred: [], logDurable: [] };
  const slow: [number, string][] = [];
  for (const [i, body] of kind.bodies.entries()) {
    let t = process.hrtime.bigint();
    await authenticate(store.pool, token, 'bench');
    const auth = ms(t);
    const keys = searchKeys(body);
    t = process.hrtime.bigint();
    const r = await searchPersons(store.pool, actor, {
      name: body.query,
      nationalId: keys.nationalId,
      limit: 20,
      offset: 0,
      phone: undefined,
    });
    const search = ms(t);
    const ids = r.items.map((p) => p.id);
    t = process.hrtime.bigint();
    await logPersonsShown(store.pool, actor, 'search', ids, { by: [body.query ? 'name' : 'national_id'] });
    const deferred = ms(t);
    t = process.hrtime.bigint();
    await appendLog(store.pool, actor, {
      entity: 'person_list',
      entityId: null,
      action: 'read',
      after: { via: 'search', shown: ids.length, ids },
    });
    const durable = ms(t);
    if (i < 20) continue; // warm-up, as bench:national
    parts.auth.push(auth);
    parts.search.push(search);
    parts.logDeferred.push(deferred);
    parts.logDurable.push(durable);
    if (body.query) slow.push([search, body.query]);
  }
  return { parts, slow: slow.sort((a, b) => b[0] - a[0]) };
}

async function explainQuery(store: Store, actor: Actor, query: string): Promise<void> {
  const plan = namePlan(query);
  const params: unknown[] = [actor.orgId, actor.governorates, ...plan.groups];
  const cond = plan.groups.map((_, i) => `p.name_tokens && $${i + 3}::text[]`).join(' AND ');
  const sql = `EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM person p WHERE p.org_id = $1 AND p.governorate = ANY($2::text[]) AND ${cond} LIMIT 501`;
  const r = await store.pool.query<{ 'QUERY PLAN': string }>(sql, params);
  const sizes = await store.pool.query<{ t: string; n: number }>(
    `SELECT t, (SELECT count(*) FROM person WHERE name_tokens @> ARRAY[t])::int AS n FROM unnest($1::text[]) t`,
    [[...new Set(plan.groups.flat())]],
  );
  process.stdout.write(
    `\n${plan.groups.map((g) => `[${g.join(' ')}]`).join(' ')}\n  token counts: ${sizes.rows.map((s) => `${s.t} ${s.n}`).join(', ')}\n${r.rows.map((x) => `  ${x['QUERY PLAN']}`).join('\n')}\n`,
  );
}

async function main(): Promise<void> {
  if (!DIR) throw new Error('--reuse DIR: a directory a bench:national --keep run left');
  const store = await openStore({ dataDir: path.join(DIR, 'data'), durable: true, max: 10 });
  try {
    const u = (await store.pool.query<{ id: string; org_id: string }>("SELECT id, org_id FROM app_user WHERE username = 'bench-national'"))
      .rows[0]!;
    const actor: Actor = { userId: u.id, orgId: u.org_id, role: 'administrator', governorates: [...governorateCodes], deviceId: 'bench' };
    const token = (await createSession(store.pool, u.id)).token;
    const count = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM person')).rows[0]!.n;
    const sample = (
      await store.pool.query<Sample>(
        'SELECT id, national_id, full_name, full_name_en FROM person TABLESAMPLE BERNOULLI ($1) REPEATABLE (2026) LIMIT $2',
        [Math.min(100, ((QUERIES * 3) / count) * 100), QUERIES],
      )
    ).rows;
    const kinds: Kind[] = [
      { name: 'ID lookup', bodies: sample.filter((s) => s.national_id).map((s) => ({ nationalId: s.national_id! })) },
      { name: 'name (Arabic)', bodies: sample.map((s) => ({ query: s.full_name })) },
      { name: 'name (Latin)', bodies: sample.filter((s) => s.full_name_en).map((s) => ({ query: s.full_name_en! })) },
    ];
    process.stdout.write('| request | part | n | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n');
    for (const kind of kinds) {
      const { parts, slow } = await timeKind(store, actor, token, kind);
      for (const [part, times] of Object.entries(parts)) {
        const l = latencies(times);
        process.stdout.write(`| ${kind.name} | ${part} | ${l.n} | ${l.p50.toFixed(2)} | ${l.p95.toFixed(2)} | ${l.p99.toFixed(2)} |\n`);
      }
      if (kind.name === 'name (Latin)') for (const [, q] of slow.slice(0, EXPLAIN)) await explainQuery(store, actor, q);
    }
  } finally {
    await store.close();
  }
}

await main();
