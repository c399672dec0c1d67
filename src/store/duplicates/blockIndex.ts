// The blocks a full `sanad dedupe` keeps for the incremental runs (migration 0053, issue #11;
// src/linkage/blockIndex.ts says what is kept and why): written by COPY in the order of their
// index, read a bucket, a chunk of row ids and a name-count row at a time.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Actor } from '../../access/actor.ts';
import type { PassSpec } from '../../linkage/blocking.ts';
import { stablePassKey } from '../../linkage/blocking.ts';
import { blockSignature, keptPasses, NameCounts, nameTokens, passBuckets } from '../../linkage/blockIndex.ts';
import type { Dataset } from '../../linkage/dataset.ts';
import { type PreparedDicts, preparedChunks } from '../../linkage/preparedRows.ts';
import type { LinkSettings } from '../../linkage/settings.ts';

/** Rows a chunk of the row → person map holds. */
export const CHUNK_ROWS = 1024;

const uuidBytes = (id: string): Buffer => Buffer.from(id.replace(/-/g, ''), 'hex');

const HEX = Buffer.from('0123456789abcdef', 'latin1');
const uuidOut = Buffer.alloc(36);

/** The uuid of the 16 bytes at `at`, as text (one string made: written into a buffer, then decoded). */
function uuidText(b: Buffer, at: number): string {
  let o = 0;
  for (let k = 0; k < 16; k++) {
    if (k === 4 || k === 6 || k === 8 || k === 10) uuidOut[o++] = 45;
    const x = b[at + k]!;
    uuidOut[o++] = HEX[x >> 4]!;
    uuidOut[o++] = HEX[x & 15]!;
  }
  return uuidOut.toString('latin1', 0, 36);
}

/** Little-endian 32-bit integers of a bytea (copied when unaligned). */
export function int32s(b: Buffer): Int32Array {
  if (b.byteOffset % 4 === 0) return new Int32Array(b.buffer, b.byteOffset, b.length >> 2);
  return new Int32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
}

const int32Bytes = (a: Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** COPY ... FROM STDIN (FORMAT binary) of rows of fixed field kinds, buffered about 1 MB a write. */
class BinaryCopy {
  private parts: Buffer[] = [];
  private size = 0;
  private failure: unknown;
  private constructor(private readonly stream: NodeJS.WritableStream & { destroy(e?: Error): void }) {
    // an error of the COPY (e.g. the disk full) is thrown at the next write or at the end
    stream.on('error', (e) => {
      this.failure ??= e;
    });
    const head = Buffer.alloc(19);
    head.write('PGCOPY\n\xff\r\n\0', 0, 'latin1');
    this.push(head);
  }
  static open(c: pg.PoolClient, table: string, columns: string): BinaryCopy {
    return new BinaryCopy(c.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN (FORMAT binary)`)));
  }
  private push(b: Buffer): void {
    this.parts.push(b);
    this.size += b.length;
  }
  /** One row: each field a uuid (string), an int2 ('s' + number), an int4 (number) or bytes. */
  async row(fields: (string | number | Buffer | { int2: number })[]): Promise<void> {
    const head = Buffer.alloc(2);
    head.writeInt16BE(fields.length);
    this.push(head);
    for (const f of fields) {
      const body =
        typeof f === 'string' ? uuidBytes(f) : typeof f === 'number' ? Buffer.alloc(4) : Buffer.isBuffer(f) ? f : Buffer.alloc(2);
      if (typeof f === 'number') body.writeInt32BE(f);
      else if (!Buffer.isBuffer(f) && typeof f === 'object') body.writeInt16BE(f.int2);
      const len = Buffer.alloc(4);
      len.writeInt32BE(body.length);
      this.push(len);
      this.push(Buffer.isBuffer(f) ? Buffer.from(body) : body);
    }
    if (this.size > 1 << 20) await this.flush();
  }
  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const b = Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(b)) await once(this.stream, 'drain');
  }
  async end(): Promise<void> {
    const tail = Buffer.alloc(2);
    tail.writeInt16BE(-1);
    this.push(tail);
    await this.flush();
    this.stream.end();
    if (!this.failure) await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }
}

async function deleteSets(c: pg.PoolClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  for (const t of ['linkage_block', 'linkage_block_row', 'linkage_block_added', 'linkage_name_added', 'linkage_name_count'])
    await c.query(`DELETE FROM ${t} WHERE set_id = ANY($1::uuid[])`, [ids]);
  await c.query('DELETE FROM linkage_block_set WHERE id = ANY($1::uuid[])', [ids]);
}

/**
 * Keeps the blocks of a full run (model `modelId`) over dataset `ds`, whose row r is person
 * `ids[rowOf[r]]`; `ids` in id order. The organisation's earlier sets are dropped. One transaction.
 */
export async function writeBlockSet(
  pool: pg.Pool,
  actor: Actor,
  run: { modelId: string; ds: Dataset; settings: LinkSettings; rowOf: ArrayLike<number>; ids: readonly string[] },
): Promise<{ setId: string; seconds: number } | null> {
  const t0 = performance.now();
  const passes = keptPasses(run.ds, run.settings);
  if (!passes) return null;
  const setId = randomUUID();
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const old = await c.query<{ id: string }>('SELECT id FROM linkage_block_set WHERE org_id = $1', [actor.orgId]);
    await deleteSets(
      c,
      old.rows.map((r) => r.id),
    );
    const bits = await copyBlocks(c, setId, run.ds, passes, run.rowOf);
    const dicts = await copyRows(c, setId, run);
    await insertCounts(c, setId, NameCounts.of(run.ds), true);
    await c.query(
      `INSERT INTO linkage_block_set (id, org_id, model_id, governorates, signature, bits, persons, prep_dicts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [setId, actor.orgId, run.modelId, actor.governorates, blockSignature(run.ds, run.settings), bits, run.ids.length, dicts],
    );
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
  return { setId, seconds: Math.round(performance.now() - t0) / 1000 };
}

/**
 * The row → person map, with each row's name parts as counted (NameCounts.positions) and its
 * prepared fields (preparedRows.ts, when they can be kept), by COPY; answers the prepared rows'
 * dictionaries (null when none are kept).
 */
async function copyRows(
  c: pg.PoolClient,
  setId: string,
  run: { ds: Dataset; rowOf: ArrayLike<number>; ids: readonly string[] },
): Promise<PreparedDicts | null> {
  const pos = NameCounts.positions(run.ds);
  const names = new Int32Array(4 * run.ids.length).fill(-1);
  for (let r = 0; r < run.ds.n; r++) {
    const row = run.rowOf[r]!;
    for (let p = 0; p < 4; p++) {
      const t = run.ds.names.primary(r, p);
      if (t >= 0) names[4 * row + p] = pos[p]![t]!;
    }
  }
  // the dataset's row of each kept row
  const order = new Int32Array(run.ids.length);
  for (let r = 0; r < run.ds.n; r++) order[run.rowOf[r]!] = r;
  const prep = preparedChunks(run.ds, order, CHUNK_ROWS);
  const rows = BinaryCopy.open(c, 'linkage_block_row', `set_id, chunk, first_id, ids, names${prep ? ', prep' : ''}`);
  for (let s = 0; s < run.ids.length; s += CHUNK_ROWS) {
    const end = Math.min(run.ids.length, s + CHUNK_ROWS);
    const b = Buffer.alloc(16 * (end - s));
    for (let k = s; k < end; k++) b.write(run.ids[k]!.replace(/-/g, ''), 16 * (k - s), 'hex');
    const fields = [setId, s / CHUNK_ROWS, run.ids[s]!, b, int32Bytes(names.subarray(4 * s, 4 * end))];
    if (prep) fields.push(prep.chunks.next().value!);
    await rows.row(fields);
  }
  await rows.end();
  return prep?.dicts ?? null;
}

/** Every pass's buckets, by COPY in the order of the table's index; answers each pass's bucket bits. */
async function copyBlocks(c: pg.PoolClient, setId: string, ds: Dataset, passes: PassSpec[], rowOf: ArrayLike<number>): Promise<number[]> {
  const copy = BinaryCopy.open(c, 'linkage_block', 'set_id, pass, bucket, entries');
  const bits: number[] = [];
  for (let p = 0; p < passes.length; p++) {
    const pb = passBuckets(ds, passes[p]!, rowOf);
    bits.push(pb.bits);
    for (const { bucket, entries } of pb.buckets) await copy.row([setId, { int2: p }, bucket, int32Bytes(entries)]);
  }
  await copy.end();
  return bits;
}

async function insertCounts(c: pg.PoolClient, setId: string, counts: NameCounts, base: boolean): Promise<void> {
  for (let k = 0; k < 8; k++) {
    const e = counts.encode(k);
    if (e.counts.length === 0) continue;
    await c.query('INSERT INTO linkage_name_count (set_id, base, part, kind, vals, counts) VALUES ($1, $2, $3, $4, $5, $6)', [
      setId,
      base,
      k >> 1,
      k & 1,
      e.values,
      int32Bytes(e.counts),
    ]);
  }
}

export type BlockSet = {
  id: string;
  bits: number[];
  persons: number;
  /** the prepared rows' dictionaries (null: no prepared rows kept) */
  prep: PreparedDicts | null;
  /** when the run that kept the set began reading: a person changed since is read again */
  since: string;
};

/**
 * The kept blocks an incremental run after model `modelId` may use: those of the full run it
 * follows, carried by every incremental run since; made with the same passes, fields and columns
 * (`ds` and `settings` the run's), over the actor's scope. Null when there are none.
 */
export async function usableBlockSet(
  db: pg.Pool,
  actor: Actor,
  modelId: string,
  ds: Dataset,
  settings: LinkSettings,
): Promise<BlockSet | null> {
  const r = await db.query<{
    id: string;
    bits: number[];
    persons: number;
    signature: string;
    governorates: string[];
    prep_dicts: string[] | null;
    since: string;
  }>(
    `SELECT s.id, s.bits, s.persons, s.signature, s.governorates, s.prep_dicts,
       (SELECT coalesce((k.stats->>'startedAt')::timestamptz, k.created_at) FROM linkage_model k WHERE k.id = s.model_id)::text AS since
     FROM linkage_model m
       JOIN linkage_block_set s ON s.id = coalesce((m.stats->>'blockSet')::uuid,
         (SELECT x.id FROM linkage_block_set x WHERE x.model_id = m.id ORDER BY x.created_at DESC LIMIT 1))
     WHERE m.id = $1 AND m.org_id = $2 AND s.org_id = $2`,
    [modelId, actor.orgId],
  );
  const s = r.rows[0];
  if (!s || s.signature !== blockSignature(ds, settings)) return null;
  if (!keptPasses(ds, settings)) return null;
  // the same scope: a run in another reads (and counts the names of) that scope
  const scope = new Set(s.governorates);
  if (scope.size !== new Set(actor.governorates).size || !actor.governorates.every((g) => scope.has(g))) return null;
  return { id: s.id, bits: s.bits, persons: s.persons, prep: s.prep_dicts, since: s.since };
}

/** The buckets (pass, bucket) of a set, as (key, row) entries, by `${pass}:${bucket}`. */
export async function readBuckets(
  db: pg.Pool,
  setId: string,
  wanted: { pass: number; bucket: number }[],
): Promise<Map<string, Int32Array>> {
  const out = new Map<string, Int32Array>();
  for (let s = 0; s < wanted.length; s += 20_000) {
    const part = wanted.slice(s, s + 20_000);
    const r = await db.query<{ pass: number; bucket: number; entries: Buffer }>(
      `SELECT b.pass, b.bucket, b.entries FROM unnest($2::int2[], $3::int4[]) AS w(pass, bucket)
         JOIN linkage_block b ON b.set_id = $1 AND b.pass = w.pass AND b.bucket = w.bucket`,
      [setId, part.map((w) => w.pass), part.map((w) => w.bucket)],
    );
    for (const row of r.rows) out.set(`${row.pass}:${row.bucket}`, int32s(row.entries));
  }
  return out;
}

/** Person ids by kept row, as a Map of them but in an array (the rows are dense numbers): '' none. */
export class RowIds {
  private readonly a: string[] = [];
  constructor(rows: number) {
    // pushed, not `new Array(rows)`: a large preallocated array is a dictionary in V8
    for (let r = 0; r < rows; r++) this.a.push('');
  }
  get(row: number): string | undefined {
    return this.a[row] || undefined;
  }
  has(row: number): boolean {
    return this.a[row] !== '' && this.a[row] !== undefined;
  }
  set(row: number, id: string): void {
    this.a[row] = id;
  }
}

/**
 * The person ids of rows of a set (only those asked for are decoded); with `prep`, their chunks'
 * prepared rows too (preparedRows.ts), by chunk.
 */
export async function readRowIds(
  db: pg.Pool,
  setId: string,
  rows: Iterable<number>,
  into: RowIds,
  prep?: Map<number, Buffer>,
): Promise<void> {
  const byChunk = new Map<number, number[]>();
  for (const row of rows) {
    if (into.has(row)) continue;
    const c = Math.floor(row / CHUNK_ROWS);
    const list = byChunk.get(c);
    if (list) list.push(row);
    else byChunk.set(c, [row]);
  }
  const list = [...byChunk.keys()];
  // a few batches at a time: the server reads the next while this process decodes one
  const BATCH = 250;
  let next = 0;
  const worker = async () => {
    for (let s = next; s < list.length; s = next) {
      next += BATCH;
      const r = await db.query<{ chunk: number; ids: Buffer; prep?: Buffer | null }>(
        `SELECT chunk, ids${prep ? ', prep' : ''} FROM linkage_block_row WHERE set_id = $1 AND chunk = ANY($2::int4[])`,
        [setId, list.slice(s, s + BATCH)],
      );
      for (const { chunk, ids, prep: p } of r.rows) {
        for (const row of byChunk.get(chunk)!) into.set(row, uuidText(ids, 16 * (row - chunk * CHUNK_ROWS)));
        if (prep && p) prep.set(chunk, p);
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}

/** How many of these persons are among the set's rows (found by the chunks' first ids). */
export async function keptAmong(db: pg.Pool, setId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const wanted = new Set(ids);
  const chunks = await db.query<{ ids: Buffer }>(
    `SELECT DISTINCT ON (c.chunk) c.ids FROM unnest($2::uuid[]) AS q(id)
       CROSS JOIN LATERAL (SELECT r.chunk, r.ids FROM linkage_block_row r
         WHERE r.set_id = $1 AND r.first_id <= q.id ORDER BY r.first_id DESC LIMIT 1) c`,
    [setId, ids],
  );
  let n = 0;
  for (const c of chunks.rows) for (let k = 0; k < c.ids.length / 16; k++) if (wanted.has(uuidText(c.ids, 16 * k))) n++;
  return n;
}

/** The persons incremental runs added to blocks (pass, key), by `${pass}:${key}`. */
export async function readAdded(db: pg.Pool, setId: string, keys: { pass: number; key: number }[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let s = 0; s < keys.length; s += 20_000) {
    const part = keys.slice(s, s + 20_000);
    const r = await db.query<{ pass: number; key: number; person_id: string }>(
      `SELECT a.pass, a.key, a.person_id FROM unnest($2::int2[], $3::int4[]) AS w(pass, key)
         JOIN linkage_block_added a ON a.set_id = $1 AND a.pass = w.pass AND a.key = w.key`,
      [setId, part.map((w) => w.pass), part.map((w) => w.key)],
    );
    for (const row of r.rows) {
      const k = `${row.pass}:${row.key}`;
      const list = out.get(k);
      if (list) list.push(row.person_id);
      else out.set(k, [row.person_id]);
    }
  }
  return out;
}

/** The set's name counts: the full run's and every incremental run's since; and the full run's tokens per part. */
export async function readNameCounts(db: pg.Pool, setId: string): Promise<{ counts: NameCounts; baseTokens: string[][] }> {
  const r = await db.query<{ base: boolean; part: number; kind: number; vals: string; counts: Buffer }>(
    'SELECT base, part, kind, vals, counts FROM linkage_name_count WHERE set_id = $1',
    [setId],
  );
  const counts = new NameCounts();
  const baseTokens: string[][] = [[], [], [], []];
  for (const row of r.rows) {
    counts.decodeInto(row.part * 2 + row.kind, row.vals, int32s(row.counts));
    if (row.base && row.kind === 0 && row.vals !== '') baseTokens[row.part] = row.vals.split('\n');
  }
  return { counts, baseTokens };
}

/**
 * What the set counted for these persons (the changed ones): the latest incremental run's tokens
 * for a person it compared, else the full run's for a person it read; nothing for the others.
 */
export async function countedBefore(db: pg.Pool, set: BlockSet, ids: string[], baseTokens: string[][]): Promise<NameCounts> {
  const out = new NameCounts();
  const seen = new Set<string>();
  const added = await db.query<{ person_id: string; tokens: string }>(
    'SELECT person_id, tokens FROM linkage_name_added WHERE set_id = $1 AND person_id = ANY($2::uuid[])',
    [set.id, ids],
  );
  for (const r of added.rows) {
    seen.add(r.person_id);
    out.addTokens(r.tokens.split('\n').map((t) => t || null));
  }
  const old = await db.query<{ id: string }>(
    'SELECT p.id FROM person p WHERE p.id = ANY($1::uuid[]) AND p.created_at < (SELECT s.created_at FROM linkage_block_set s WHERE s.id = $2)',
    [ids.filter((id) => !seen.has(id)), set.id],
  );
  const wanted = new Set(old.rows.map((r) => r.id));
  if (wanted.size === 0) return out;
  const chunks = await db.query<{ ids: Buffer; names: Buffer }>(
    `SELECT DISTINCT ON (c.chunk) c.ids, c.names FROM unnest($2::uuid[]) AS q(id)
       CROSS JOIN LATERAL (SELECT r.chunk, r.ids, r.names FROM linkage_block_row r
         WHERE r.set_id = $1 AND r.first_id <= q.id ORDER BY r.first_id DESC LIMIT 1) c`,
    [set.id, [...wanted]],
  );
  for (const ch of chunks.rows) {
    const names = int32s(ch.names);
    for (let k = 0; k < ch.ids.length / 16; k++) {
      if (!wanted.has(uuidText(ch.ids, 16 * k))) continue;
      out.addTokens([0, 1, 2, 3].map((p) => (names[4 * k + p]! >= 0 ? baseTokens[p]![names[4 * k + p]!]! : null)));
    }
  }
  return out;
}

/**
 * Adds the persons an incremental run compared (rows of `ds`, their keys and names now) to a set:
 * their keys, their tokens, and the counts `delta` (theirs now, less what was counted for them before).
 */
export async function addToBlockSet(c: pg.PoolClient, setId: string, ds: Dataset, passes: PassSpec[], delta: NameCounts): Promise<void> {
  const pass: number[] = [],
    key: number[] = [],
    person: string[] = [];
  for (let i = 0; i < ds.n; i++)
    passes.forEach((ps, p) => {
      const k = stablePassKey(ds, ps, i);
      if (k === 0) return;
      pass.push(p);
      key.push(k);
      person.push(ds.ids[i]!);
    });
  for (let s = 0; s < pass.length; s += 50_000)
    await c.query(
      `INSERT INTO linkage_block_added (set_id, pass, key, person_id)
       SELECT $1, t.p, t.k, t.id FROM unnest($2::int2[], $3::int4[], $4::uuid[]) AS t(p, k, id)`,
      [setId, pass.slice(s, s + 50_000), key.slice(s, s + 50_000), person.slice(s, s + 50_000)],
    );
  for (let s = 0; s < ds.n; s += 50_000) {
    const rows = Array.from({ length: Math.min(ds.n, s + 50_000) - s }, (_, k) => s + k);
    await c.query(
      `INSERT INTO linkage_name_added (set_id, person_id, tokens) SELECT $1, t.id, t.tokens FROM unnest($2::uuid[], $3::text[]) AS t(id, tokens)
       ON CONFLICT (set_id, person_id) DO UPDATE SET tokens = EXCLUDED.tokens`,
      [
        setId,
        rows.map((i) => ds.ids[i]!),
        rows.map((i) =>
          nameTokens(ds, i)
            .map((t) => t ?? '')
            .join('\n'),
        ),
      ],
    );
  }
  await insertCounts(c, setId, delta, false);
}
