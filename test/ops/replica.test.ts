// Read scaling: DATABASE_READ_URL sends searches, statistics and reports to a streaming replica,
// and every other read (one that must see the caller's own write) to the primary. A primary and a
// hot standby from the embedded PostgreSQL binaries: a replication role and its pg_hba line, a
// replication slot, a base backup with the low-level API (pg_backup_start, a file copy,
// pg_backup_stop and its backup_label), standby.signal and primary_conninfo. With the replica's
// replay paused, a person registered on the primary is read back at once, and is not found by a
// search until replay resumes: the search was answered by the replica.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { type EmbeddedServer, startEmbedded, withDatabase } from '../../src/store/embedded.ts';
import { openStore, readerOf, type Store } from '../../src/store/open.ts';
import { makeUser, personInput, TEST_SECRET_KEY, type TestUser } from '../support/factories.ts';

const REPLICATION_PASSWORD = 'replication-password-of-this-test';
let dir: string;
let primary: EmbeddedServer;
let replica: EmbeddedServer;
let store: Store;
let app: FastifyInstance;
let officer: TestUser;

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** A replication role allowed from the loopback address only (first pg_hba line), and a slot that keeps the WAL the replica needs. */
async function prepareReplication(pgdata: string): Promise<void> {
  await sql(primary.url, `CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}'`);
  const hba = path.join(pgdata, 'pg_hba.conf');
  const rules = await fs.readFile(hba, 'utf8');
  await fs.writeFile(hba, `host replication replicator 127.0.0.1/32 scram-sha-256\n${rules}`);
  await sql(primary.url, 'SELECT pg_reload_conf()');
  await sql(primary.url, "SELECT pg_create_physical_replication_slot('replica', true)");
}

/** A base backup of a running primary with the non-exclusive low-level API, made into a standby. */
async function baseBackup(from: string, to: string): Promise<void> {
  const session = new pg.Client({ connectionString: primary.url });
  await session.connect(); // the backup belongs to this session: it stays open from start to stop
  try {
    await session.query("SELECT pg_backup_start('sanad-replica', true)");
    const skip = new Set(['postmaster.pid', 'postmaster.opts']);
    const empty = new Set(['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans', 'pg_dynshmem']);
    await fs.cp(from, to, {
      recursive: true,
      filter: (src) => {
        const rel = path.relative(from, src);
        const top = rel.split(path.sep)[0] ?? '';
        return !skip.has(rel) && !(empty.has(top) && rel !== top);
      },
    });
    await fs.mkdir(path.join(to, 'pg_wal', 'archive_status'), { recursive: true });
    const stop = await session.query<{ labelfile: string }>('SELECT labelfile FROM pg_backup_stop(false)');
    await fs.writeFile(path.join(to, 'backup_label'), stop.rows[0]!.labelfile);
  } finally {
    await session.end();
  }
  await fs.writeFile(path.join(to, 'standby.signal'), '');
  await fs.appendFile(
    path.join(to, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=replicator password=${REPLICATION_PASSWORD} application_name=replica'\n` +
      "primary_slot_name = 'replica'\nhot_standby = on\n",
  );
  const owner = await fs.stat(from);
  spawnSync('chown', ['-R', `${owner.uid}:${owner.gid}`, to]);
  await fs.chmod(to, 0o700);
}

/**
 * Waits until the replica has replayed everything the primary has written so far: up to the WAL
 * insert position (this throwaway primary commits asynchronously, so a commit can still be in its
 * WAL buffers, before pg_current_wal_lsn()).
 */
async function caughtUp(): Promise<void> {
  const lsn = (await sql<{ lsn: string }>(primary.url, 'SELECT pg_current_wal_insert_lsn()::text AS lsn'))[0]!.lsn;
  for (const until = Date.now() + 30_000; Date.now() < until; ) {
    const [r] = await sql<{ ok: boolean }>(replica.url, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]);
    if (r?.ok) return;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('the replica did not catch up within 30 s');
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sanad-replica-'));
  await fs.chmod(dir, 0o711); // the server user (when the test runs as root) reaches both data directories
  primary = await startEmbedded({ dataDir: path.join(dir, 'primary'), durable: false });
  await sql(primary.url, 'CREATE DATABASE sanad');
  const primaryUrl = withDatabase(primary.url, 'sanad');
  const migrated = await openStore({ databaseUrl: primaryUrl }); // migrations and places, before the copy
  await migrated.close();
  await prepareReplication(path.join(dir, 'primary', 'pg'));
  await fs.mkdir(path.join(dir, 'replica'), { mode: 0o700 });
  await baseBackup(path.join(dir, 'primary', 'pg'), path.join(dir, 'replica', 'pg'));
  await fs.copyFile(path.join(dir, 'primary', 'pg-password'), path.join(dir, 'replica', 'pg-password'));
  replica = await startEmbedded({ dataDir: path.join(dir, 'replica'), durable: false });
  store = {
    ...(await openStore({ databaseUrl: primaryUrl, databaseReadUrl: withDatabase(replica.url, 'sanad') })),
    secretKey: TEST_SECRET_KEY,
  };
  app = await buildApp({ store });
  officer = await makeUser(
    { pool: store.pool, owner: store.pool, url: primaryUrl, ownerUrl: primaryUrl, name: 'sanad', drop: async () => undefined },
    {
      role: 'registration_officer',
      governorates: ['PS0260'],
    },
  );
}, 180_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
  await replica?.stop();
  await primary?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}, 60_000);

const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: officer.auth, payload: payload as object });
const search = async (query: string) => {
  const r = await post('/api/v1/persons/search', { query });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { total: number; items: { id: string }[] };
};

test('the read pool is a standby streaming from the primary', async () => {
  expect((await readerOf(store).query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r).toBe(true);
  expect((await store.pool.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r).toBe(false);
  const [sender] = await sql<{ state: string }>(primary.url, "SELECT state FROM pg_stat_replication WHERE application_name = 'replica'");
  expect(sender?.state).toBe('streaming');
});

test("searches and statistics are answered by the replica; reading one's own write goes to the primary", async () => {
  const first = await post('/api/v1/persons', personInput({ givenName: 'ياسمين', familyName: 'أبو عمرة' }));
  expect(first.statusCode, first.body).toBe(201);
  await caughtUp();
  expect((await search('ياسمين خليل أبو عمرة')).items.map((p) => p.id)).toEqual([first.json().id]);
  const statsBefore = await app.inject({ method: 'GET', url: '/api/v1/stats/governorates', headers: officer.auth });
  expect(statsBefore.statusCode).toBe(200);

  await sql(replica.url, 'SELECT pg_wal_replay_pause()');
  try {
    const second = await post('/api/v1/persons', personInput({ givenName: 'روان', familyName: 'شراب' }));
    expect(second.statusCode, second.body).toBe(201);
    const id = second.json().id as string;
    // The caller's own write, read back at once: from the primary.
    const read = await app.inject({ method: 'GET', url: `/api/v1/persons/${id}`, headers: officer.auth });
    expect(read.statusCode, read.body).toBe(200);
    // The search and the statistics, from the paused replica: not there yet.
    expect((await search('روان خليل شراب')).total).toBe(0);
    const statsPaused = await app.inject({ method: 'GET', url: '/api/v1/stats/governorates', headers: officer.auth });
    expect(statsPaused.json()).toEqual(statsBefore.json());
  } finally {
    await sql(replica.url, 'SELECT pg_wal_replay_resume()');
  }
  await caughtUp();
  expect((await search('روان خليل شراب')).total).toBe(1);
});
