// A real `sanad serve` process on an embedded data directory, and `sanad` commands beside it.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import pg from 'pg';

export type Served = {
  url: string;
  dir: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** The environment of an embedded store: no DATABASE_URL. */
export function embeddedEnv(more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...more };
  delete env.DATABASE_URL;
  return env;
}

/** Starts `sanad serve --data-dir dir [more]` and resolves once it listens. */
export async function serve(dir: string, env: NodeJS.ProcessEnv = embeddedEnv(), more: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, ['bin/sanad.js', 'serve', '--port', '0', '--data-dir', dir, ...more], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on('exit', (code, signal) => r({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s: ${out}`)), 60_000);
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/[^"\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${out}`));
    });
  });
  return { url, dir, child, output: () => out, exited };
}

/** Stops a served process (SIGTERM) and waits for it. */
export async function stop(s: Served): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  s.child.kill('SIGTERM');
  await s.exited;
}

export type Run = { code: number | null; out: string; err: string };

/** Runs `sanad args --data-dir dir` on the embedded store to the end. */
export function sanadIn(dir: string, args: string[], env: NodeJS.ProcessEnv = embeddedEnv()): Promise<Run> {
  const child = spawn(process.execPath, ['bin/sanad.js', ...args, '--data-dir', dir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

/** The pid of the PostgreSQL server in PGDATA/postmaster.pid. */
export async function postmasterPid(dir: string): Promise<number> {
  return Number((await fs.readFile(`${dir}/pg/postmaster.pid`, 'utf8')).split('\n')[0]);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A connection of our own to the embedded server of a running `sanad serve` (its port in sanad.lock, its password). */
export async function connectTo(dir: string): Promise<pg.Client> {
  const lock = JSON.parse(await fs.readFile(`${dir}/sanad.lock`, 'utf8')) as { port: number };
  const password = (await fs.readFile(`${dir}/pg-password`, 'utf8')).trim();
  const c = new pg.Client({ host: '127.0.0.1', port: lock.port, user: 'sanad', password, database: 'sanad' });
  await c.connect();
  return c;
}

export async function health(url: string): Promise<number> {
  return (await fetch(`${url}/healthz`)).status;
}
