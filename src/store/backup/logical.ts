// A logical backup: every table of the store through COPY (text format, which any PostgreSQL >= 15
// reads), in the order of their foreign keys, from one snapshot, into one gzip file of frames; the
// restore loads it into a store of the same schema that holds no registry data, in one transaction.
// Memory stays constant: COPY's chunks are passed on as they come. See docs/decisions/0025-backups.md.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import type { SecretKey } from '../../access/secretBox.ts';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { z } from 'zod';
import { StoreError } from '../../errors.ts';
import { verifyAuditChain } from '../auditVerify.ts';
import { ChangeLogHead } from './files.ts';
import type { Progress } from './physical.ts';
import type { RestoreResult } from './restore.ts';

const Header = z.object({
  format: z.literal('sanad-logical-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  migrations: z.array(z.string()),
});
const TableStart = z.object({ table: z.string(), columns: z.array(z.string()) });
const TableEnd = z.object({ rows: z.number().int().nonnegative(), sha256: z.string() });
const Sequence = z.object({ name: z.string(), value: z.number().nullable() });
export const LogicalManifest = z.object({
  tables: z.array(TableStart.extend(TableEnd.shape)),
  sequences: z.array(Sequence),
  changeLog: ChangeLogHead.nullable(),
});
export type LogicalManifest = z.infer<typeof LogicalManifest>;

/** Frame kinds: header, table start, data, table end, manifest (last). */
type Kind = 'H' | 'T' | 'D' | 'E' | 'M';
const NEWLINE = 0x0a;

async function writeFrame(out: Writable, kind: Kind, payload: Buffer | string): Promise<void> {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8');
  const head = Buffer.alloc(5);
  head.write(kind, 0, 'ascii');
  head.writeUInt32BE(body.length, 1);
  if (!out.write(Buffer.concat([head, body]))) await once(out, 'drain');
}

/** The frames of a file, one at a time (memory: one COPY chunk). */
async function* readFrames(input: Readable): AsyncGenerator<{ kind: Kind; body: Buffer }> {
  let buf: Buffer = Buffer.alloc(0);
  for await (const chunk of input) {
    buf = buf.length === 0 ? (chunk as Buffer) : Buffer.concat([buf, chunk as Buffer]);
    while (buf.length >= 5) {
      const len = buf.readUInt32BE(1);
      if (buf.length < 5 + len) break;
      yield { kind: buf.toString('ascii', 0, 1) as Kind, body: buf.subarray(5, 5 + len) };
      buf = buf.subarray(5 + len);
    }
  }
  if (buf.length > 0) throw new StoreError('backup_corrupt', 'The logical backup ends in the middle of a frame (a cut-off file).');
}

type Table = { name: string; columns: string[] };

/** The store's tables (without the migrations' own), parents before the tables that refer to them. */
async function tablesInOrder(db: pg.PoolClient): Promise<Table[]> {
  const cols = await db.query<{ t: string; cols: string[] }>(
    `SELECT c.relname AS t, array_agg(a.attname::text ORDER BY a.attnum) AS cols
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migration'
      GROUP BY c.relname ORDER BY c.relname`,
  );
  const deps = await db.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
  );
  const parents = new Map<string, string[]>();
  for (const d of deps.rows) parents.set(d.child, [...(parents.get(d.child) ?? []), d.parent]);
  const byName = new Map(cols.rows.map((r) => [r.t, r.cols]));
  const ordered: Table[] = [];
  const placed = new Set<string>();
  const place = (t: string, path: string[]) => {
    if (placed.has(t) || path.includes(t)) return;
    for (const p of parents.get(t) ?? []) place(p, [...path, t]);
    placed.add(t);
    const columns = byName.get(t);
    if (columns) ordered.push({ name: t, columns });
  };
  for (const t of byName.keys()) place(t, []);
  return ordered;
}

async function migrations(db: pg.PoolClient): Promise<string[]> {
  return (await db.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name')).rows.map((r) => r.name);
}

async function sequences(db: pg.PoolClient): Promise<z.infer<typeof Sequence>[]> {
  const r = await db.query<{ name: string; value: string | null }>(
    "SELECT quote_ident(sequencename) AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
  );
  return r.rows.map((s) => ({ name: s.name, value: s.value === null ? null : Number(s.value) }));
}

async function head(db: pg.PoolClient): Promise<z.infer<typeof ChangeLogHead> | null> {
  const r = await db.query<{ seq: number; hash: Buffer }>('SELECT seq::int AS seq, hash FROM change_log_head');
  const h = r.rows[0];
  return h ? { seq: h.seq, hash: h.hash.toString('hex') } : null;
}

const columnList = (db: pg.PoolClient, t: Table) =>
  `${db.escapeIdentifier(t.name)} (${t.columns.map((c) => db.escapeIdentifier(c)).join(', ')})`;

/** Dumps one table: its COPY text passed on chunk by chunk, hashed, its rows counted (one line each). */
async function dumpTable(db: pg.PoolClient, t: Table, out: Writable, progress?: Progress): Promise<LogicalManifest['tables'][number]> {
  await writeFrame(out, 'T', JSON.stringify({ table: t.name, columns: t.columns }));
  const h = createHash('sha256');
  let rows = 0;
  const copy = db.query(copyTo(`COPY ${columnList(db, t)} TO STDOUT`));
  for await (const chunk of copy as AsyncIterable<Buffer>) {
    h.update(chunk);
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) rows++;
    progress?.advance(chunk.length);
    await writeFrame(out, 'D', chunk);
  }
  const end = { rows, sha256: h.digest('hex') };
  await writeFrame(out, 'E', JSON.stringify(end));
  return { table: t.name, columns: t.columns, ...end };
}

/** Writes the logical backup of the store to `file` (which must not exist); one snapshot for every table. */
export async function logicalBackup(pool: pg.Pool, file: string, progress?: Progress): Promise<LogicalManifest> {
  if (
    await stat(file).then(
      () => true,
      () => false,
    )
  )
    throw new StoreError('target_not_empty', `${file} exists already: choose a new file name (nothing was written).`);
  const db = await pool.connect();
  const gz = createGzip({ level: 6 });
  const written = pipeline(gz, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  written.catch(() => undefined);
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesInOrder(db);
    const size = await db.query<{ n: string }>(
      'SELECT coalesce(sum(pg_relation_size(c.oid)), 0)::text AS n FROM pg_class c WHERE c.relname = ANY($1)',
      [tables.map((t) => t.name)],
    );
    progress?.start(Number(size.rows[0]?.n ?? 0));
    const header = { format: 'sanad-logical-backup', version: 1, createdAt: new Date().toISOString(), migrations: await migrations(db) };
    await writeFrame(gz, 'H', JSON.stringify(header));
    const manifest: LogicalManifest = { tables: [], sequences: await sequences(db), changeLog: await head(db) };
    for (const t of tables) manifest.tables.push(await dumpTable(db, t, gz, progress));
    await writeFrame(gz, 'M', JSON.stringify(manifest));
    await db.query('COMMIT');
    gz.end();
    await written;
    return manifest;
  } catch (e) {
    gz.destroy();
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    progress?.stop();
    db.release();
  }
}

/** The target holds no registry data: no person, household, user or change-log row. */
async function refuseNonEmpty(db: pg.PoolClient): Promise<void> {
  const r = await db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM (SELECT 1 FROM person LIMIT 1) a) + (SELECT count(*) FROM (SELECT 1 FROM household LIMIT 1) b)
          + (SELECT count(*) FROM (SELECT 1 FROM app_user LIMIT 1) c) + (SELECT count(*) FROM (SELECT 1 FROM change_log LIMIT 1) d) AS n`,
  );
  if ((r.rows[0]?.n ?? 0) > 0)
    throw new StoreError(
      'target_not_empty',
      'The target store already holds registry data (people, households, users or change-log rows): restore into a new, empty store.',
    );
}

type Loaded = { table: string; rows: number; sha256: string };

/** Streams one table's COPY text into COPY FROM, checking its hash against the file's own. */
async function loadTable(
  db: pg.PoolClient,
  start: z.infer<typeof TableStart>,
  frames: AsyncGenerator<{ kind: Kind; body: Buffer }>,
): Promise<Loaded> {
  const t: Table = { name: start.table, columns: start.columns };
  const copy = db.query(copyFrom(`COPY ${columnList(db, t)} FROM STDIN`));
  const h = createHash('sha256');
  let f: { kind: Kind; body: Buffer } | undefined;
  try {
    for (f = (await frames.next()).value; f?.kind === 'D'; f = (await frames.next()).value) {
      h.update(f.body);
      if (!copy.write(f.body)) await once(copy, 'drain');
    }
    if (!f) throw new StoreError('backup_corrupt', `The logical backup is cut off in table ${t.name}: nothing was restored.`);
  } catch (e) {
    // the COPY is abandoned (CopyFail), so that the connection can roll back
    copy.destroy(e as Error);
    await once(copy, 'close').catch(() => undefined);
    throw e;
  }
  copy.end();
  await once(copy, 'finish');
  {
    const end = TableEnd.parse(JSON.parse(f.body.toString('utf8')));
    const sha256 = h.digest('hex');
    if (f.kind !== 'E' || end.sha256 !== sha256 || end.rows !== Number(copy.rowCount))
      throw new StoreError('backup_corrupt', `Table ${t.name} in the logical backup does not match its checksum: nothing was restored.`);
    return { table: t.name, rows: end.rows, sha256 };
  }
}

async function restoreFrames(db: pg.PoolClient, input: Readable): Promise<LogicalManifest> {
  const frames = readFrames(input);
  const first = (await frames.next()).value;
  if (first?.kind !== 'H') throw new StoreError('backup_invalid', 'This file is not a Sanad logical backup.');
  const header = Header.parse(JSON.parse(first.body.toString('utf8')));
  const here = await migrations(db);
  if (header.migrations.join(',') !== here.join(','))
    throw new StoreError(
      'restore_failed',
      `The backup was made by a Sanad with ${header.migrations.length} migrations (last ${header.migrations.at(-1)}); this one has ${here.length} (last ${here.at(-1)}). Restore it with the Sanad version that made it, then upgrade.`,
    );
  await refuseNonEmpty(db);
  const tables = await tablesInOrder(db);
  await db.query('SET LOCAL session_replication_role = replica').catch(() => {
    throw new StoreError(
      'restore_failed',
      'A logical restore loads the change log as it was, with its triggers off: it needs a superuser, or a role granted SET ON PARAMETER session_replication_role.',
    );
  });
  await db.query(`TRUNCATE ${tables.map((t) => db.escapeIdentifier(t.name)).join(', ')}`);
  const loaded: Loaded[] = [];
  for (;;) {
    const f = (await frames.next()).value;
    if (!f) throw new StoreError('backup_corrupt', 'The logical backup is cut off (no manifest at its end): nothing was restored.');
    if (f.kind === 'T') {
      const start = TableStart.parse(JSON.parse(f.body.toString('utf8')));
      const here = tables.find((t) => t.name === start.table);
      if (!here || start.columns.some((c) => !here.columns.includes(c)))
        throw new StoreError(
          'restore_failed',
          `Table ${start.table} of the backup (or one of its columns) is not in this store's schema: nothing was restored.`,
        );
      loaded.push(await loadTable(db, start, frames));
    } else if (f.kind === 'M') {
      const manifest = LogicalManifest.parse(JSON.parse(f.body.toString('utf8')));
      const same =
        manifest.tables.length === loaded.length &&
        manifest.tables.every((t, i) => loaded[i]?.sha256 === t.sha256 && loaded[i]?.rows === t.rows);
      if (!same)
        throw new StoreError('backup_corrupt', 'The tables of the logical backup do not match its manifest: nothing was restored.');
      for (const s of manifest.sequences) if (s.value !== null) await db.query(`SELECT setval('${s.name}', $1, true)`, [s.value]);
      return manifest;
    } else throw new StoreError('backup_corrupt', 'The logical backup is damaged (an unexpected frame): nothing was restored.');
  }
}

/** Loads a logical backup into an empty store of the same schema, in one transaction, then verifies its change log. */
export async function logicalRestore(
  pool: pg.Pool,
  file: string,
  progress: Progress | undefined,
  say: (line: string) => void,
  secret: SecretKey,
): Promise<RestoreResult> {
  const db = await pool.connect();
  // the progress is that of the (compressed) file read
  const raw = createReadStream(file);
  raw.on('data', (chunk) => progress?.advance(chunk.length));
  const input = raw.pipe(createGunzip());
  // a cut-off or damaged file fails the reading below; these keep the stream's own error from escaping as an uncaught one
  raw.on('error', () => undefined);
  input.on('error', () => undefined);
  try {
    progress?.start((await stat(file)).size);
    await db.query('BEGIN');
    const manifest = await restoreFrames(db, input);
    await db.query('COMMIT');
    progress?.stop();
    say(`${manifest.tables.length} tables loaded, each matching its checksum`);
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    if (e instanceof StoreError) throw e;
    throw new StoreError('restore_failed', `The logical restore failed, nothing was restored: ${(e as Error).message}`);
  } finally {
    input.destroy();
    progress?.stop();
    db.release();
  }
  const audit = await verifyAuditChain(pool, secret);
  const c = await pool.query<{ people: number; households: number; changeLogRows: number }>(
    `SELECT (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM household)::int AS households,
            (SELECT count(*) FROM change_log)::int AS "changeLogRows"`,
  );
  return { audit, counts: c.rows[0]! };
}
