// The import of one file, resumable and idempotent.
//
// - An import run is unique per organisation, kind and file digest (sha256). Importing the same
//   file again finds the finished run and changes nothing.
// - Rows are read as a stream and loaded in batches. Each batch is one transaction: the good rows
//   (COPY into a staging table, then INSERT ... ON CONFLICT DO NOTHING), the bad rows into
//   quarantine, import_run.rows_done advanced, and one change-log entry. A killed import resumes
//   after the last committed batch and never loads a row twice.
// - While one batch is written by PostgreSQL, the next one is parsed and validated here.
import { ImportError } from '../errors.ts';
import { commandAllows } from '../access/matrix.ts';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { Actor } from '../access/actor.ts';
import { boundedRaw, ImportSetupError, layoutOf, rawRow, readMapping, type Layout, type Mapping } from './columns.ts';
import { loadHouseholdsDirect, type NewPersons, newPersons } from './loadHouseholdsDirect.ts';
import { createStage, loadPersonsDirect, type Kind, type LoadResult, type PersonsMode, type StagedRow } from './load.ts';
import { inlineValidator, type Validator, workerValidator } from './pool.ts';
import type { ChunkResult, Rejection, ValidationSetup } from './validateRows.ts';
import { formatOf, openRows, type RowSource } from './read.ts';
import { appendChange, serialisedJson } from '../store/changeLog.ts';
import { retrying } from '../store/retry.ts';
import { reasonWordsSql } from './reportText.ts';
import { setBasedChecksAllowed } from './setBasedReferences.ts';
import { deferIndexes, restoreIndexes } from '../store/deferredIndexes.ts';

export type ImportOptions = {
  kind: Kind;
  file: string;
  format?: string | undefined;
  mappingFile?: string | undefined;
  /** Rejection report path; default: beside the input, <name>.rejections.csv. */
  reportPath?: string | undefined;
  batchSize?: number | undefined;
  delimiter?: string | undefined;
  onProgress?: ((p: { bytesRead: number; totalBytes: number; rows: number }) => void) | undefined;
  today?: Date | undefined;
  /** Files from this size into a registry of fewer than about twice their rows build person's search indexes after the load (default 16 MB). */
  deferIndexesFromBytes?: number | undefined;
  /** Validation worker threads (0: validate in the main thread). Default: by file size and cores. */
  workers?: number | undefined;
};

/**
 * Workers by default: none for small files (starting one costs more than it saves); else one per
 * core but one, which is left to the PostgreSQL backend writing the batches: that write is the
 * critical path once names are memoised (200,000 rows on 2 cores: 12.9 s with one worker, 14.0 s
 * with two).
 */
export function defaultWorkers(bytes: number): number {
  if (bytes < 2 << 20) return 0;
  return Math.max(1, Math.min(8, os.availableParallelism() - 1));
}

export type ImportSummary = {
  importId: string;
  kind: Kind;
  file: string;
  fileSha256: string;
  /** The file had been imported before: nothing changed. */
  alreadyImported: boolean;
  /** Rows already done by an earlier, interrupted run of this import. */
  resumedFrom: number;
  rows: number;
  loaded: number;
  unchanged: number;
  rejected: number;
  unverifiedIds: number;
  personsCreated: number;
  householdsCreated: number;
  reportPath: string;
  ignoredColumns: string[];
  seconds: number;
};

type ImportRunRow = {
  id: string;
  status: 'running' | 'done' | 'failed';
  rows_done: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_unchanged: number;
  rows_unverified: number;
  persons_created: number;
  households_created: number;
  mapping: Mapping;
};

export async function fileSha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

export function defaultReportPath(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.rejections.csv`);
}

export function checkImportRole(actor: Actor, kind: 'persons' | 'households' = 'persons'): void {
  if (!commandAllows(`import ${kind}`, actor.role))
    throw new ImportError(`Your role (${actor.role}) may not import; ask an administrator or a registration officer.`);
}

export { derivedRecordId } from './validateRows.ts';

const sameMapping = (a: Mapping, b: Mapping) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

async function logEntry(client: pg.PoolClient, actor: Actor, importId: string, action: string, afterJson: string): Promise<void> {
  await appendChange(client, actor, {
    entity: 'import',
    entityId: importId,
    operationId: importId,
    action,
    after: serialisedJson(afterJson),
  });
}

type Batch = {
  fromRow: number; // rows_done before the batch
  consumed: number;
  rows: StagedRow[];
  rejections: Rejection[];
  /** Households: the rows as read (JSON, a chunk's rows), for rejections found in the database (their raw row is made then). */
  sources: Source[] | undefined;
  /** Households: the new persons, made while the batch before was written (optimistic mode). */
  ahead?: NewPersons | undefined;
};

/** A chunk of rows as read, kept as the JSON its worker was sent: one string, not thousands of arrays. */
type Source = { firstRow: number; count: number; json: string };

/** The raw row of a row the database rejected, from the batch's rows as read. */
function rawOf(batch: Batch, header: readonly string[], rowNumber: number): Record<string, string> {
  const src = batch.sources?.find((s) => rowNumber >= s.firstRow && rowNumber < s.firstRow + s.count);
  return src ? rawRow(rowsOf(src)[rowNumber - src.firstRow]!, header) : {};
}

/** A source's rows, parsed once however many of its rows the database refused. */
const parsedSources = new WeakMap<Source, string[][]>();
function rowsOf(src: Source): string[][] {
  let rows = parsedSources.get(src);
  if (!rows) {
    rows = JSON.parse(src.json) as string[][];
    parsedSources.set(src, rows);
  }
  return rows;
}

export type Counters = {
  loaded: number;
  unchanged: number;
  rejected: number;
  unverified: number;
  personsCreated: number;
  householdsCreated: number;
};

/**
 * Loads and commits one batch: rows, quarantine, progress and one change-log entry, atomically.
 * A deadlock with another writer (PostgreSQL aborts one of the two) rolls back and tries again.
 */
export async function commitBatch(...args: Parameters<typeof commitBatchOnce>): Promise<Counters> {
  return retrying(() => commitBatchOnce(...args));
}

async function commitBatchOnce(
  client: pg.PoolClient,
  actor: Actor,
  run: { id: string; kind: Kind; sha256: string; mode: PersonsMode; header: readonly string[] },
  batch: Batch,
  governorates: ReadonlySet<string>,
  today: string,
): Promise<Counters> {
  const t0 = performance.now();
  await client.query('BEGIN');
  try {
    let res: LoadResult;
    const t1 = performance.now();
    if (run.kind === 'persons') res = await loadPersonsDirect(client, actor.orgId, batch.rows, run.mode);
    else res = await loadHouseholdsDirect(client, actor.orgId, governorates, today, batch.rows, run.mode, batch.ahead);
    const t2 = performance.now();
    const rejections = [
      ...batch.rejections,
      ...res.rejected.map((r) => ({ rowNumber: r.rowNumber, raw: rawOf(batch, run.header, r.rowNumber), errors: r.errors })),
    ];
    if (rejections.length > 0) {
      await client.query(
        `INSERT INTO quarantine (import_id, row_number, raw, errors)
         SELECT $1, r, q, e FROM unnest($2::int[], $3::jsonb[], $4::jsonb[]) AS t(r, q, e)
         ON CONFLICT (import_id, row_number) DO NOTHING`,
        [
          run.id,
          rejections.map((r) => r.rowNumber),
          rejections.map((r) => JSON.stringify(boundedRaw(r.raw))),
          rejections.map((r) => JSON.stringify(r.errors)),
        ],
      );
    }
    const c: Counters = {
      loaded: res.loaded,
      unchanged: res.unchanged,
      rejected: rejections.length,
      unverified: res.unverified,
      personsCreated: res.personsCreated,
      householdsCreated: res.householdsCreated,
    };
    const u = await client.query(
      `UPDATE import_run SET rows_done = $3, rows_loaded = rows_loaded + $4, rows_unchanged = rows_unchanged + $5, rows_rejected = rows_rejected + $6,
         rows_unverified = rows_unverified + $7, persons_created = persons_created + $8, households_created = households_created + $9
       WHERE id = $1 AND rows_done = $2`,
      [
        run.id,
        batch.fromRow,
        batch.fromRow + batch.consumed,
        c.loaded,
        c.unchanged,
        c.rejected,
        c.unverified,
        c.personsCreated,
        c.householdsCreated,
      ],
    );
    if (u.rowCount !== 1) throw new ImportError('This import advanced in another process; stopped without writing this batch.');
    const head = {
      importId: run.id,
      kind: run.kind,
      fileSha256: run.sha256,
      rowsFrom: batch.fromRow + 2,
      rowsTo: batch.fromRow + batch.consumed + 1,
      ...c,
    };
    const ids = Object.entries(res.ids)
      .map(([k, v]) => `,${JSON.stringify(k)}:${v}`)
      .join('');
    await logEntry(client, actor, run.id, 'import_batch', `${JSON.stringify(head).slice(0, -1) + ids}}`);
    await client.query('COMMIT');
    if (process.env.SANAD_IMPORT_TIMING)
      process.stderr.write(
        `batch ${batch.fromRow}: copy ${(t1 - t0).toFixed(0)} ms, load ${(t2 - t1).toFixed(0)} ms, rest ${(performance.now() - t2).toFixed(0)} ms\n`,
      );
    return c;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Writes the rejection report (row_number, field, reason; never the values) from quarantine. */
export async function writeReport(client: pg.PoolClient, importId: string, reportPath: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/.test(importId)) throw new Error('bad import id');
  const out = fs.createWriteStream(reportPath, { mode: 0o600 });
  const src = client.query(
    pgCopy.to(
      `COPY (SELECT q.row_number, e->>'field' AS field, ${reasonWordsSql('e')} AS reason FROM quarantine q, jsonb_array_elements(q.errors) e
             WHERE q.import_id = '${importId}' AND q.resolved_at IS NULL ORDER BY q.row_number) TO STDOUT WITH (FORMAT csv, HEADER)`,
    ),
  );
  await new Promise<void>((resolve, reject) => {
    src.on('error', reject);
    out.on('error', reject);
    out.on('finish', resolve);
    src.pipe(out);
  });
}

function toSummary(
  r: ImportRunRow,
  extra: {
    kind: Kind;
    file: string;
    sha256: string;
    alreadyImported: boolean;
    resumedFrom: number;
    reportPath: string;
    ignored: string[];
    seconds: number;
  },
): ImportSummary {
  return {
    importId: r.id,
    kind: extra.kind,
    file: extra.file,
    fileSha256: extra.sha256,
    alreadyImported: extra.alreadyImported,
    resumedFrom: extra.resumedFrom,
    rows: r.rows_done,
    loaded: r.rows_loaded,
    unchanged: r.rows_unchanged,
    rejected: r.rows_rejected,
    unverifiedIds: r.rows_unverified,
    personsCreated: r.persons_created,
    householdsCreated: r.households_created,
    reportPath: extra.reportPath,
    ignoredColumns: extra.ignored,
    seconds: extra.seconds,
  };
}

const RUN_COLS =
  'id, status, rows_done, rows_loaded, rows_rejected, rows_unchanged, rows_unverified, persons_created, households_created, mapping';

type Prepared = {
  file: string;
  mapping: Mapping;
  reportPath: string;
  today: Date;
  sha256: string;
  source: RowSource;
  layout: Layout;
};

/** Everything read before the database is touched: the file, its digest, its columns and the mapping. */
async function prepare(opts: ImportOptions): Promise<Prepared> {
  const file = path.resolve(opts.file);
  await fs.promises.access(file, fs.constants.R_OK).catch(() => {
    throw new ImportSetupError(`Cannot read ${opts.file}.`);
  });
  const format = formatOf(file, opts.format);
  const mapping = await readMapping(opts.mappingFile);
  const reportPath = path.resolve(opts.reportPath ?? defaultReportPath(file));
  const today = opts.today ?? new Date();
  const sha256 = await fileSha256(file);
  const source = await openRows(file, format, { delimiter: opts.delimiter });
  const layout = layoutOf(source.header, mapping, opts.kind);
  return { file, mapping, reportPath, today, sha256, source, layout };
}

/** The run of this file: a new one (with its import_start entry), or the one an earlier import left. */
async function findOrStartRun(client: pg.PoolClient, actor: Actor, kind: Kind, p: Prepared): Promise<ImportRunRow> {
  await client.query('BEGIN');
  let run = (
    await client.query<ImportRunRow>(
      `INSERT INTO import_run (org_id, actor_id, kind, file_name, file_sha256, mapping) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (org_id, kind, file_sha256) DO NOTHING RETURNING ${RUN_COLS}`,
      [actor.orgId, actor.userId, kind, path.basename(p.file), p.sha256, JSON.stringify(p.mapping)],
    )
  ).rows[0];
  if (run) {
    await logEntry(
      client,
      actor,
      run.id,
      'import_start',
      JSON.stringify({ importId: run.id, kind, fileName: path.basename(p.file), fileSha256: p.sha256, mapping: p.mapping }),
    );
  } else {
    run = (
      await client.query<ImportRunRow>(`SELECT ${RUN_COLS} FROM import_run WHERE org_id = $1 AND kind = $2 AND file_sha256 = $3`, [
        actor.orgId,
        kind,
        p.sha256,
      ])
    ).rows[0]!;
  }
  await client.query('COMMIT');
  return run;
}

/** Takes the run's advisory lock (held by this session) and reads the run again under it. */
async function lockRun(client: pg.PoolClient, runId: string): Promise<ImportRunRow> {
  const lock = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(727002, hashtext($1)) AS ok', [runId]);
  if (!lock.rows[0]?.ok) throw new ImportError('This file is being imported by another process right now.');
  // Re-read after taking the lock: another process may have finished meanwhile.
  return (await client.query<ImportRunRow>(`SELECT ${RUN_COLS} FROM import_run WHERE id = $1`, [runId])).rows[0]!;
}

/**
 * Gathers validated chunks into batches of `batchSize` rows and commits them one after another, in
 * order, while the next ones are read and validated: up to QUEUED batches wait behind the one being
 * written, so that the database always has the next batch ready (a failure surfaces at the next
 * flush, and no later batch is written after it).
 */
const QUEUED = 2;
class BatchWriter {
  private batch: Batch;
  private done: number;
  private last: Promise<void> = Promise.resolve();
  private readonly queue: Promise<void>[] = [];
  private failure: unknown;
  private readonly commit: (b: Batch) => Promise<unknown>;
  private readonly prepare: (b: Batch) => void;
  private readonly batchSize: number;
  private readonly households: boolean;

  constructor(commit: (b: Batch) => Promise<unknown>, prepare: (b: Batch) => void, done: number, batchSize: number, households: boolean) {
    this.commit = commit;
    this.prepare = prepare;
    this.done = done;
    this.batchSize = batchSize;
    this.households = households;
    this.batch = this.newBatch();
  }

  private newBatch(): Batch {
    return { fromRow: this.done, consumed: 0, rows: [], rejections: [], sources: this.households ? [] : undefined };
  }

  async take({ r, source }: { r: ChunkResult; source: Source }): Promise<void> {
    const batch = this.batch;
    for (const x of r.staged) batch.rows.push(x);
    for (const x of r.rejections) batch.rejections.push(x);
    batch.sources?.push(source);
    batch.consumed += r.count;
    if (batch.consumed >= this.batchSize) await this.flush();
  }

  private async flush(): Promise<void> {
    const b = this.batch;
    this.done += b.consumed;
    this.batch = this.newBatch();
    this.prepare(b);
    while (this.queue.length > QUEUED) await this.queue.shift();
    if (this.failure) throw this.failure;
    const next = this.last.then(async () => {
      if (this.failure) return; // nothing after a failed batch
      await this.commit(b).catch((e) => {
        this.failure = e;
      });
    });
    this.last = next;
    this.queue.push(next);
  }

  /** Commits the last, partial batch and waits for every commit. */
  async finish(): Promise<void> {
    if (this.batch.consumed > 0) await this.flush();
    await this.last;
    if (this.failure) throw this.failure;
  }
}

/**
 * Reads the rows after the first `skip` (committed by an earlier run), validates them in chunks
 * (up to `maxInflight` at once) and hands the results to the writer in file order. Returns how
 * many data rows the file has.
 */
async function validateRows(
  source: RowSource,
  validator: Validator,
  writer: BatchWriter,
  o: { skip: number; batchSize: number; workers: number; onProgress: ImportOptions['onProgress'] },
): Promise<number> {
  const sub = Math.max(1, Math.min(1000, o.batchSize));
  const inflight: Promise<{ r: ChunkResult; source: Source }>[] = [];
  const maxInflight = Math.max(2, o.workers * 4);
  let seen = 0; // data rows read from the file
  let rows: string[][] = [];
  let firstRow = 0;
  const submit = async () => {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows);
    const source: Source = { firstRow, count: rows.length, json };
    inflight.push(validator.run({ rows, json }, firstRow).then((r) => ({ r, source })));
    rows = [];
    while (inflight.length >= maxInflight) await writer.take(await inflight.shift()!);
  };
  try {
    for await (const chunk of source.chunks) {
      for (const row of chunk) {
        seen++;
        if (seen <= o.skip) continue; // committed by an earlier run
        if (rows.length === 0) firstRow = seen + 1; // the header is row 1
        rows.push(row);
        if (rows.length >= sub) await submit();
      }
      o.onProgress?.({ bytesRead: source.bytesRead(), totalBytes: source.totalBytes, rows: seen });
      // Let the database connection's I/O run between chunks (the next chunk may be ready at once).
      await new Promise<void>((r) => setImmediate(r));
    }
    await submit();
    while (inflight.length > 0) await writer.take(await inflight.shift()!);
  } finally {
    await validator.close();
  }
  return seen;
}

/** Loads the rows the run has not done yet, batch by batch. */
async function loadRemaining(client: pg.PoolClient, actor: Actor, run: ImportRunRow, p: Prepared, opts: ImportOptions): Promise<void> {
  await createStage(client);
  const setup: ValidationSetup = {
    kind: opts.kind,
    layout: p.layout,
    governorates: [...actor.governorates],
    sha256: p.sha256,
    today: p.today.toISOString(),
  };
  const workers = opts.workers ?? defaultWorkers(p.source.totalBytes);
  const validator = workers > 0 ? workerValidator(setup, workers) : inlineValidator(setup);
  const governorates = new Set(actor.governorates);
  const mode: PersonsMode = { checked: false, setBased: opts.kind === 'households' && (await setBasedChecksAllowed(client)) };
  const runRef = { id: run.id, kind: opts.kind, sha256: p.sha256, mode, header: p.layout.header };
  const todayStr = p.today.toISOString().slice(0, 10);
  const batchSize = opts.batchSize ?? 10_000;
  const writer = new BatchWriter(
    (b) => commitBatch(client, actor, runRef, b, governorates, todayStr),
    (b) => {
      if (opts.kind === 'households' && !mode.checked) b.ahead = newPersons(actor.orgId, b.rows);
    },
    run.rows_done,
    batchSize,
    opts.kind === 'households',
  );
  const seen = await validateRows(p.source, validator, writer, { skip: run.rows_done, batchSize, workers, onProgress: opts.onProgress });
  await writer.finish();
  if (seen < run.rows_done) throw new ImportError('The file has fewer rows than this import already loaded; it is not the same file.');
}

/** Marks the run done, with its import_done entry. */
async function finishRun(client: pg.PoolClient, actor: Actor, runId: string, kind: Kind, sha256: string): Promise<ImportRunRow> {
  await client.query('BEGIN');
  const fin = (
    await client.query<ImportRunRow>(`UPDATE import_run SET status = 'done', finished_at = now() WHERE id = $1 RETURNING ${RUN_COLS}`, [
      runId,
    ])
  ).rows[0]!;
  await logEntry(
    client,
    actor,
    runId,
    'import_done',
    JSON.stringify({
      importId: runId,
      kind,
      fileSha256: sha256,
      rows: fin.rows_done,
      loaded: fin.rows_loaded,
      unchanged: fin.rows_unchanged,
      rejected: fin.rows_rejected,
      unverifiedIds: fin.rows_unverified,
      personsCreated: fin.persons_created,
      householdsCreated: fin.households_created,
    }),
  );
  await client.query('COMMIT');
  return fin;
}

/**
 * An import the file itself stops (its syntax, a limit) is marked failed, with its import_failed
 * entry, never left running; the batches before the failure stay committed, and importing the
 * file again (fixed, it is a new file; unchanged, it fails again) resumes from there.
 */
async function failRun(client: pg.PoolClient, actor: Actor, runId: string, e: ImportSetupError): Promise<void> {
  try {
    await client.query('BEGIN');
    const r = await client.query(`UPDATE import_run SET status = 'failed', finished_at = now() WHERE id = $1 AND status = 'running'`, [
      runId,
    ]);
    // the message names rows and limits, never values
    if (r.rowCount) await logEntry(client, actor, runId, 'import_failed', JSON.stringify({ importId: runId, error: e.message }));
    await client.query('COMMIT');
  } catch {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}

export async function importFile(pool: pg.Pool, actor: Actor, opts: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  checkImportRole(actor, opts.kind);
  const p = await prepare(opts);
  const client = await pool.connect();
  let runId: string | undefined;
  let deferred = false; // person's search indexes dropped for this import (src/store/deferredIndexes.ts)
  try {
    let run = await findOrStartRun(client, actor, opts.kind, p);
    runId = run.id;
    const common = { kind: opts.kind, file: p.file, sha256: p.sha256, reportPath: p.reportPath, ignored: p.layout.ignored };
    if (run.status === 'done') {
      p.source.close();
      await writeReport(client, run.id, p.reportPath);
      return toSummary(run, {
        ...common,
        alreadyImported: true,
        resumedFrom: run.rows_done,
        seconds: (performance.now() - started) / 1000,
      });
    }
    if (!sameMapping(run.mapping ?? {}, p.mapping)) {
      throw new ImportSetupError('This file was partly imported with a different column mapping; run it again with the same --mapping.');
    }
    run = await lockRun(client, run.id);
    await client.query(`UPDATE import_run SET status = 'running', finished_at = NULL WHERE id = $1 AND status = 'failed'`, [run.id]);
    const resumedFrom = run.rows_done;
    if (run.status !== 'done') {
      deferred = await deferIndexes(client, p.source.totalBytes, opts.deferIndexesFromBytes);
      await loadRemaining(client, actor, run, p, opts);
      if (deferred) await restoreIndexes(client);
      deferred = false;
      run = await finishRun(client, actor, run.id, opts.kind, p.sha256);
    }
    await writeReport(client, run.id, p.reportPath);
    return toSummary(run, { ...common, alreadyImported: false, resumedFrom, seconds: (performance.now() - started) / 1000 });
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    // (if the connection is gone too, the next start or import creates them: src/store/deferredIndexes.ts)
    if (deferred) await restoreIndexes(client).catch(() => undefined);
    if (runId && e instanceof ImportSetupError) await failRun(client, actor, runId, e);
    throw e;
  } finally {
    p.source.close();
    // The session held the advisory lock and the staging table: close it rather than pool it.
    client.release(true);
  }
}

/**
 * Several files as one load (a national registry comes in several files: one is at most 512 MB):
 * each is imported as importFile imports it, in turn, but person's search indexes are deferred once
 * for all of them, by their total size, and built after the last (decision 0037): building them
 * after each file would build them again over every row of the files before it. Each file's own
 * import then keeps the indexes as they are (the lock is this load's). Answers each file's summary.
 */
export async function importFiles(
  pool: pg.Pool,
  actor: Actor,
  files: readonly ImportOptions[],
  each?: (s: ImportSummary, i: number) => void | Promise<void>,
): Promise<ImportSummary[]> {
  const client = await pool.connect();
  let deferred = false;
  try {
    if (files.length > 1) {
      const bytes = files.reduce((n, f) => n + fs.statSync(f.file).size, 0);
      deferred = await deferIndexes(client, bytes, files[0]!.deferIndexesFromBytes);
    }
    const out: ImportSummary[] = [];
    for (const [i, f] of files.entries()) {
      out.push(await importFile(pool, actor, f));
      await each?.(out[i]!, i);
    }
    if (deferred) await restoreIndexes(client);
    deferred = false;
    return out;
  } catch (e) {
    // (if the connection is gone too, the next start or import creates them: src/store/deferredIndexes.ts)
    if (deferred) await restoreIndexes(client).catch(() => undefined);
    throw e;
  } finally {
    // the session held the advisory lock: close it rather than pool it
    client.release(true);
  }
}
