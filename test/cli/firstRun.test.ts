// The first run: `sanad serve` on an empty data directory prints how to create the first
// administrator (the command, the password rules, the second factor with an authenticator app) and
// the URL to open; and a store with an account does not.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { FIRST_ADMIN_COMMAND } from '../../src/shared/firstRun.ts';
import { makeUser } from '../support/factories.ts';
import { useTestDb } from '../support/testApp.ts';

const t = useTestDb();

/** Starts `sanad serve`, returns its output once it matches `until` (and `settleMs` later), then stops it. */
async function serveOutput(env: NodeJS.ProcessEnv, dataDir: string, until: RegExp, settleMs = 0): Promise<{ out: string; url: string }> {
  const child = spawn(process.execPath, ['bin/sanad.js', 'serve', '--port', '0', '--data-dir', dataDir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    return await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const url = /listening on (http:\/\/[^"\s]+)/.exec(out)?.[1];
        if (url && until.test(out)) setTimeout(() => resolve({ out, url }), settleMs);
      });
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      // initdb and the migrations of a new directory: seconds alone, more on a loaded CI machine
      setTimeout(() => reject(new Error(`no output within 120 s: ${out}`)), 120_000);
    });
  } finally {
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

test('on an empty data directory, serve prints the steps to the first administrator and the URL to open', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-first-run-'));
  const env = { ...process.env };
  delete env.DATABASE_URL;
  try {
    const { out, url } = await serveOutput(env, dir, /recovery codes/);
    expect(out).toContain('Sanad has no users yet. Create the first administrator');
    expect(out).toContain('In another terminal, in this folder, run (Sanad keeps running: the command uses its database):');
    expect(out).toContain(`${FIRST_ADMIN_COMMAND} --data-dir ${dir}`);
    expect(out).toMatch(/at least 12\s+and at most 200 characters/);
    expect(out).toContain(`Open ${url} and sign in.`);
    expect(out).toMatch(/authenticator app\s+\(any TOTP app: FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator, KeePassXC\)/);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 240_000);

test('with an external database: run the command beside the server; with an account: no steps', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-first-run-'));
  const env = { ...process.env, DATABASE_URL: t.db.url };
  try {
    const empty = await serveOutput(env, dir, /recovery codes/);
    expect(empty.out).toContain('In another terminal, in this folder (with the same DATABASE_URL), run:');
    expect(empty.out).toContain(`${FIRST_ADMIN_COMMAND}\n`);
    expect(empty.out).toContain(`Open ${empty.url} and sign in.`);

    await makeUser(t.db, { role: 'administrator' });
    // the steps would follow the "listening" line at once: a second of output after it
    const { out } = await serveOutput(env, dir, /listening on/, 1000);
    expect(out).toContain('listening on');
    expect(out).not.toContain('no users yet');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 240_000);
