// A physical backup of the live embedded store, taken by Sanad itself (the embedded package has no
// pg_basebackup): PostgreSQL's non-exclusive low-level backup API. A temporary replication slot
// keeps the WAL from the start on; pg_backup_start; every file of the data directory copied as a
// stream with its SHA-256; pg_backup_stop, whose backup label is written beside the copied files;
// then the WAL segments from the start to the end of the backup, so the backup restores on its own
// (which is why the stop does not wait for the WAL archive: a broken archive must not hang it).
// See docs/decisions/0025-backups.md.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { StoreError } from '../../errors.ts';
import { withDatabase } from '../embedded.ts';
import { copyHashed, emptyTarget, type FileEntry, MANIFEST, type PhysicalManifest, syncFile, writeSmall } from './files.ts';

export type Progress = { start: (totalBytes: number) => void; advance: (bytes: number) => void; stop: () => void };

/** Directories whose contents a backup leaves out (PostgreSQL recreates or does not need them); the directories themselves are kept. */
const EMPTIED = new Set(['pg_wal', 'pg_dynshmem', 'pg_notify', 'pg_replslot', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const LEFT_OUT = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'current_logfiles',
  'recovery.signal',
  'standby.signal',
  'backup_label',
  'backup_label.old',
  'tablespace_map',
  'pg_internal.init',
]);

type Walked = { dirs: string[]; files: { rel: string; size: number }[] };

/** The data directory's files and directories, relative to it, without what a backup leaves out. */
async function walk(pgdata: string): Promise<Walked> {
  const out: Walked = { dirs: [], files: [] };
  const visit = async (rel: string): Promise<void> => {
    for (const e of await fs.readdir(path.join(pgdata, rel), { withFileTypes: true })) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isSymbolicLink())
        throw new StoreError(
          'backup_unsupported',
          `${child} is a symbolic link (a tablespace?): sanad backup copies one data directory only.`,
        );
      if (e.name.startsWith('pgsql_tmp')) continue;
      if (e.isDirectory()) {
        out.dirs.push(child);
        if (!(rel === '' && EMPTIED.has(e.name))) await visit(child);
      } else if (e.isFile() && !LEFT_OUT.has(e.name)) {
        const st = await fs.stat(path.join(pgdata, child)).catch(() => undefined);
        if (st) out.files.push({ rel: child, size: st.size });
      }
    }
  };
  await visit('');
  // pg_control last, as pg_basebackup does: the copy of the file PostgreSQL rewrites at each checkpoint is the latest
  out.files.sort((a, b) => Number(a.rel === 'global/pg_control') - Number(b.rel === 'global/pg_control'));
  return out;
}

type Started = { startLsn: string; startWal: string; startedAt: string };

async function begin(c: pg.Client, label: string): Promise<Started> {
  // WAL from here on stays until this session ends, however long the copy takes
  await c.query('SELECT pg_create_physical_replication_slot($1, true, true)', [`sanad_backup_${randomBytes(6).toString('hex')}`]);
  const r = await c.query<{ lsn: string; wal: string; at: Date }>(
    'SELECT lsn::text AS lsn, pg_walfile_name(lsn) AS wal, clock_timestamp() AS at FROM pg_backup_start($1, true) AS lsn',
    [label],
  );
  const row = r.rows[0]!;
  return { startLsn: row.lsn, startWal: row.wal, startedAt: row.at.toISOString() };
}

/** The change log's head, or null on a store without the application database or its tables yet. */
async function changeLogHead(url: string): Promise<{ seq: number; hash: string } | null> {
  const c = new pg.Client({ connectionString: withDatabase(url, 'sanad') });
  try {
    await c.connect();
    const r = await c.query<{ seq: number; hash: Buffer }>('SELECT seq::int AS seq, hash FROM change_log_head');
    const h = r.rows[0];
    return h ? { seq: h.seq, hash: h.hash.toString('hex') } : null;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** The WAL segments (and timeline histories) from the backup's start to its end, copied into the backup's pg_wal. */
async function copyWal(pgdata: string, output: string, from: string, to: string, progress?: Progress): Promise<FileEntry[]> {
  const names = (await fs.readdir(path.join(pgdata, 'pg_wal'))).sort();
  const wanted = names.filter((n) => (/^[0-9A-F]{24}$/.test(n) && n >= from && n <= to) || /^[0-9A-F]{8}\.history$/.test(n));
  if (!wanted.includes(from) || !wanted.includes(to))
    throw new StoreError('backup_failed', `The WAL of the backup (${from} to ${to}) is no longer in pg_wal: nothing usable was written.`);
  const entries: FileEntry[] = [];
  for (const n of wanted) {
    const rel = `pg/pg_wal/${n}`;
    const done = await copyHashed(path.join(pgdata, 'pg_wal', n), path.join(output, rel), progress?.advance);
    if (!done) throw new StoreError('backup_failed', `WAL segment ${n} vanished during the backup.`);
    entries.push({ path: rel, ...done });
  }
  return entries;
}

/**
 * Backs up the running server of `url` whose data directory is `pgdata` into `output` (new or
 * empty): DIR/pg (the data directory with its backup_label and WAL), DIR/pg-password (the cluster's
 * own password, needed to start it) and DIR/sanad-backup.json, written last.
 */
export async function physicalBackup(opts: {
  url: string;
  pgdata: string;
  dataDir: string;
  output: string;
  progress?: Progress;
}): Promise<PhysicalManifest> {
  const { pgdata, output, progress } = opts;
  const inside = path.relative(await fs.realpath(pgdata), path.resolve(output));
  if (!inside.startsWith('..') && !path.isAbsolute(inside))
    throw new StoreError('backup_unsupported', 'The backup directory must not be inside the data directory it copies.');
  await emptyTarget(output, 'The backup directory');
  const c = new pg.Client({ connectionString: opts.url });
  await c.connect();
  try {
    const served = (await c.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0]!.d;
    if ((await fs.realpath(served)) !== (await fs.realpath(pgdata)))
      throw new StoreError('backup_failed', 'The server answering is not the one of this data directory.');
    const sys = (
      await c.query<{ id: string; v: number }>(
        "SELECT system_identifier::text AS id, current_setting('server_version_num')::int AS v FROM pg_control_system()",
      )
    ).rows[0]!;
    const started = await begin(c, `sanad ${new Date().toISOString()}`);
    const walked = await walk(pgdata);
    await Promise.all(walked.dirs.map((d) => fs.mkdir(path.join(output, 'pg', d), { recursive: true, mode: 0o700 })));
    await fs.mkdir(path.join(output, 'pg', 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
    progress?.start(walked.files.reduce((n, f) => n + f.size, 0));
    const files: FileEntry[] = [];
    for (const f of walked.files) {
      const done = await copyHashed(path.join(pgdata, f.rel), path.join(output, 'pg', f.rel), progress?.advance);
      if (done) files.push({ path: `pg/${f.rel}`, ...done });
    }
    const changeLog = await changeLogHead(opts.url);
    const stopped = (
      await c.query<{ lsn: string; wal: string; label: string; map: string; at: Date }>(
        'SELECT lsn::text AS lsn, pg_walfile_name(lsn) AS wal, labelfile AS label, spcmapfile AS map, clock_timestamp() AS at FROM pg_backup_stop(false)',
      )
    ).rows[0]!;
    files.push(await writeSmall(output, 'pg/backup_label', stopped.label));
    if (stopped.map) files.push(await writeSmall(output, 'pg/tablespace_map', stopped.map));
    files.push(...(await copyWal(pgdata, output, started.startWal, stopped.wal, progress)));
    files.push(await writeSmall(output, 'pg-password', await fs.readFile(path.join(opts.dataDir, 'pg-password'))));
    progress?.stop();
    const manifest: PhysicalManifest = {
      format: 'sanad-physical-backup',
      version: 1,
      startedAt: started.startedAt,
      finishedAt: stopped.at.toISOString(),
      postgresVersion: sys.v,
      systemIdentifier: sys.id,
      startLsn: started.startLsn,
      stopLsn: stopped.lsn,
      changeLog,
      secretKeyIncluded: false,
      dirs: ['pg', ...walked.dirs.map((d) => `pg/${d}`), 'pg/pg_wal/archive_status'],
      files,
    };
    await fs.writeFile(path.join(output, `${MANIFEST}.tmp`), `${JSON.stringify(manifest, null, 1)}\n`, { mode: 0o600 });
    await syncFile(path.join(output, `${MANIFEST}.tmp`));
    await fs.rename(path.join(output, `${MANIFEST}.tmp`), path.join(output, MANIFEST));
    return manifest;
  } finally {
    progress?.stop();
    await c.end().catch(() => undefined);
  }
}
