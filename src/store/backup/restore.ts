// Restores a physical backup (src/store/backup/physical.ts) into a new data directory: every file
// copied and checked against the manifest before PostgreSQL is started, then the WAL replayed
// (from the backup alone, or from a WAL archive to its end or to a point in time), the server
// started, the change log verified and the store counted. See docs/decisions/0025-backups.md.
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { StoreError } from '../../errors.ts';
import { verifyAuditChain } from '../auditVerify.ts';
import { embeddedMajor, ownForServer, startEmbedded } from '../embedded.ts';
import { openStore } from '../open.ts';
import { needKey } from '../access/secondFactor.ts';
import { copyHashed, emptyTarget, exists, MANIFEST, PhysicalManifest } from './files.ts';
import type { Progress } from './physical.ts';

export type Counts = { people: number; households: number; changeLogRows: number };
export type RestoreResult = { counts: Counts; audit: Awaited<ReturnType<typeof verifyAuditChain>>; until?: string };

export async function readManifest(backup: string): Promise<PhysicalManifest> {
  const file = path.join(backup, MANIFEST);
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new StoreError('backup_invalid', `${backup} is not a complete Sanad backup: ${MANIFEST} is missing.`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StoreError('backup_invalid', `${file} is damaged (not JSON): the backup cannot be checked.`);
  }
  const parsed = PhysicalManifest.safeParse(json);
  if (!parsed.success) throw new StoreError('backup_invalid', `${file} is not a manifest of this Sanad version's physical backups.`);
  return parsed.data;
}

/** Whatever was copied into the target is removed: a damaged backup leaves nothing behind. */
async function emptyAgain(dir: string): Promise<void> {
  for (const e of await fs.readdir(dir)) await fs.rm(path.join(dir, e), { recursive: true, force: true });
}

/** Copies every file of the manifest into the target, checking each one's size and SHA-256; a damaged or missing file is named. */
async function copyChecked(backup: string, manifest: PhysicalManifest, target: string, progress?: Progress): Promise<void> {
  for (const d of manifest.dirs) await fs.mkdir(path.join(target, d), { recursive: true, mode: 0o700 });
  progress?.start(manifest.files.reduce((n, f) => n + f.size, 0));
  const bad: string[] = [];
  for (const f of manifest.files) {
    if (f.path.split('/').includes('..') || path.isAbsolute(f.path))
      throw new StoreError('backup_invalid', `The manifest names ${f.path}, outside the backup.`);
    const from = path.join(backup, f.path);
    const got = (await exists(from)) ? await copyHashed(from, path.join(target, f.path), progress?.advance) : undefined;
    if (!got) bad.push(`${f.path} (missing)`);
    else if (got.size !== f.size || got.sha256 !== f.sha256) bad.push(`${f.path} (its checksum differs from the manifest's)`);
  }
  progress?.stop();
  if (bad.length > 0) {
    await emptyAgain(target);
    const more = bad.length > 10 ? ` and ${bad.length - 10} more` : '';
    throw new StoreError(
      'backup_corrupt',
      `The backup is damaged, nothing was restored and PostgreSQL was not started: ${bad.slice(0, 10).join(', ')}${more}.`,
    );
  }
}

/** A path inside a restore_command (run by the shell): single-quoted, and % doubled for PostgreSQL. */
function shellQuoted(p: string): string {
  return `'${p.replace(/'/g, `'\\''`).replace(/%/g, '%%')}'`;
}

/** Recovery from a WAL archive: recovery.signal, and the settings of that one start (they do not stay in the configuration). */
async function recoverySettings(pgdata: string, archive: string | undefined, until: Date | undefined): Promise<Record<string, string>> {
  if (!archive) return {};
  await fs.writeFile(path.join(pgdata, 'recovery.signal'), '', { mode: 0o600 });
  return {
    restore_command: `cp ${shellQuoted(path.resolve(archive))}/"%f" "%p"`,
    recovery_target_action: 'promote',
    recovery_target_timeline: 'latest',
    ...(until ? { recovery_target_time: until.toISOString().replace('T', ' ').replace('Z', '+00') } : {}),
  };
}

async function lastLogLines(dataDir: string): Promise<string> {
  const log = await fs.readFile(path.join(dataDir, 'postgres.log'), 'utf8').catch(() => '');
  return log.split('\n').slice(-12).join('\n');
}

/** Starts PostgreSQL on the restored directory, waits for the replay to end (it promotes itself), and stops it. */
async function replay(dataDir: string, settings: Record<string, string>, say: (s: string) => void): Promise<void> {
  const server = await startEmbedded({ dataDir, role: 'command', settings, startTimeoutMs: 24 * 3600_000 });
  try {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    try {
      for (let last = ''; ; ) {
        const r = await c.query<{ rec: boolean; lsn: string | null }>(
          'SELECT pg_is_in_recovery() AS rec, pg_last_wal_replay_lsn()::text AS lsn',
        );
        const row = r.rows[0]!;
        if (!row.rec) break;
        if (row.lsn && row.lsn !== last) say(`replaying the WAL archive: at ${row.lsn}`);
        last = row.lsn ?? last;
        await new Promise((res) => setTimeout(res, 500));
      }
    } finally {
      await c.end().catch(() => undefined);
    }
  } catch (e) {
    await server.stop();
    throw new StoreError(
      'restore_failed',
      `PostgreSQL stopped while replaying the WAL (${(e as Error).message}). Last lines of its log:\n${await lastLogLines(dataDir)}`,
    );
  }
  await server.stop();
}

async function counts(pool: pg.Pool): Promise<Counts> {
  const r = await pool.query<Counts>(
    `SELECT (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM household)::int AS households,
            (SELECT count(*) FROM change_log)::int AS "changeLogRows"`,
  );
  return r.rows[0]!;
}

async function checkBefore(opts: { backup: string; walArchive?: string | undefined; until?: Date | undefined }): Promise<PhysicalManifest> {
  const manifest = await readManifest(opts.backup);
  const major = await embeddedMajor();
  if (Math.floor(manifest.postgresVersion / 10000) !== major)
    throw new StoreError(
      'restore_failed',
      `The backup was taken from PostgreSQL ${Math.floor(manifest.postgresVersion / 10000)}; this Sanad runs PostgreSQL ${major}. Restore it with the Sanad version that took it, or move the data with sanad backup --logical.`,
    );
  if (opts.until && !opts.walArchive)
    throw new StoreError('restore_failed', '--until needs --wal-archive: the WAL after the backup is in the archive.');
  if (opts.until && opts.until.getTime() < Date.parse(manifest.finishedAt))
    throw new StoreError('restore_failed', `--until is before the end of this backup (${manifest.finishedAt}): restore an older backup.`);
  if (
    opts.walArchive &&
    !(await fs.stat(opts.walArchive).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    throw new StoreError('restore_failed', `The WAL archive ${opts.walArchive} is not a directory.`);
  return manifest;
}

export async function physicalRestore(opts: {
  backup: string;
  dataDir: string;
  walArchive?: string | undefined;
  until?: Date | undefined;
  progress?: Progress;
  say: (line: string) => void;
}): Promise<RestoreResult> {
  const manifest = await checkBefore(opts);
  const dataDir = path.resolve(opts.dataDir);
  await emptyTarget(dataDir, 'The target data directory');
  await copyChecked(opts.backup, manifest, dataDir, opts.progress);
  opts.say(`all ${manifest.files.length} files match the manifest`);
  const pgdata = path.join(dataDir, 'pg');
  const settings = await recoverySettings(pgdata, opts.walArchive, opts.until);
  await ownForServer(pgdata);
  await replay(dataDir, settings, opts.say);
  const store = await openStore({ dataDir, role: 'command' });
  try {
    // the change log is keyed with the server's secret key (SANAD_SECRET_KEY or DATA/secret.key of the restored directory)
    const audit = await verifyAuditChain(store.pool, needKey(store.secretKey));
    return { counts: await counts(store.pool), audit, ...(opts.until ? { until: opts.until.toISOString() } : {}) };
  } finally {
    await store.close();
  }
}
