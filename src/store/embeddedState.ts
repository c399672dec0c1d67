// Who uses an embedded data directory, and whether a PostgreSQL process really serves it.
//
// DATA/sanad.lock (created with O_EXCL) is the directory's state file: the Sanad process holding
// it, the directory it was taken for, whether other `sanad` commands may connect to its server
// (`sanad serve`), and, once started, the server's port and postmaster pid. A lock naming another
// directory is a copy (cp -a of a live data directory) and is never trusted; neither is a
// postmaster.pid that names a process which is not a PostgreSQL server of this very directory.
import { constants as fsc } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const LockState = z.object({
  pid: z.number().int().positive(),
  /** The data directory (real path) the lock was taken for. */
  dir: z.string(),
  /** 'serve': other sanad commands connect to its server; 'command': one command, its own server. */
  role: z.enum(['serve', 'command']),
  port: z.number().int().positive().optional(),
  postmasterPid: z.number().int().positive().optional(),
});
export type LockState = z.infer<typeof LockState>;

/** A lock file's holder: its state, or a bare pid (older Sanad versions wrote only that). */
export type Holder = { state: LockState } | { legacyPid: number } | undefined;

export function lockFile(dataDir: string): string {
  return path.join(dataDir, 'sanad.lock');
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a lock's pid is a live Sanad (Node.js) process. A pid reused by another program after a
 * crash (a reboot) does not hold the directory; where /proc cannot tell, a live pid counts.
 */
export async function sanadAlive(pid: number): Promise<boolean> {
  if (!alive(pid)) return false;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return cmdline === undefined || /node|sanad/i.test(cmdline);
}

/** Creates the lock with our state; false when it exists already. */
export async function createLock(dataDir: string, state: LockState): Promise<boolean> {
  try {
    const fh = await fs.open(lockFile(dataDir), fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o600);
    await fh.writeFile(JSON.stringify(state));
    await fh.close();
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Rewrites our own lock with the started server's port and pid (write and rename: readers never see half a file). */
export async function updateLock(dataDir: string, state: LockState): Promise<void> {
  const tmp = `${lockFile(dataDir)}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(state), { mode: 0o600 });
  await fs.rename(tmp, lockFile(dataDir));
}

export async function readHolder(dataDir: string): Promise<Holder> {
  const text = (await fs.readFile(lockFile(dataDir), 'utf8').catch(() => '')).trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return { legacyPid: Number(text) };
  try {
    const parsed = LockState.safeParse(JSON.parse(text));
    return parsed.success ? { state: parsed.data } : undefined;
  } catch {
    return undefined;
  }
}

/** The fields of PGDATA/postmaster.pid that matter here (PostgreSQL writes one per line). */
export type Postmaster = { pid: number; dataDirectory: string; port: number };

export async function readPostmaster(pgdata: string): Promise<Postmaster | undefined> {
  const lines = (await fs.readFile(path.join(pgdata, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const pid = Number(lines[0]?.trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, dataDirectory: lines[1]?.trim() ?? '', port: Number(lines[3]?.trim()) };
}

async function real(p: string): Promise<string> {
  return fs.realpath(p).catch(() => path.resolve(p));
}

/**
 * Whether postmaster.pid names a live PostgreSQL server of `pgdata`: 'yes', 'no' (dead, or a
 * process or server of another directory: a copied or stale file), or 'unknown' (alive, names this
 * directory, but the process cannot be inspected: no /proc).
 */
export async function servesDirectory(pm: Postmaster, pgdata: string): Promise<'yes' | 'no' | 'unknown'> {
  if (!alive(pm.pid)) return 'no';
  const want = await real(pgdata);
  if ((await real(pm.dataDirectory)) !== want) return 'no';
  // The postmaster's working directory is its data directory; its program is `postgres`.
  const [cwd, exe] = await Promise.all([
    fs.readlink(`/proc/${pm.pid}/cwd`).catch(() => undefined),
    fs.readlink(`/proc/${pm.pid}/exe`).catch(() => undefined),
  ]);
  if (cwd === undefined || exe === undefined) return 'unknown';
  return cwd === want && path.basename(exe).startsWith('postgres') ? 'yes' : 'no';
}
