// `sanad` commands while a real `sanad serve` serves the same embedded data directory: they
// connect to its PostgreSQL server instead of refusing, act as the user named with --user (the
// change log says so), and the server keeps answering throughout.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connectTo, health, isAlive, postmasterPid, type Served, sanadIn, serve, stop } from '../support/served.ts';

const PASSWORD = 'correct horse battery staple';
let dir: string;
let server: Served;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-while-serving-'));
  server = await serve(dir);
}, 90_000);

afterAll(async () => {
  if (server) await stop(server);
  await fs.rm(dir, { recursive: true, force: true });
});

const addUser = (username: string, role: string) =>
  sanadIn(dir, ['user', 'add', '--username', username, '--org', 'Relief org', '--role', role, '--password', PASSWORD]);

/** Polls /healthz every 100 ms while `work` runs; every answer must be 200. */
async function answeringThroughout<T>(work: Promise<T>): Promise<{ result: T; polls: number[] }> {
  const polls: number[] = [];
  let done = false;
  const poller = (async () => {
    while (!done) {
      polls.push(await health(server.url));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await work.finally(() => {
    done = true;
  });
  await poller;
  return { result, polls };
}

test('the first administrator and other users are added while the server runs', async () => {
  const postgres = await postmasterPid(dir);
  const admin = await addUser('admin', 'administrator');
  expect(admin.err).toBe('');
  expect(admin.code).toBe(0);
  for (const [u, role] of [
    ['officer', 'registration_officer'],
    ['worker', 'caseworker'],
    ['checker', 'auditor'],
    ['counter', 'analyst'],
  ] as const)
    expect((await addUser(u, role)).code).toBe(0);
  // the commands used the server's PostgreSQL: it is the same process, and still there
  expect(await postmasterPid(dir)).toBe(postgres);
  expect(isAlive(postgres)).toBe(true);
  expect(await health(server.url)).toBe(200);
  // and a second server on the directory is still refused
  const second = await sanadIn(dir, ['serve', '--port', '0']);
  expect(second.code).toBe(1);
  expect(second.err).toMatch(/in use by another Sanad process \(pid \d+\)/);
}, 90_000);

test('seed, export, duplicates and audit verify run beside the server, which keeps answering', async () => {
  const seeded = await sanadIn(dir, ['seed', '--households', '40', '--seed', '3', '--user', 'officer', '--no-progress']);
  expect(seeded.err).toBe('');
  expect(seeded.code).toBe(0);

  const file = path.join(dir, 'persons.csv');
  const exported = await answeringThroughout(sanadIn(dir, ['export', 'persons', '--output', file, '--user', 'officer', '--no-progress']));
  expect(exported.result.err).toBe('');
  expect(exported.result.code).toBe(0);
  expect(exported.polls.length).toBeGreaterThan(3);
  expect(exported.polls.every((s) => s === 200)).toBe(true);
  const rows = (await fs.readFile(file, 'utf8')).trim().split('\n');
  expect(rows.length).toBeGreaterThan(80); // 40 households: a header and every member

  const dedupe = await answeringThroughout(sanadIn(dir, ['duplicates', '--user', 'worker', '--no-progress']));
  expect(dedupe.result.err).toBe('');
  expect(dedupe.result.code).toBe(0);
  expect(dedupe.result.out).toMatch(/^Deduplicated \d+ persons/);
  expect(dedupe.polls.every((s) => s === 200)).toBe(true);

  const verify = await answeringThroughout(sanadIn(dir, ['audit', 'verify', '--user', 'checker']));
  expect(verify.result.code).toBe(0);
  expect(verify.result.out).toMatch(/^change log intact: \d+ rows/);
  expect(verify.polls.every((s) => s === 200)).toBe(true);

  // The server answers the API from the same database: the officer's password is checked there.
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: PASSWORD }),
  });
  expect(login.status).toBe(200);

  // Every write is in the change log under the user who ran the command.
  const c = await connectTo(dir);
  try {
    const actors = await c.query<{ username: string; n: number }>(
      `SELECT u.username, count(*)::int AS n FROM change_log l JOIN app_user u ON u.id = l.actor_id
       WHERE l.action <> 'read' GROUP BY u.username`,
    );
    const by = Object.fromEntries(actors.rows.map((r) => [r.username, r.n]));
    expect(by.officer).toBeGreaterThan(0); // the seeded households and the export
    expect(by.worker).toBeGreaterThan(0); // the duplicates run
    expect(by.counter).toBeUndefined();
  } finally {
    await c.end();
  }
}, 180_000);

test('refused commands change nothing, and the server keeps answering', async () => {
  const c = await connectTo(dir);
  try {
    const count = async () => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log')).rows[0]!.n;
    const before = await count();
    const analyst = await sanadIn(dir, ['duplicates', '--user', 'counter', '--no-progress']);
    expect(analyst.code).toBe(1);
    expect(analyst.err).toContain('Your role (analyst) may not run `sanad duplicates`.');
    const anonymousSeed = await sanadIn(dir, ['seed', '--households', '5', '--no-progress']);
    expect(anonymousSeed.code).toBe(1);
    expect(anonymousSeed.err).toContain('This store has users already');
    expect(await count()).toBe(before);
    expect((await c.query<{ n: number }>("SELECT count(*)::int AS n FROM app_user WHERE role = 'administrator'")).rows[0]!.n).toBe(1);
  } finally {
    await c.end();
  }
  expect(await health(server.url)).toBe(200);
}, 60_000);
