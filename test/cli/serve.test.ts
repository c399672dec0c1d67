// The README's promise: on an empty data directory the server answers /healthz and /openapi.json within 15 s.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';

test('sanad serve starts on an empty data directory and answers within 15 s', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-serve-'));
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const t0 = Date.now();
  const child = spawn(process.execPath, ['bin/sanad.js', 'serve', '--port', '0', '--data-dir', dir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /listening on (http:\/\/[^"\s]+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      setTimeout(() => reject(new Error(`no start within 15 s: ${out}`)), 15_000);
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/persons/{id}');
    // a second server on the same data directory is refused with a clear message, not a corrupted store
    const second = spawn(process.execPath, ['bin/sanad.js', 'serve', '--port', '0', '--data-dir', dir], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    second.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => second.on('exit', r));
    expect(code).toBe(1);
    expect(err).toMatch(/in use by another Sanad process/);
  } finally {
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exited;
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 40_000);
