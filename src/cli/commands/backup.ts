// `sanad backup` and `sanad restore`: physical backups of the embedded store (with WAL archiving for
// a point in time), and logical ones of any store. See docs/OPERATIONS.md and
// docs/decisions/0025-backups.md.
import fs from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { megabytes } from '../../store/backup/files.ts';
import { logicalBackup, logicalRestore } from '../../store/backup/logical.ts';
import { physicalBackup, type Progress } from '../../store/backup/physical.ts';
import { needKey } from '../../store/access/secondFactor.ts';
import { physicalRestore, type RestoreResult } from '../../store/backup/restore.ts';
import { startEmbedded } from '../../store/embedded.ts';
import { StoreError } from '../../errors.ts';
import { storeFromOptions, withStoreOptions } from '../options.ts';

const SECRET_KEY_NOTE =
  "The server's secret key (DATA/secret.key, or SANAD_SECRET_KEY) is NOT in this backup, on purpose: keep a copy of it apart. Without it every user's second factor must be reset.";

function progressBar(verb: string): Progress {
  const bar = new cliProgress.SingleBar(
    { format: `${verb} [{bar}] {percentage}% {done} of {size}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let total = 0;
  let done = 0;
  let running = false;
  return {
    start: (bytes) => {
      total = Math.max(bytes, 1);
      done = 0;
      running = true;
      bar.start(total, 0, { done: megabytes(0), size: megabytes(bytes) });
    },
    advance: (n) => {
      done += n;
      // the WAL copied at the end, and files that grew meanwhile, may pass the first total
      if (done > total) total = done;
      if (running) bar.update(Math.min(done, total), { done: megabytes(done), size: megabytes(total) });
    },
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const peakMemory = () => megabytes(process.resourceUsage().maxRSS * 1024);

async function backupPhysical(o: { output: string; dataDir: string }): Promise<void> {
  if (process.env.DATABASE_URL)
    throw new StoreError(
      'backup_unsupported',
      'sanad backup copies the embedded store. For an external PostgreSQL use its own tools (pgBackRest, or pg_basebackup with WAL archiving: docs/OPERATIONS.md), or sanad backup --logical.',
    );
  const dataDir = path.resolve(o.dataDir);
  if (!(await fs.stat(path.join(dataDir, 'pg', 'PG_VERSION')).catch(() => null)))
    throw new StoreError('backup_unsupported', `${dataDir} holds no Sanad store (no pg/PG_VERSION).`);
  const began = Date.now();
  const server = await startEmbedded({ dataDir, role: 'command' });
  try {
    const m = await physicalBackup({
      url: server.url,
      pgdata: path.join(dataDir, 'pg'),
      dataDir,
      output: path.resolve(o.output),
      progress: progressBar('backup'),
    });
    const bytes = m.files.reduce((n, f) => n + f.size, 0);
    say(
      `backup written to ${path.resolve(o.output)}: ${m.files.length} files, ${megabytes(bytes)}, each with its SHA-256 in sanad-backup.json`,
    );
    say(
      `consistent as of ${m.finishedAt} (WAL ${m.startLsn} to ${m.stopLsn}), taken ${server.attached ? 'while sanad serve ran' : 'with no server running'}`,
    );
    say(m.changeLog ? `change log head: row ${m.changeLog.seq}, hash ${m.changeLog.hash}` : 'change log: none yet (an empty store)');
    say(`took ${((Date.now() - began) / 1000).toFixed(1)} s, peak memory ${peakMemory()}`);
    say(SECRET_KEY_NOTE);
  } finally {
    await server.stop();
  }
}

function parseUntil(until: string | undefined): Date | undefined {
  if (until === undefined) return undefined;
  const t = Date.parse(until);
  if (!/(Z|[+-]\d\d(:?\d\d)?)$/i.test(until.trim()) || Number.isNaN(t))
    throw new Error('--until must be a time with its zone, e.g. 2026-12-06T14:30:00Z or 2026-12-06T16:30:00+02:00');
  return new Date(t);
}

function printRestored(r: RestoreResult, dataDir: string, began: number): void {
  if (r.audit.ok) say(`change log intact: ${r.audit.rows} rows, head ${r.audit.head}`);
  else {
    say(`change log BROKEN at row seq=${r.audit.firstBadSeq}: ${r.audit.problem.replace(/_/g, ' ')} (${r.audit.rows} rows read)`);
    process.exitCode = 3;
  }
  say(`people: ${r.counts.people}`);
  say(`households: ${r.counts.households}`);
  say(`change-log rows: ${r.counts.changeLogRows}`);
  say(`took ${((Date.now() - began) / 1000).toFixed(1)} s, peak memory ${peakMemory()}`);
  say(
    `restored into ${dataDir}${r.until ? ` as of ${r.until}` : ''}. Before sanad serve --data-dir ${dataDir}: copy the server's secret key there (secret.key), or set SANAD_SECRET_KEY.`,
  );
}

async function restorePhysical(backup: string, o: { dataDir: string; walArchive?: string; until?: string }): Promise<void> {
  if (process.env.DATABASE_URL)
    throw new StoreError(
      'restore_failed',
      'A physical backup restores into an embedded data directory: unset DATABASE_URL (or use sanad restore --logical).',
    );
  const began = Date.now();
  const until = parseUntil(o.until);
  const dataDir = path.resolve(o.dataDir);
  const r = await physicalRestore({
    backup: path.resolve(backup),
    dataDir,
    walArchive: o.walArchive,
    until,
    progress: progressBar('restore'),
    say,
  });
  printRestored(r, dataDir, began);
}

export function register(program: Command): void {
  withStoreOptions(
    program.command('backup').description('a consistent backup of the live store, with a manifest of checksums (docs/OPERATIONS.md)'),
  )
    .requiredOption('--output <path>', 'a new or empty directory (a file with --logical)')
    .option(
      '--logical',
      'every table through COPY into one file: for moving to or from an external PostgreSQL, or off an old data directory',
    )
    .action(async (o: { output: string; dataDir: string; logical?: boolean }) => {
      if (!o.logical) return backupPhysical(o);
      const began = Date.now();
      const store = await storeFromOptions(o);
      try {
        const m = await logicalBackup(store.pool, path.resolve(o.output), progressBar('backup'));
        const rows = m.tables.reduce((n, t) => n + t.rows, 0);
        say(
          `logical backup written to ${path.resolve(o.output)}: ${m.tables.length} tables, ${rows} rows, each table's SHA-256 in its manifest`,
        );
        say(m.changeLog ? `change log head: row ${m.changeLog.seq}, hash ${m.changeLog.hash}` : 'change log: empty');
        say(`took ${((Date.now() - began) / 1000).toFixed(1)} s, peak memory ${peakMemory()}`);
        say(SECRET_KEY_NOTE);
      } finally {
        await store.close();
      }
    });
  withStoreOptions(
    program
      .command('restore <backup>')
      .description('restore a backup into a new data directory (physical), or into an empty store (--logical)'),
  )
    .option('--wal-archive <dir>', 'the WAL archive of sanad serve --wal-archive: replay it to its end, or to --until')
    .option('--until <time>', 'recover to this point in time (with its zone, e.g. 2026-12-06T14:30:00Z); needs --wal-archive')
    .option(
      '--logical',
      'the file of sanad backup --logical, into the store of --data-dir or DATABASE_URL (which must hold no registry data)',
    )
    .action(async (backup: string, o: { dataDir: string; walArchive?: string; until?: string; logical?: boolean }) => {
      if (!o.logical) return restorePhysical(backup, o);
      if (o.walArchive || o.until) throw new Error('--wal-archive and --until are for physical backups');
      const began = Date.now();
      const store = await storeFromOptions(o);
      // loading the change log as it was (its triggers off) is the owner's work, not the server's role's
      const owner = store.ownerPool?.();
      try {
        const r = await logicalRestore(owner ?? store.pool, path.resolve(backup), progressBar('restore'), say, needKey(store.secretKey));
        printRestored(r, process.env.DATABASE_URL ? 'the database of DATABASE_URL' : path.resolve(o.dataDir), began);
      } finally {
        await owner?.end();
        await store.close();
      }
    });
}
