// The registry's deduplication end to end, as an operator runs it: a synthetic registry written as
// a CSV file, imported with `sanad import persons`, deduplicated with `sanad duplicates`, scored
// from `sanad export links` against the truth exactly as `sanad link` is (pairwise precision,
// recall, F1), with the review queue per 1,000 persons, the times, the calibration of the shown
// percentages, and the check while typing (POST /api/v1/duplicates/check) before the first run
// (the model shipped with Sanad) and after it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../../src/api/app.ts';
import { governorateCodes } from '../../src/places/governorates.ts';
import { createOrganisation, createUser } from '../../src/store/access/createUser.ts';
import { createSession } from '../../src/store/access/sessions.ts';
import type { Store } from '../../src/store/open.ts';
import { writePersonsCsv } from '../../src/synthetic/csv.ts';
import type { SyntheticPerson } from '../../src/synthetic/households.ts';
import { Rng } from '../../src/synthetic/random.ts';
import { type RegistryScores, scoreRegistry, type StoredPair } from './score.ts';

export type RegistryCase = {
  name: string;
  /** the registry's records with their truth (records of one person share `cluster`) */
  records: (SyntheticPerson & { cluster: string })[];
  /** people not in the registry (drafts of new registrations, many of them relatives of registered people) */
  newcomers: SyntheticPerson[];
  /** load with `sanad seed --households N` (the records are then what it loads) instead of importing a file */
  seedHouseholds?: number;
  /** second registrations of registered people, as made in the field (errors, Latin-only names, no ID...) */
  fieldDrafts?: (SyntheticPerson & { cluster: string })[];
  /** registered after the first run, then `sanad duplicates --incremental` (timed) */
  increment?: SyntheticPerson[];
};

export type CheckScore = {
  drafts: number;
  first: number;
  /** field re-registrations sent as drafts, and how often their person came first */
  fieldDrafts: number;
  fieldFirst: number;
  /** matches shown at 90% or more, and how many were the draft's person */
  shown90: number;
  shown90True: number;
  likelyWrong: number;
  otherSexAbove50: number;
  p50: number;
  p95: number;
};
export type CaseResult = RegistryScores & {
  name: string;
  importS: number;
  dedupeS: number;
  before: CheckScore;
  after: CheckScore;
  /** the check on stored pairs (one record as the draft): mean |check - stored| probability, same band (>= 90% or not) */
  consistency: { pairs: number; meanDiff: number; sameBand: number } | null;
  /** `sanad duplicates --incremental` after registering `increment` persons: its wall time */
  incremental: { persons: number; seconds: number; line: string } | null;
};

type Sanad = (args: string[]) => Promise<{ code: number | null; out: string; err: string }>;

function cli(url: string): Sanad {
  return (args) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, ['bin/sanad.js', ...args], {
        env: { ...process.env, DATABASE_URL: url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '',
        err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => resolve({ code, out, err }));
    });
}

const must = async (r: Promise<{ code: number | null; out: string; err: string }>, what: string) => {
  const x = await r;
  if (x.code !== 0) throw new Error(`${what} failed: ${x.err || x.out}`);
  return x;
};

/** Spellings as often typed: hamza dropped, final taa marbuta as haa, alef maqsura as yaa, عبد ال joined. */
export const retyped = (s: string | undefined): string | undefined =>
  s
    ?.replace(/[أإآ]/g, 'ا')
    .replace(/ة(?=\s|$)/g, 'ه')
    .replace(/ى(?=\s|$)/g, 'ي')
    .replace(/عبد ال/g, 'عبدال');

/** A field registration as typed: its fields as they are (spelling, Latin-only names, partial dates, mistyped IDs). */
const fieldDraftOf = (p: SyntheticPerson) => ({
  ...(p.givenName ? { givenName: p.givenName } : {}),
  ...(p.fatherName ? { fatherName: p.fatherName } : {}),
  ...(p.grandfatherName ? { grandfatherName: p.grandfatherName } : {}),
  ...(p.familyName ? { familyName: p.familyName } : {}),
  ...(p.fullNameEn ? { fullNameEn: p.fullNameEn } : {}),
  sex: p.sex,
  ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
  ...(p.nationalId ? { nationalId: p.nationalId } : {}),
  ...(p.phone ? { phone: p.phone } : {}),
  governorate: p.governorate,
});

const draftOf = (p: SyntheticPerson, withId: boolean) => ({
  ...(p.givenName ? { givenName: retyped(p.givenName) } : {}),
  ...(p.fatherName ? { fatherName: retyped(p.fatherName) } : {}),
  ...(p.grandfatherName ? { grandfatherName: retyped(p.grandfatherName) } : {}),
  ...(p.familyName ? { familyName: retyped(p.familyName) } : {}),
  ...(!p.givenName && p.fullNameEn ? { fullNameEn: p.fullNameEn } : {}),
  sex: p.sex,
  ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
  ...(withId && p.nationalId ? { nationalId: p.nationalId } : {}),
  governorate: p.governorate,
});

type Match = { person: { id: string; sex: string | null }; probability: number; decision: string };

/** Drafts of registered people (retyped, half with their ID) and of newcomers, sent one by one. */
/** Checks per session: the check is limited to 300 a minute per credential, so the drafts are sent as several officers would send them. */
const CHECKS_PER_SESSION = 250;

async function checkDrafts(
  base: string,
  session: () => Promise<string>,
  c: RegistryCase,
  truthOf: Map<string, string>,
  n: number,
  rng: Rng,
): Promise<CheckScore> {
  let headers = { authorization: '', 'content-type': 'application/json' };
  let sent = 0;
  const originals = c.records.filter((r) => r.givenName);
  const times: number[] = [];
  let first = 0,
    drafts = 0,
    likelyWrong = 0,
    otherSex = 0,
    fieldFirst = 0,
    shown90 = 0,
    shown90True = 0;
  const tally = (matches: Match[], cluster: string | undefined, sex: string) => {
    for (const m of matches) {
      if (m.person.sex && m.person.sex !== sex && m.probability > 0.5) otherSex++;
      if (m.probability >= 0.9) {
        shown90++;
        if (cluster !== undefined && truthOf.get(m.person.id) === cluster) shown90True++;
      }
    }
  };
  const send = async (body: object) => {
    if (sent++ % CHECKS_PER_SESSION === 0) headers = { ...headers, authorization: `Bearer ${await session()}` };
    const t = performance.now();
    const res = await fetch(`${base}/api/v1/duplicates/check`, { method: 'POST', headers, body: JSON.stringify(body) });
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`check: HTTP ${res.status} ${await res.text()}`);
    return ((await res.json()) as { matches: Match[] }).matches;
  };
  for (let k = 0; k < n; k++) {
    const p = originals[Math.floor(rng.next() * originals.length)]!;
    const matches = await send(draftOf(p, k % 2 === 1));
    drafts++;
    if (matches[0] && truthOf.get(matches[0].person.id) === p.cluster) first++;
    tally(matches, p.cluster, p.sex);
  }
  const field = (c.fieldDrafts ?? []).slice(0, n);
  for (const p of field) {
    const matches = await send(fieldDraftOf(p));
    if (matches[0] && truthOf.get(matches[0].person.id) === p.cluster) fieldFirst++;
    tally(matches, p.cluster, p.sex);
  }
  for (const p of c.newcomers.slice(0, n)) {
    const matches = await send(draftOf(p, false));
    for (const m of matches) if (m.decision === 'likely_same') likelyWrong++;
    tally(matches, undefined, p.sex);
  }
  times.sort((x, y) => x - y);
  const pct = (q: number) => times[Math.min(times.length - 1, Math.floor((times.length * q) / 100))] ?? 0;
  return {
    drafts,
    first,
    fieldDrafts: field.length,
    fieldFirst,
    shown90,
    shown90True,
    likelyWrong,
    otherSexAbove50: otherSex,
    p50: pct(50),
    p95: pct(95),
  };
}

/** One registry: a new organisation and administrator, import, check, dedupe, export, check again. */
export async function runCase(store: Store, dir: string, c: RegistryCase, drafts: number): Promise<CaseResult> {
  const sanad = cli(store.url);
  const tag = `${c.name.replace(/[^a-z0-9]+/gi, '-')}-${Date.now()}`;
  const orgId = await createOrganisation(store.pool, `Benchmark ${tag}`);
  const username = `bench-${tag}`;
  const userId = await createUser(store.pool, { orgId, username, role: 'administrator', governorates: [...governorateCodes] });
  const file = path.join(dir, `${tag}.csv`);
  let t = performance.now();
  if (c.seedHouseholds) await must(sanad(['seed', '--households', String(c.seedHouseholds), '--user', username, '--no-progress']), 'seed');
  else {
    await writePersonsCsv(c.records, file);
    t = performance.now();
    await must(sanad(['import', 'persons', file, '--user', username, '--no-progress']), 'import');
  }
  const importS = (performance.now() - t) / 1000;
  const ids = await store.pool.query<{ id: string; record_id: string }>('SELECT id, record_id FROM person WHERE org_id = $1', [orgId]);
  const clusterOfRecord = new Map(c.records.map((r) => [r.recordId, r.cluster]));
  // a person the truth does not know is a person of its own
  const truthOf = new Map(ids.rows.map((r) => [r.id, clusterOfRecord.get(r.record_id) ?? r.id]));

  const session = async () => (await createSession(store.pool, userId)).token;
  const app = await buildApp({ store });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const before = await checkDrafts(base, session, c, truthOf, drafts, new Rng(7, 1));
    t = performance.now();
    await must(sanad(['duplicates', '--user', username, '--no-progress']), 'duplicates');
    const dedupeS = (performance.now() - t) / 1000;
    const links = path.join(dir, `${tag}.links.csv`);
    await must(sanad(['export', 'links', '--user', username, '--output', links]), 'export links');
    const after = await checkDrafts(base, session, c, truthOf, drafts, new Rng(7, 1));
    const scores = await score(store, orgId, ids.rows, truthOf, links);
    const consistency = await consistencyOf(store, orgId, base, await session(), c, ids.rows);
    let incremental: CaseResult['incremental'] = null;
    if (c.increment?.length) {
      const more = path.join(dir, `${tag}.more.csv`);
      await writePersonsCsv(c.increment, more);
      await must(sanad(['import', 'persons', more, '--user', username, '--no-progress']), 'import (increment)');
      t = performance.now();
      const r = await must(sanad(['duplicates', '--incremental', '--user', username, '--no-progress']), 'duplicates --incremental');
      incremental = { persons: c.increment.length, seconds: (performance.now() - t) / 1000, line: r.out.split('\n')[0] ?? '' };
    }
    return { ...scores, name: c.name, importS, dedupeS, before, after, incremental, consistency };
  } finally {
    await app.close();
  }
}

/** Pairwise scores of the exported identities, the review queue and the calibration of the stored pairs. */
async function score(store: Store, orgId: string, persons: { id: string }[], truthOf: Map<string, string>, linksFile: string) {
  const clusterOf = new Map<string, string>();
  for (const line of fs.readFileSync(linksFile, 'utf8').trim().split('\n').slice(1)) {
    const [, cluster, id] = line.split(',');
    clusterOf.set(id!, cluster!);
  }
  const pairs = (
    await store.pool.query<StoredPair>('SELECT person_a AS a, person_b AS b, status, probability FROM match_candidate WHERE org_id = $1', [
      orgId,
    ])
  ).rows;
  return scoreRegistry(
    persons.map((p) => p.id),
    (id) => truthOf.get(id)!,
    (id) => clusterOf.get(id),
    pairs,
  );
}

/** Up to 100 stored pairs: the second record sent as a draft; how close the check's probability for the first is to the stored one. */
async function consistencyOf(
  store: Store,
  orgId: string,
  base: string,
  token: string,
  c: RegistryCase,
  persons: { id: string; record_id: string }[],
): Promise<CaseResult['consistency']> {
  const pairs = (
    await store.pool.query<{ a: string; b: string; probability: number }>(
      'SELECT person_a AS a, person_b AS b, probability FROM match_candidate WHERE org_id = $1 ORDER BY id LIMIT 100',
      [orgId],
    )
  ).rows;
  if (pairs.length === 0) return null;
  const recordOf = new Map(persons.map((p) => [p.id, p.record_id]));
  const byRecord = new Map(c.records.map((r) => [r.recordId, r]));
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let n = 0,
    diff = 0,
    same = 0;
  for (const p of pairs) {
    const draft = byRecord.get(recordOf.get(p.b)!);
    if (!draft) continue;
    const res = await fetch(`${base}/api/v1/duplicates/check`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...fieldDraftOf(draft), limit: 50 }),
    });
    const m = ((await res.json()) as { matches: Match[] }).matches.find((x) => x.person.id === p.a);
    const q = m?.probability ?? 0;
    n++;
    diff += Math.abs(q - p.probability);
    if (q >= 0.9 === p.probability >= 0.9) same++;
  }
  return { pairs: n, meanDiff: diff / Math.max(1, n), sameBand: same / Math.max(1, n) };
}
