// The embedded data directory under stress: a copy of a live one (cp -a, with its lock file and
// postmaster.pid) starts on its own and signals nobody; a server whose PostgreSQL dies says so on
// /healthz (503) and exits with a clear log line; SIGTERM stops a server within a bound even while
// a request is stuck in the database.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connectTo, embeddedEnv, health, isAlive, postmasterPid, type Served, sanadIn, serve, stop } from '../support/served.ts';

const PASSWORD = 'correct horse battery staple';
const dirs: string[] = [];
const servers: Served[] = [];
let live: Served;

async function tempDir(name: string): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), `sanad-${name}-`));
  dirs.push(d);
  return d;
}

/** cp -a of a directory in use (the lock file and postmaster.pid come along). */
async function copyOf(dir: string, name: string, opts: { withoutLock?: boolean } = {}): Promise<string> {
  const copy = path.join(os.tmpdir(), `sanad-${name}-${randomBytes(4).toString('hex')}`);
  dirs.push(copy);
  execFileSync('cp', ['-a', dir, copy]);
  if (opts.withoutLock) await fs.rm(path.join(copy, 'sanad.lock'));
  return copy;
}

async function served(dir: string, env?: NodeJS.ProcessEnv): Promise<Served> {
  const s = await serve(dir, env);
  servers.push(s);
  return s;
}

beforeAll(async () => {
  live = await served(await tempDir('live'));
}, 90_000);

afterAll(async () => {
  for (const s of servers) await stop(s);
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

test('a copy of a live data directory starts on its own and leaves the live server alone', async () => {
  const livePostgres = await postmasterPid(live.dir);
  // without the lock file (only postmaster.pid names the live PostgreSQL), and with it (naming the live Sanad process)
  for (const copy of [await copyOf(live.dir, 'copy-nolock', { withoutLock: true }), await copyOf(live.dir, 'copy')]) {
    const other = await served(copy);
    expect(isAlive(livePostgres)).toBe(true);
    expect(other.output()).toMatch(/names process \d+, which is not a PostgreSQL server of this directory/);
    expect(await postmasterPid(copy)).not.toBe(livePostgres);
    expect(await health(live.url)).toBe(200);
    expect(await health(other.url)).toBe(200);
    await stop(other);
    expect(isAlive(livePostgres)).toBe(true);
    expect(await health(live.url)).toBe(200);
  }
}, 120_000);

test('a command on a copy works on the copy, not on the live server named in the copied files', async () => {
  const copy = await copyOf(live.dir, 'copy-command');
  const livePostgres = await postmasterPid(live.dir);
  // a user added on the copy only
  const added = await sanadIn(copy, [
    'user',
    'add',
    '--username',
    'copy-only',
    '--org',
    'Relief org',
    '--role',
    'auditor',
    '--password',
    PASSWORD,
  ]);
  expect(added.code, added.err).toBe(0);
  const verify = await sanadIn(copy, ['audit', 'verify', '--user', 'copy-only']);
  expect(verify.code, verify.err).toBe(0);
  expect(isAlive(livePostgres)).toBe(true);
  const c = await connectTo(live.dir);
  try {
    expect((await c.query("SELECT 1 FROM app_user WHERE username = 'copy-only'")).rowCount).toBe(0);
  } finally {
    await c.end();
  }
  expect(await health(live.url)).toBe(200);
}, 120_000);

test('a lock file and a postmaster.pid naming a pid now used by another program (after a crash) are ignored, and it is not signalled', async () => {
  const dir = await tempDir('reused');
  const first = await served(dir);
  const firstPostgres = await postmasterPid(dir);
  await stop(first); // a cluster, stopped: Sanad exits only once its PostgreSQL has stopped
  expect(isAlive(firstPostgres)).toBe(false);
  const bystander = spawn('sleep', ['120']); // SIGINT would end it
  const pid = bystander.pid!;
  const pgdata = path.join(dir, 'pg');
  await fs.writeFile(path.join(pgdata, 'postmaster.pid'), `${pid}\n${pgdata}\n1764000000\n5432\n\n127.0.0.1\n  0  0\nready   \n`);
  await fs.writeFile(
    path.join(dir, 'sanad.lock'),
    JSON.stringify({ pid, dir: await fs.realpath(dir), role: 'serve', port: 5432, postmasterPid: pid }),
  );
  try {
    const s = await served(dir);
    expect(isAlive(pid)).toBe(true);
    expect(s.output()).toMatch(/names process \d+, which is not a PostgreSQL server of this directory/);
    expect(await health(s.url)).toBe(200);
    expect(await postmasterPid(dir)).not.toBe(pid);
  } finally {
    bystander.kill();
  }
}, 120_000);

test('when its PostgreSQL dies, the server answers 503 on /healthz and exits with a clear log line', async () => {
  const victim = await served(await tempDir('dies'));
  expect(await health(victim.url)).toBe(200);
  process.kill(await postmasterPid(victim.dir), 'SIGKILL');
  const answers: number[] = [];
  const problems = new Set<string>();
  const exit = await Promise.race([
    victim.exited,
    (async () => {
      for (;;) {
        // the health check, and an API call that needs the database (a sign-in)
        const [h, login] = await Promise.all([
          fetch(`${victim.url}/healthz`).catch(() => undefined),
          fetch(`${victim.url}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'nobody', password: PASSWORD }),
          }).catch(() => undefined),
        ]);
        answers.push(h?.status ?? 0, login?.status ?? 0);
        for (const r of [h, login]) if (r?.status === 503) problems.add(((await r.json()) as { type: string }).type);
        await new Promise((r) => setTimeout(r, 100));
      }
    })(),
  ]);
  expect(answers).toContain(503);
  expect(answers).not.toContain(500);
  // while it stops, a request that still arrives is told so, as problem+json too
  expect(problems).toContain('/problems/database_unavailable');
  expect([...problems].filter((p) => p !== '/problems/database_unavailable' && p !== '/problems/server_stopping')).toEqual([]);
  expect(exit).toEqual({ code: 1, signal: null });
  expect(victim.output()).toContain('the embedded PostgreSQL server stopped (killed by SIGKILL): Sanad stops too');
  // the lock is released for a restart
  await expect(fs.access(path.join(victim.dir, 'sanad.lock'))).rejects.toThrow();
  expect(await health(live.url)).toBe(200);
}, 90_000);

test('SIGTERM stops the server within the bound while a request is stuck in the database', async () => {
  const s = await served(await tempDir('stuck'), embeddedEnv({ SANAD_SHUTDOWN_SECONDS: '2' }));
  const postgres = await postmasterPid(s.dir);
  const blocker = await connectTo(s.dir);
  blocker.on('error', () => undefined); // the server's shutdown ends this connection
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE app_user IN ACCESS EXCLUSIVE MODE');
  const stuck = fetch(`${s.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'checker', password: PASSWORD }),
  }).then(
    (r) => r.status,
    () => 0,
  );
  await new Promise((r) => setTimeout(r, 1000)); // the sign-in now waits for the lock
  const t0 = Date.now();
  s.child.kill('SIGTERM');
  const exit = await s.exited;
  const seconds = (Date.now() - t0) / 1000;
  expect(exit.code).toBe(0);
  expect(seconds).toBeLessThan(10); // 2 s for running requests, 2 s for the pool, then PostgreSQL stops
  expect(s.output()).toContain('requests still running after 2 s: their connections are closed');
  expect(await stuck).not.toBe(200);
  expect(isAlive(postgres)).toBe(false);
  await blocker.end().catch(() => undefined);
}, 90_000);
