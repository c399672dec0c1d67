// The incremental run on the blocks a full run kept (blockIndex.ts): it reads the changed persons,
// the buckets of their blocks, the persons in those blocks (at most the engine's cap of a block,
// in id order, as the whole registry's index gives them) and the name counts, and compares exactly
// as dedupeChanged over the whole registry would. A kept entry is only a hint: every member is read
// again and kept only if it is in the actor's scope and its key now is the block's (persons changed
// since the full run left stale entries; deleted ones are not found).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { type PassSpec, sameBlock, stablePassKey } from '../../linkage/blocking.ts';
import { bucketOf, keptPasses, NameCounts, rowsOfKey } from '../../linkage/blockIndex.ts';
import { Dataset } from '../../linkage/dataset.ts';
import { prepare } from '../../linkage/engine.ts';
import { PreparedReader } from '../../linkage/preparedRows.ts';
import { CAP, type ChangedPairs, dedupeChangedWith } from '../../linkage/incrementalDedupe.ts';
import type { Model } from '../../linkage/model.ts';
import { REGISTRY_COLUMNS } from '../../linkage/registryScore.ts';
import type { LinkSettings } from '../../linkage/settings.ts';
import { scopeSql } from '../registry/scope.ts';
import {
  type BlockSet,
  CHUNK_ROWS,
  countedBefore,
  keptAmong,
  readAdded,
  readBuckets,
  readNameCounts,
  readRowIds,
  RowIds,
} from './blockIndex.ts';
import { RAW_COLUMNS, type RawPersonRow, rawRecord } from './records.ts';

/** Members read beyond a block's cap at first (entries that turn out stale or gone). */
const SLACK = 64;

/** One wanted block: pass p, key; its kept rows (id order), the persons added since, the changed persons in it. */
type Block = { p: number; key: number; rows: number[]; limit: number; added: string[]; changed: string[]; cap: number };

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The persons in scope created or changed since the run of model `modelId` began reading, in id order. */
export async function changedRecords(db: pg.Pool, actor: Actor, modelId: string): Promise<RawPersonRow[]> {
  const s = scopeSql('p', actor, 1);
  const r = await db.query<RawPersonRow>(
    `SELECT ${RAW_COLUMNS} FROM person p WHERE ${s.sql}
       AND p.updated_at >= (SELECT coalesce((m.stats->>'startedAt')::timestamptz, m.created_at) FROM linkage_model m WHERE m.id = $3)
     ORDER BY p.id`,
    [...s.params, modelId],
  );
  return r.rows;
}

/** The persons in scope among `ids` (the others are gone or outside the scope); a few batches at a time. */
async function personsInScopeById(db: pg.Pool, actor: Actor, ids: string[], into: Map<string, RawPersonRow>): Promise<void> {
  const s = scopeSql('p', actor, 1);
  const BATCH = 10_000;
  let next = 0;
  const worker = async () => {
    for (let k = next; k < ids.length; k = next) {
      next += BATCH;
      const r = await db.query<RawPersonRow>(
        `SELECT ${RAW_COLUMNS} FROM person p WHERE ${s.sql} AND p.id = ANY(string_to_array($3, ',')::uuid[])`,
        [...s.params, ids.slice(k, k + BATCH).join(',')],
      );
      for (const row of r.rows) into.set(row.id, row);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}

/** The blocks the changed persons are in, with their kept rows and the persons added since. */
async function wantedBlocks(db: pg.Pool, set: BlockSet, cds: Dataset, passes: PassSpec[], cap: number): Promise<Map<string, Block>> {
  const blocks = new Map<string, Block>();
  for (let i = 0; i < cds.n; i++)
    passes.forEach((pass, p) => {
      const key = stablePassKey(cds, pass, i);
      if (key === 0) return;
      const k = `${p}:${key}`;
      const b = blocks.get(k);
      if (b) b.changed.push(cds.ids[i]!);
      else blocks.set(k, { p, key, rows: [], limit: cap + Math.min(SLACK, cap), added: [], changed: [cds.ids[i]!], cap });
    });
  const list = [...blocks.values()];
  const wanted = new Map<string, { pass: number; bucket: number }>();
  for (const b of list) wanted.set(`${b.p}:${bucketOf(b.key, set.bits[b.p]!)}`, { pass: b.p, bucket: bucketOf(b.key, set.bits[b.p]!) });
  const buckets = await readBuckets(db, set.id, [...wanted.values()]);
  const added = await readAdded(
    db,
    set.id,
    list.map((b) => ({ pass: b.p, key: b.key })),
  );
  for (const b of list) {
    const entries = buckets.get(`${b.p}:${bucketOf(b.key, set.bits[b.p]!)}`);
    if (entries) rowsOfKey(entries, b.key, b.rows);
    b.added = added.get(`${b.p}:${b.key}`) ?? [];
  }
  return blocks;
}

/** The dataset read; the rows of the persons read by id; with prepared rows, the dataset's row of each kept row (-1 none). */
type Loaded = { ds: Dataset; rowOf: Map<string, number>; keptRow: Int32Array | null };

/** What the run has read so far: kept rows' ids, persons read by id, prepared rows by chunk. */
type State = {
  ids: RowIds;
  persons: Map<string, RawPersonRow>;
  asked: Set<string>;
  counts: NameCounts;
  prep: Prepared | null;
};

/** With prepared rows: the persons changed since the full run (read by id), the chunks, and per kept row how it is taken. */
type Prepared = {
  stale: Set<string>;
  /** no kept row's person is gone (counted): no probe */
  noneGone: boolean;
  /** the kept members' ids probed for gone persons */
  probed: number;
  chunks: Map<number, Buffer>;
  offsets: Map<number, Int32Array>;
  /** per kept row: 0 not taken, 1 taken prepared, 2 read by id (3 while being read) */
  taken: Uint8Array;
  /** the kept rows taken prepared, and those read by id */
  rows: number[];
  byId: number[];
  gone: Set<string>;
};

/** Reads the members of every block up to its limit that are not read yet, and prepares everyone read. */
async function load(db: pg.Pool, actor: Actor, set: BlockSet, settings: LinkSettings, blocks: Block[], st: State): Promise<Loaded> {
  const p = st.prep;
  // the kept rows not taken yet, each once (3: listed now)
  const keptRows: number[] = [];
  for (const b of blocks)
    for (let q = 0; q < Math.min(b.rows.length, b.limit); q++) {
      const r = b.rows[q]!;
      if (!p) keptRows.push(r);
      else if (p.taken[r] === 0) {
        p.taken[r] = 3;
        keptRows.push(r);
      }
    }
  await readRowIds(db, set.id, keptRows, st.ids, st.prep?.chunks);
  const ask: string[] = [];
  const probe: string[] = [];
  const want = (id: string) => {
    if (st.asked.has(id)) return;
    st.asked.add(id);
    ask.push(id);
  };
  for (const r of keptRows) {
    if (!p) {
      want(st.ids.get(r)!);
      continue;
    }
    const id = st.ids.get(r)!;
    if (p.stale.has(id) || !p.chunks.has(Math.floor(r / CHUNK_ROWS))) {
      p.taken[r] = 2;
      p.byId.push(r);
      want(id);
    } else {
      p.taken[r] = 1;
      p.rows.push(r);
      if (!p.noneGone) probe.push(id);
    }
  }
  for (const b of blocks) for (const id of b.added) want(id);
  if (p && !p.noneGone) p.probed += probe.length;
  await Promise.all([personsInScopeById(db, actor, ask, st.persons), p && !p.noneGone ? goneById(db, probe, p.gone) : null]);
  return build(set, settings, st);
}

/**
 * The dataset of everyone read, in id order: persons read by id prepared from their records, the
 * kept rows not changed since the full run as it prepared them (kept rows are in id order).
 */
function build(set: BlockSet, settings: LinkSettings, st: State): Loaded {
  const ds = new Dataset(settings, REGISTRY_COLUMNS);
  const p = st.prep;
  const reader = p && set.prep ? PreparedReader.of(ds, set.prep) : null;
  const raw = [...st.persons.values()].sort((a, b) => byId(a.id, b.id));
  const rows = p ? Int32Array.from(p.rows).sort() : new Int32Array(0);
  const keptRow = p ? new Int32Array(set.persons).fill(-1) : null;
  const rowOf = new Map<string, number>();
  let x = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const id = st.ids.get(r)!;
    if (p!.gone.size > 0 && p!.gone.has(id)) continue;
    for (; x < raw.length && raw[x]!.id < id; x++) rowOf.set(raw[x]!.id, ds.add(rawRecord(raw[x]!), 0));
    const c = Math.floor(r / CHUNK_ROWS);
    const chunk = p!.chunks.get(c)!;
    let off = p!.offsets.get(c);
    if (!off) p!.offsets.set(c, (off = reader!.offsets(chunk, Math.min(CHUNK_ROWS, set.persons - c * CHUNK_ROWS))));
    keptRow![r] = reader!.append(chunk, off[r - c * CHUNK_ROWS]!, id);
  }
  for (; x < raw.length; x++) rowOf.set(raw[x]!.id, ds.add(rawRecord(raw[x]!), 0));
  if (p) for (const r of p.byId) keptRow![r] = rowOf.get(st.ids.get(r)!) ?? -1;
  ds.finalize();
  st.counts.applyTo(ds);
  return { ds, rowOf, keptRow };
}

/** The ids among `ids` of persons that no longer exist (a kept row's person deleted since), a few batches at a time. */
async function goneById(db: pg.Pool, ids: string[], into: Set<string>): Promise<void> {
  const BATCH = 50_000;
  let next = 0;
  const worker = async () => {
    for (let k = next; k < ids.length; k = next) {
      next += BATCH;
      const r = await db.query<{ id: string }>(
        `SELECT x::text AS id FROM unnest(string_to_array($1, ',')::uuid[]) AS x
          WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = x)`,
        [ids.slice(k, k + BATCH).join(',')],
      );
      for (const row of r.rows) into.add(row.id);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}

/**
 * One pass over the organisation's persons for a run with prepared rows: the persons in scope
 * (`persons`), those unchanged since the full run began reading (`unchanged`), the persons changed
 * (or registered) since then in any scope (`stale`) and of them those registered before (`old`),
 * and the ids of the persons in scope changed since the run of model `modelId` (`fresh`, in id order).
 */
type Scan = { persons: number; unchanged: number; stale: Set<string>; old: string[]; fresh: string[] };

async function scanPersons(db: pg.Pool, actor: Actor, since: string, modelId: string): Promise<Scan> {
  const s = scopeSql('p', actor, 1);
  const r = await db.query<{
    persons: number;
    unchanged: number;
    ids: string[] | null;
    stale: boolean[] | null;
    old: boolean[] | null;
    fresh: boolean[] | null;
  }>(
    `WITH m AS (SELECT coalesce((m.stats->>'startedAt')::timestamptz, m.created_at) AS t FROM linkage_model m WHERE m.id = $4)
     SELECT count(*) FILTER (WHERE ${s.sql})::int AS persons,
       count(*) FILTER (WHERE ${s.sql} AND p.updated_at < $3::timestamptz)::int AS unchanged,
       array_agg(p.id::text ORDER BY p.id) FILTER (WHERE p.updated_at >= least($3::timestamptz, m.t)) AS ids,
       array_agg(p.updated_at >= $3::timestamptz ORDER BY p.id) FILTER (WHERE p.updated_at >= least($3::timestamptz, m.t)) AS stale,
       array_agg(p.updated_at >= $3::timestamptz AND p.created_at < $3::timestamptz ORDER BY p.id)
         FILTER (WHERE p.updated_at >= least($3::timestamptz, m.t)) AS old,
       array_agg(${s.sql} AND p.updated_at >= m.t ORDER BY p.id) FILTER (WHERE p.updated_at >= least($3::timestamptz, m.t)) AS fresh
     FROM person p LEFT JOIN m ON true WHERE p.org_id = $1`,
    [...s.params, since, modelId],
  );
  const row = r.rows[0]!;
  const ids = row.ids ?? [];
  const out: Scan = { persons: row.persons, unchanged: row.unchanged, stale: new Set(), old: [], fresh: [] };
  ids.forEach((id, k) => {
    if (row.fresh![k]) out.fresh.push(id);
    if (row.stale![k]) out.stale.add(id);
    if (row.old![k]) out.old.push(id);
  });
  return out;
}

/** The persons in scope with these ids (the changed ones), in id order. */
async function changedById(db: pg.Pool, actor: Actor, ids: string[]): Promise<RawPersonRow[]> {
  const s = scopeSql('p', actor, 1);
  const r = await db.query<RawPersonRow>(`SELECT ${RAW_COLUMNS} FROM person p WHERE ${s.sql} AND p.id = ANY($3::uuid[]) ORDER BY p.id`, [
    ...s.params,
    ids,
  ]);
  return r.rows;
}

/**
 * Whether no person of the kept rows is gone, by counting: the persons in scope unchanged since
 * the full run began reading were all read by it, so they are the kept rows less those of persons
 * changed since (`old`: changed since, registered before), exactly when none of the others is gone.
 */
async function noneGone(db: pg.Pool, set: BlockSet, scan: Scan): Promise<boolean> {
  return set.persons - (await keptAmong(db, set.id, scan.old)) === scan.unchanged;
}

type Members = { rows: number[]; short: boolean };

/**
 * The members of block `b` that share it with row i now, in row order, at most the cap; `short`
 * when the kept rows were read only in part and more of them may come before the last one taken.
 */
function members(l: Loaded, ids: RowIds, b: Block, pass: PassSpec, i: number, marks: Marks): Members {
  // each row looked at once a call (marked), those sharing the block listed
  const call = ++marks.call;
  const found: number[] = [];
  const takeRow = (j: number | undefined) => {
    if (j === undefined || j < 0 || marks.at[j] === call) return;
    marks.at[j] = call;
    if (sameBlock(l.ds, pass, i, j)) found.push(j);
  };
  const take = (id: string | undefined) => takeRow(id === undefined ? undefined : l.rowOf.get(id));
  const n = Math.min(b.rows.length, b.limit);
  if (l.keptRow) for (let q = 0; q < n; q++) takeRow(l.keptRow[b.rows[q]!]);
  else for (let q = 0; q < n; q++) take(ids.get(b.rows[q]!));
  for (const id of b.added) take(id);
  for (const id of b.changed) take(id);
  const rows = Array.from(Int32Array.from(found).sort().subarray(0, b.cap));
  if (n === b.rows.length) return { rows, short: false };
  // kept rows are in id order: one beyond the last read comes after it
  const last = ids.get(b.rows[n - 1]!)!;
  const before = rows.filter((j) => l.ds.ids[j]! <= last).length;
  return { rows, short: before < b.cap };
}

/** members()'s scratch: per row of the dataset the call that looked at it last. */
type Marks = { at: Int32Array; call: number };

/** members(), once per block and kind of member (the changed persons of a block share it, but for a collision of keys). */
function memoMembers(l: Loaded, ids: RowIds) {
  const memo = new Map<Block, { i: number; m: Members }[]>();
  const marks: Marks = { at: new Int32Array(l.ds.n), call: 0 };
  return (b: Block, pass: PassSpec, i: number): Members => {
    let list = memo.get(b);
    if (!list) memo.set(b, (list = []));
    for (const x of list) if (sameBlock(l.ds, pass, i, x.i)) return x.m;
    const m = members(l, ids, b, pass, i, marks);
    list.push({ i, m });
    return m;
  };
}

export type KeptCompared = {
  result: ChangedPairs;
  changed: string[];
  passes: PassSpec[];
  changedDs: Dataset;
  counts: NameCounts;
  /** seconds per stage, and the persons read */
  timings: Record<string, number>;
  /** the persons in scope (counted with the changed ones, with prepared rows) */
  persons?: number;
};

/** The changed persons compared against their blocks' members, from the kept blocks of `set`. */
export async function compareKept(
  db: pg.Pool,
  actor: Actor,
  settings: LinkSettings,
  model: Model,
  modelId: string,
  set: BlockSet,
  cap = CAP,
): Promise<KeptCompared> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (stage: string) => {
    timings[stage] = Math.round(performance.now() - t) / 1000;
    t = performance.now();
  };
  // the persons changed since the full run, read while the rest is (only with prepared rows)
  // with prepared rows one pass over the persons gives the changed ones, those changed since the
  // full run (read by id) and the count of the unchanged (noneGone)
  const scan = set.prep ? await scanPersons(db, actor, set.since, modelId) : null;
  const gone = scan ? noneGone(db, set, scan) : null;
  gone?.catch(() => undefined);
  const changedRows = scan ? await changedById(db, actor, scan.fresh) : await changedRecords(db, actor, modelId);
  const cds = prepare([changedRows.map(rawRecord)], settings, REGISTRY_COLUMNS);
  const passes = keptPasses(cds, settings)!;
  lap('readChanged');
  const blocks = await wantedBlocks(db, set, cds, passes, cap);
  lap('readBlocks');
  const { counts, baseTokens } = await readNameCounts(db, set.id);
  // the changed persons' names count as they are now (the whole registry's run counts everyone
  // read), not as they were counted before
  const delta = NameCounts.of(cds);
  delta.add(
    await countedBefore(
      db,
      set,
      changedRows.map((r) => r.id),
      baseTokens,
    ),
    -1,
  );
  counts.add(delta);
  lap('readCounts');
  const st: State = {
    ids: new RowIds(set.persons),
    persons: new Map(changedRows.map((r) => [r.id, r])),
    asked: new Set<string>(),
    counts,
    prep:
      scan && PreparedReader.of(cds, set.prep!)
        ? {
            stale: scan.stale,
            noneGone: (await gone)!,
            probed: 0,
            chunks: new Map(),
            offsets: new Map(),
            taken: new Uint8Array(set.persons),
            rows: [],
            byId: [],
            gone: new Set(),
          }
        : null,
  };
  for (const r of changedRows) st.asked.add(r.id);
  let pending = [...blocks.values()];
  let l = await load(db, actor, set, settings, pending, st);
  lap('readMembers');
  for (;;) {
    const of = memoMembers(l, st.ids);
    const short = new Set<Block>();
    for (const r of changedRows) {
      const i = l.rowOf.get(r.id)!;
      passes.forEach((pass, p) => {
        const b = blocks.get(`${p}:${stablePassKey(l.ds, pass, i)}`);
        if (b && of(b, pass, i).short) short.add(b);
      });
    }
    if (short.size === 0) break;
    pending = [...short];
    for (const b of pending) b.limit *= 2;
    l = await load(db, actor, set, settings, pending, st);
  }
  lap('moreMembers');
  const of = memoMembers(l, st.ids);
  const changed = changedRows.map((r) => l.rowOf.get(r.id)!).sort((x, y) => x - y);
  const result = dedupeChangedWith(l.ds, settings, model, changed, passes, (i, p, pass, out) => {
    const b = blocks.get(`${p}:${stablePassKey(l.ds, pass, i)}`);
    if (b) for (const j of of(b, pass, i).rows) out.push(j);
  });
  lap('compare');
  timings.persons = l.ds.n;
  // of them, taken as the full run prepared them (the others read by id and prepared)
  timings.prepared = st.prep ? st.prep.rows.length - st.prep.gone.size : 0;
  timings.probed = st.prep?.probed ?? 0;
  return {
    result,
    changed: changedRows.map((r) => r.id),
    passes,
    changedDs: cds,
    counts: delta,
    timings,
    ...(scan ? { persons: scan.persons } : {}),
  };
}
