// A server that cannot start stops what it started: a port in use, or an embedded PostgreSQL that
// fails, ends `sanad serve` with status 1 and a clear message, no PostgreSQL left running and the
// directory unlocked; a signal during the start stops the server once it can, cleanly; a stopped
// server's PostgreSQL is gone when Sanad has exited.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { embeddedEnv, isAlive, postmasterPid, serve, stop } from '../support/served.ts';

const dirs: string[] = [];

afterAll(async () => {
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

function newDir(name: string): string {
  const d = path.join(os.tmpdir(), `sanad-${name}-${randomBytes(4).toString('hex')}`);
  dirs.push(d);
  return d;
}

/** The pids of live processes whose working directory is this data directory's PGDATA (a postmaster and its backends). */
async function postgresOf(dir: string): Promise<number[]> {
  const pgdata = await fs.realpath(path.join(dir, 'pg')).catch(() => path.join(dir, 'pg'));
  const found: number[] = [];
  for (const pid of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cwd = await fs.readlink(`/proc/${pid}/cwd`).catch(() => '');
    if (cwd === pgdata) found.push(Number(pid));
  }
  return found;
}

type Ran = { code: number | null; out: string; child: ReturnType<typeof spawn>; exited: Promise<number | null> };

function startServe(dir: string, args: string[]): Ran {
  const child = spawn(process.execPath, ['bin/sanad.js', 'serve', '--data-dir', dir, ...args], {
    env: embeddedEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ran: Ran = { code: null, out: '', child, exited: Promise.resolve(null) };
  child.stdout.on('data', (d) => (ran.out += d));
  child.stderr.on('data', (d) => (ran.out += d));
  ran.exited = new Promise((r) =>
    child.on('exit', (code) => {
      ran.code = code;
      r(code);
    }),
  );
  return ran;
}

/** `what` may be a function: read when the time is up (a process's output so far, to say where it hung). */
async function within<T>(p: Promise<T>, ms: number, what: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${typeof what === 'string' ? what : what()}: not within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

test('a port in use: sanad serve exits 1 with a clear message, and leaves no PostgreSQL running and no lock', async () => {
  const blocker = net.createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as net.AddressInfo).port;
  const dir = newDir('port-in-use');
  try {
    const ran = startServe(dir, ['--port', String(port)]);
    expect(await within(ran.exited, 90_000, () => `sanad serve exits (its output so far: ${ran.out.slice(-1500)})`)).toBe(1);
    expect(ran.out).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use`);
    expect(ran.out).toMatch(/Sanad stopped its database and exits/);
    expect(await postgresOf(dir)).toEqual([]);
    await expect(fs.stat(path.join(dir, 'pg', 'postmaster.pid'))).rejects.toThrow();
    await expect(fs.stat(path.join(dir, 'sanad.lock'))).rejects.toThrow();
  } finally {
    blocker.close();
  }
}, 120_000);

test('an embedded PostgreSQL that fails to start: sanad serve exits 1 with its log lines and leaves nothing running', async () => {
  const dir = newDir('pg-fails');
  const first = await serve(dir);
  const pm = await postmasterPid(dir);
  first.child.kill('SIGINT'); // Ctrl+C
  expect((await within(first.exited, 90_000, () => `sanad serve stops (its output so far: ${first.output().slice(-1500)})`)).code).toBe(0);
  // the server's PostgreSQL is stopped, cleanly, before Sanad exits (no wait, no second signal needed)
  expect(isAlive(pm)).toBe(false);
  const log = await fs.readFile(path.join(dir, 'postgres.log'), 'utf8');
  expect(log).toMatch(/received fast shutdown request[\s\S]*database system is shut down/);
  await fs.appendFile(path.join(dir, 'pg', 'postgresql.conf'), "\nshared_buffers = 'a lot'\n");
  const ran = startServe(dir, ['--port', '0']);
  expect(await within(ran.exited, 90_000, () => `sanad serve exits (its output so far: ${ran.out.slice(-1500)})`), ran.out).toBe(1);
  expect(ran.out).toMatch(/Embedded PostgreSQL exited at start/);
  expect(ran.out).toMatch(/shared_buffers/);
  expect(await postgresOf(dir)).toEqual([]);
  await expect(fs.stat(path.join(dir, 'sanad.lock'))).rejects.toThrow();
}, 180_000);

test('SIGTERM while the server starts: it stops once started, status 0, its PostgreSQL stopped with it', async () => {
  const dir = newDir('early-signal');
  const ran = startServe(dir, ['--port', '0']);
  // the embedded PostgreSQL has been spawned (its postmaster.pid is there): the start is under way
  await within(
    (async () => {
      while (!(await fs.stat(path.join(dir, 'pg', 'postmaster.pid')).catch(() => null))) await new Promise((r) => setTimeout(r, 50));
    })(),
    90_000,
    'PostgreSQL starts',
  );
  ran.child.kill('SIGTERM');
  expect(await within(ran.exited, 120_000, () => `sanad serve exits (its output so far: ${ran.out.slice(-1500)})`)).toBe(0);
  expect(ran.out).toMatch(/stopping once the start has finished/);
  expect(await postgresOf(dir)).toEqual([]);
  await expect(fs.stat(path.join(dir, 'sanad.lock'))).rejects.toThrow();
}, 180_000);

test('a PostgreSQL that does not stop within the shutdown bound is stopped at once before Sanad exits; the next start recovers', async () => {
  const dir = newDir('hung-postgres');
  const first = await serve(dir, embeddedEnv({ SANAD_SHUTDOWN_SECONDS: '0' }));
  const pm = await postmasterPid(dir);
  process.kill(pm, 'SIGSTOP'); // a postmaster that cannot act on SIGINT or SIGQUIT (as on a machine that is far too loaded)
  try {
    first.child.kill('SIGTERM');
    const { code } = await within(first.exited, 90_000, 'sanad serve exits');
    expect(code).toBe(1);
    expect(first.output()).toMatch(/shutdown did not finish in time: stopping the database at once and exiting/);
    expect(isAlive(pm)).toBe(false);
  } finally {
    if (isAlive(pm)) process.kill(pm, 'SIGCONT');
  }
  // its other processes notice that the postmaster is gone and exit by themselves
  await within(
    (async () => {
      while ((await postgresOf(dir)).length > 0) await new Promise((r) => setTimeout(r, 200));
    })(),
    30_000,
    'the rest of PostgreSQL exits',
  );
  const again = await serve(dir);
  expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
  await stop(again);
}, 180_000);
