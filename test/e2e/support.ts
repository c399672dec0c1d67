// End-to-end support: the built web app, a real `sanad serve` on a real database, Debian's chromium.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.join(ROOT, 'web/dist');
/**
 * Screenshots go to docs/screenshots when SANAD_SCREENSHOTS=1 (or when that folder lacks them),
 * otherwise to test-results/screenshots (ignored by git), so an ordinary test run leaves the
 * committed pictures alone: they show timestamps and would change on every run.
 */
export const SCREENSHOTS = process.env.SANAD_SCREENSHOTS === '1' || !fs.existsSync(path.join(ROOT, 'docs/screenshots/signin-ar-phone.png')) ? path.join(ROOT, 'docs/screenshots') : path.join(ROOT, 'test-results/screenshots');

/** Under CI the browser tests always run (and fail without chromium); elsewhere they skip with a message. */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) return true;
  process.stderr.write(`\n[e2e] SKIPPED: no chromium at ${CHROMIUM}. Install it (apt-get install chromium) or run under CI=true to make this an error.\n\n`);
  return false;
}

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the web app when web/dist is missing or older than its sources. */
export function ensureBuilt(): void {
  const index = path.join(DIST, 'index.html');
  const sources = Math.max(newest(path.join(ROOT, 'web/src')), newest(path.join(ROOT, 'web/build')), fs.statSync(path.join(ROOT, 'web/vite.config.ts')).mtimeMs, fs.statSync(path.join(ROOT, 'web/index.html')).mtimeMs);
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } }); // vitest sets NODE_ENV=test, which would build React's development bundle
}

/** Runs the sanad command line against the database in `env.DATABASE_URL`. */
export function sanad(args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'bin/sanad.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export type Server = { url: string; stop: () => Promise<void> };

/** Starts `sanad serve --port 0` and reads its "listening on" line. */
export async function startServer(env: NodeJS.ProcessEnv, dataDir: string): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/sanad.js'), 'serve', '--port', '0', '--data-dir', dataDir], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s: ${stderr}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/[^\s"]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${stderr}`)); });
  });
  child.stdout!.resume();
  return {
    url,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
