// Backups that restore, tried as an operator would, on a real `sanad serve` with its embedded
// PostgreSQL and WAL archiving: the restore drill (a backup during writes, more writes, a restore
// to a time between them holds exactly the writes acknowledged before it), a damaged backup caught
// by its manifest before anything starts, a non-empty target refused, and a logical round trip.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { base32Decode } from '../../src/access/totp.ts';
import { sanadOut } from '../support/cli.ts';
import { freshDb } from '../support/db.ts';
import { personInput } from '../support/factories.ts';
import { connectTo, embeddedEnv, type Served, sanadIn, serve, stop } from '../support/served.ts';
import { type Authenticator, nextCode } from '../support/signIn.ts';

const PASSWORD = 'correct horse battery staple';
const dirs: string[] = [];
const servers: Served[] = [];
let live: Served;
let archive: string;
let token: string;

async function tempDir(name: string): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), `sanad-${name}-`));
  dirs.push(d);
  return d;
}

/** A path for a directory that does not exist yet (a backup, a restore target), which PostgreSQL's user can reach. */
async function newPath(name: string): Promise<string> {
  const p = path.join(os.tmpdir(), `sanad-${name}-${randomBytes(4).toString('hex')}`);
  dirs.push(p);
  return p;
}

async function postJson(url: string, body: unknown, auth?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

/** The first sign-in of a registration officer over HTTP: password, then enrolment of an authenticator. */
async function signInOver(url: string, username: string): Promise<string> {
  const step = await postJson(`${url}/api/v1/auth/login`, { username, password: PASSWORD });
  const auth: Authenticator = { secret: base32Decode(String(step.json.secret)), lastStep: -1 };
  const done = await postJson(`${url}/api/v1/auth/second-factor/enrol`, { challenge: step.json.challenge, code: await nextCode(auth) });
  return String(done.json.token);
}

/** Registers persons one after another until `until` resolves; returns the ids the server acknowledged (201). */
async function registerUntil(until: Promise<unknown>): Promise<string[]> {
  let stop = false;
  void until.finally(() => {
    stop = true;
  });
  const ids: string[] = [];
  while (!stop) {
    const r = await postJson(`${live.url}/api/v1/persons`, personInput(), token);
    expect(r.status).toBe(201);
    ids.push(String(r.json.id));
  }
  return ids;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ends the current WAL segment and waits until the archive holds it (what archive_timeout does within a minute). */
async function archiveNow(): Promise<void> {
  const c = await connectTo(live.dir);
  try {
    const w = (await c.query<{ w: string }>('SELECT pg_walfile_name(pg_switch_wal()) AS w')).rows[0]!.w;
    for (const until = Date.now() + 30_000; Date.now() < until; await sleep(200)) {
      const last = (await c.query<{ l: string | null }>('SELECT last_archived_wal AS l FROM pg_stat_archiver')).rows[0]!.l;
      if (last !== null && last >= w) return;
    }
    throw new Error(`segment ${w} was not archived within 30 s`);
  } finally {
    await c.end();
  }
}

/** The ids of the persons of a restored data directory (started with its own server). */
async function personIds(dir: string): Promise<Set<string>> {
  const s = await serve(dir);
  servers.push(s);
  const c = await connectTo(dir);
  try {
    return new Set((await c.query<{ id: string }>('SELECT id::text FROM person')).rows.map((r) => r.id));
  } finally {
    await c.end();
    await stop(s);
  }
}

let backup: string;
const before: string[] = [];
const after: string[] = [];

beforeAll(async () => {
  archive = await newPath('archive');
  live = await serve(await tempDir('live'), embeddedEnv(), ['--wal-archive', archive]);
  servers.push(live);
  const added = await sanadIn(live.dir, [
    'user',
    'add',
    '--username',
    'officer',
    '--org',
    'Relief org',
    '--role',
    'registration_officer',
    '--password',
    PASSWORD,
  ]);
  expect(added.code, added.err).toBe(0);
  token = await signInOver(live.url, 'officer');
}, 120_000);

afterAll(async () => {
  for (const s of servers) await stop(s);
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

test('the restore drill: a backup during writes, more writes, a restore to a time between them holds exactly the writes acknowledged before it', async () => {
  backup = await newPath('backup');
  const taking = sanadIn(live.dir, ['backup', '--output', backup]);
  before.push(...(await registerUntil(taking)));
  const taken = await taking;
  expect(taken.code, taken.err).toBe(0);
  expect(taken.out).toMatch(/taken while sanad serve ran/);
  expect(taken.out).toMatch(/secret key .* is NOT in this backup/);
  expect(taken.out).toMatch(/change log head: row \d+/);
  const manifest = JSON.parse(await fs.readFile(path.join(backup, 'sanad-backup.json'), 'utf8'));
  expect(manifest.files.some((f: { path: string }) => f.path === 'pg/backup_label')).toBe(true);
  expect(manifest.files.some((f: { path: string }) => /secret\.key$/.test(f.path))).toBe(false);
  before.push(...(await registerUntil(sleep(2_000))));
  await sleep(1_000);
  const until = new Date().toISOString();
  await sleep(1_000);
  after.push(...(await registerUntil(sleep(2_000))));
  await archiveNow();
  expect(before.length).toBeGreaterThan(0);
  expect(after.length).toBeGreaterThan(0);

  const target = await newPath('restored');
  const restored = await sanadIn(target, ['restore', backup, '--wal-archive', archive, '--until', until]);
  expect(restored.code, restored.err + restored.out).toBe(0);
  expect(restored.out).toMatch(/all \d+ files match the manifest/);
  expect(restored.out).toMatch(/change log intact/);
  expect(restored.out).toMatch(new RegExp(`people: ${before.length}\\n`));
  expect(restored.out).toMatch(/households: 0\n/);
  const ids = await personIds(target);
  expect([...ids].sort()).toEqual([...before].sort());
  for (const id of after) expect(ids.has(id)).toBe(false);
}, 300_000);

test('a damaged file in the backup is named by the manifest check, and PostgreSQL is not started', async () => {
  const damaged = await newPath('damaged');
  await fs.cp(backup, damaged, { recursive: true });
  const manifest = JSON.parse(await fs.readFile(path.join(damaged, 'sanad-backup.json'), 'utf8')) as {
    files: { path: string; size: number }[];
  };
  const victim = manifest.files.find((f) => f.path.startsWith('pg/base/') && f.size >= 8192)!;
  const fh = await fs.open(path.join(damaged, victim.path), 'r+');
  await fh.write(Buffer.from('bit rot'), 0, 7, 4000); // one page changed, the size unchanged
  await fh.close();
  const target = await newPath('from-damaged');
  const r = await sanadIn(target, ['restore', damaged]);
  expect(r.code).toBe(1);
  expect(r.err).toContain(`${victim.path} (its checksum differs from the manifest's)`);
  expect(r.err).toMatch(/nothing was restored and PostgreSQL was not started/);
  expect(await fs.readdir(target)).toEqual([]); // no postgres.log: no server ever ran there
}, 120_000);

test('a restore into a non-empty directory is refused and touches nothing', async () => {
  const target = await tempDir('occupied');
  await fs.writeFile(path.join(target, 'keep.txt'), 'mine');
  const r = await sanadIn(target, ['restore', backup]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/is not empty: choose a new or an empty directory \(nothing was written\)/);
  expect(await fs.readdir(target)).toEqual(['keep.txt']);
}, 60_000);

test('a logical backup restores into a new store: the same people and a change log that verifies', async () => {
  const file = path.join(await tempDir('logical'), 'sanad.dump');
  const dumped = await sanadIn(live.dir, ['backup', '--logical', '--output', file]);
  expect(dumped.code, dumped.err).toBe(0);
  const c = await connectTo(live.dir);
  const people = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM person')).rows[0]!.n;
  const rows = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log')).rows[0]!.n;
  await c.end();
  expect(people).toBe(before.length + after.length);

  const target = await newPath('logical-target');
  const loaded = await sanadIn(target, ['restore', '--logical', file]);
  expect(loaded.code, loaded.err + loaded.out).toBe(0);
  expect(loaded.out).toMatch(/change log intact/);
  expect(loaded.out).toMatch(new RegExp(`people: ${people}\\n`));
  expect(loaded.out).toMatch(new RegExp(`change-log rows: ${rows}\\n`));
  const ids = await personIds(target);
  expect([...ids].sort()).toEqual([...before, ...after].sort());

  // a second load into the now-filled store is refused
  const again = await sanadIn(target, ['restore', '--logical', file]);
  expect(again.code).toBe(1);
  expect(again.err).toMatch(/already holds registry data/);
}, 300_000);

test('a logical backup of the embedded store loads into another PostgreSQL (DATABASE_URL), and its change log verifies there', async () => {
  const file = path.join(await tempDir('logical-external'), 'sanad.dump');
  const dumped = await sanadIn(live.dir, ['backup', '--logical', '--output', file]);
  expect(dumped.code, dumped.err).toBe(0);
  const db = await freshDb();
  try {
    // the load is the owner's work (the change log as it was, its triggers off): DATABASE_OWNER_URL beside the server's role
    const loaded = await sanadOut(['restore', '--logical', file], db.url, { DATABASE_OWNER_URL: db.ownerUrl });
    expect(loaded.code, loaded.err + loaded.out).toBe(0);
    expect(loaded.out).toMatch(/change log intact/);
    expect(loaded.out).toMatch(/into the database of DATABASE_URL/);
    const ids = (await db.pool.query<{ id: string }>('SELECT id::text FROM person')).rows.map((r) => r.id);
    expect(ids.sort()).toEqual([...before, ...after].sort());
  } finally {
    await db.drop();
  }
}, 180_000);

test('a cut-off logical backup is refused and nothing is loaded', async () => {
  const file = path.join(await tempDir('logical-cut'), 'sanad.dump');
  const dumped = await sanadIn(live.dir, ['backup', '--logical', '--output', file]);
  expect(dumped.code, dumped.err).toBe(0);
  const whole = await fs.readFile(file);
  await fs.writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
  const target = await newPath('logical-cut-target');
  const loaded = await sanadIn(target, ['restore', '--logical', file]);
  expect(loaded.code).toBe(1);
  expect(loaded.err).toMatch(/nothing was restored/);
  expect((await personIds(target)).size).toBe(0);
}, 180_000);

test('a backup taken with no server running restores on its own, without the WAL archive', async () => {
  await stop(live);
  const offline = await newPath('offline-backup');
  const taken = await sanadIn(live.dir, ['backup', '--output', offline]);
  expect(taken.code, taken.err).toBe(0);
  expect(taken.out).toMatch(/taken with no server running/);
  const target = await newPath('offline-restored');
  const restored = await sanadIn(target, ['restore', offline]);
  expect(restored.code, restored.err + restored.out).toBe(0);
  expect(restored.out).toMatch(/change log intact/);
  expect([...(await personIds(target))].sort()).toEqual([...before, ...after].sort());
}, 180_000);
