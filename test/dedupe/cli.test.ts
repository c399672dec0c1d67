// `sanad dedupe --user U`: runs over the user's registry and prints a summary.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { loadDedupeSet } from './support.ts';

let db: TestDb;
let user: TestUser;
beforeAll(async () => {
  db = await freshDb();
  user = await makeUser(db, { role: 'caseworker' });
  await loadDedupeSet(db.pool, user.orgId, 600, 21);
}, 60_000);
afterAll(async () => db.drop());

function sanad(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['bin/sanad.js', ...args], {
    env: { ...process.env, DATABASE_URL: db.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '',
    err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

test('sanad dedupe stores the model and the candidates and prints a summary', async () => {
  const r = await sanad(['dedupe', '--user', user.username, '--no-progress']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(
    /^Deduplicated \d{3} persons in [0-9.]+ s: [0-9,]+ pairs compared, [0-9,]+ likely duplicates \([0-9,]+ new\), [0-9,]+ linked automatically/,
  );
  expect((await db.pool.query('SELECT count(*)::int AS n FROM linkage_model')).rows[0].n).toBe(1);
  expect((await db.pool.query('SELECT count(*)::int AS n FROM match_candidate')).rows[0].n).toBeGreaterThan(0);
}, 120_000);

test('an unknown user is refused with what to do', async () => {
  const r = await sanad(['dedupe', '--user', 'nobody-here']);
  expect(r.code).not.toBe(0);
  expect(r.err).toMatch(/No active user named 'nobody-here'/);
}, 60_000);
