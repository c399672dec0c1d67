// Opens the store: DATABASE_URL (external PostgreSQL >= 15) or the embedded server in a data directory.
// Migrations are applied on open; reference data (places) is loaded if missing.
import path from 'node:path';
import pg from 'pg';
import type { SecretKey } from '../access/secretBox.ts';
import { type EmbeddedServer, startEmbedded, withDatabase } from './embedded.ts';
import { StoreError } from '../errors.ts';
import { migrate } from './migrate.ts';
import { loadPlaces } from './places.ts';

// DATE columns stay strings (YYYY-MM-DD): no time-zone shifts.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts as numbers (change log seq, counts): safe below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export type StoreOptions = {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  /**
   * A streaming replica for reads that may lag a moment (DATABASE_READ_URL): searches, statistics and
   * reports. Never for a read that must see the caller's own write.
   */
  databaseReadUrl?: string | undefined;
  /** Pool size; the server defaults to 10. */
  max?: number;
  /** Throwaway embedded clusters only (tests, benchmarks of the code path, never real data). */
  durable?: boolean;
  /** `sanad serve` opens with 'serve' (other commands then connect to its embedded server); commands with 'command'. */
  role?: 'serve' | 'command';
  /** The longest wait for a connection from the pool, in ms (default: none). */
  acquireTimeoutMs?: number;
  /** The longest a statement may run, in ms (default: none; long bulk commands need it so). */
  statementTimeoutMs?: number;
  /** `sanad serve --wal-archive DIR`: continuous WAL archiving of the embedded server into DIR. */
  walArchive?: string | undefined;
};

export type Store = {
  pool: pg.Pool;
  /** The replica's pool (DATABASE_READ_URL), if any: searches, statistics and reports (readerOf). */
  readPool?: pg.Pool;
  url: string;
  /** Ends the pool (waiting at most `waitMs` for clients in use) and stops the embedded server started here. */
  close: (opts?: { waitMs?: number }) => Promise<void>;
  /** A shutdown past its bound: stops the embedded server started here at once (immediate shutdown) and waits for it. */
  halt?: () => Promise<void>;
  /** Seals second-factor secrets; set by `sanad serve` (src/store/secretKey.ts), absent for other commands. */
  secretKey?: SecretKey;
  /** The embedded server this process started died (not called for an external or a shared server). */
  onLost?: (listener: (why: string) => void) => void;
  /** Connected to the embedded server of a running `sanad serve`. */
  attached?: boolean;
  /** Why the embedded server started here is gone (it died): set when it happens. */
  lost?: string;
};

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  let url: string;
  let stopServer: (() => Promise<void>) | undefined;
  let server: EmbeddedServer | undefined;
  if (databaseUrl) {
    if (opts.walArchive)
      throw new StoreError(
        'wal_archive',
        '--wal-archive is for the embedded PostgreSQL: with DATABASE_URL, set up archiving on that server (docs/OPERATIONS.md).',
      );
    url = databaseUrl;
  } else {
    if (opts.walArchive && opts.role !== 'serve') throw new StoreError('wal_archive', '--wal-archive is for sanad serve only.');
    server = await startEmbedded({
      dataDir: path.resolve(opts.dataDir ?? 'data'),
      durable: opts.durable ?? true,
      role: opts.role,
      ...(opts.walArchive ? { walArchive: path.resolve(opts.walArchive) } : {}),
    });
    stopServer = server.stop;
    url = server.url;
    try {
      await createDatabase(url);
    } catch (e) {
      await server.stop();
      throw e;
    }
    url = withDatabase(url, 'sanad');
  }
  const pool = newPool(url, opts);
  try {
    await prepare(url, pool, opts.statementTimeoutMs !== undefined);
  } catch (e) {
    await pool.end();
    await stopServer?.();
    throw e;
  }
  const readUrl = opts.databaseReadUrl ?? process.env.DATABASE_READ_URL;
  const readPool = readUrl ? newPool(readUrl, opts) : undefined;
  const store: Store = {
    pool,
    ...(readPool ? { readPool } : {}),
    url,
    attached: server?.attached ?? false,
    close: async (o = {}) => {
      // pool.end() waits for every client to come back; a shutdown waits only so long, then stops the server (which ends them).
      const ended = Promise.all([pool.end(), readPool?.end()]);
      if (o.waitMs === undefined) await ended;
      else await Promise.race([ended.catch(() => undefined), new Promise((r) => setTimeout(r, o.waitMs).unref())]);
      await stopServer?.();
    },
    halt: async () => server?.halt(),
  };
  if (server && !server.attached) {
    server.onExit((why) => {
      store.lost = why;
    });
    store.onLost = server.onExit;
  }
  return store;
}

/** The application database lives beside the `postgres` maintenance database. */
async function createDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'sanad'");
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE sanad');
  } finally {
    await admin.end();
  }
}

function newPool(url: string, opts: StoreOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.acquireTimeoutMs ? { connectionTimeoutMillis: opts.acquireTimeoutMs } : {}),
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
  });
  pool.on('error', () => undefined); // idle client errors (server restart) surface on the next query
  return pool;
}

/**
 * Where a read that may lag a moment goes: the replica when there is one (DATABASE_READ_URL), else
 * the primary. For searches, statistics and reports; never for a read that must see the caller's
 * own write, nor for a read that writes (a logged read, an export in the change log).
 */
export const readerOf = (store: Pick<Store, 'pool' | 'readPool'>): pg.Pool => store.readPool ?? store.pool;

/**
 * The version check, migrations and reference data, then the locale warning. A pool with a
 * statement timeout (the server's) gets a separate pool for them: a long migration must not time out.
 */
async function prepare(url: string, pool: pg.Pool, timed: boolean): Promise<void> {
  const setup = timed ? new pg.Pool({ connectionString: url, max: 2 }) : pool;
  try {
    const version = Number((await setup.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]?.v);
    if (version < 150000)
      throw new StoreError('postgres_version', `PostgreSQL ${Math.floor(version / 10000)} is too old: Sanad needs PostgreSQL 15 or newer.`);
    await migrate(setup);
    await loadPlaces(setup);
    if (!(await ranksArabic(setup))) {
      process.stderr.write(
        `${JSON.stringify({
          t: new Date().toISOString(),
          level: 'warn',
          msg: "This database's LC_CTYPE does not classify Arabic letters, so name search cannot rank Arabic names by similarity (pg_trgm sees no trigrams in them). Create the database with a UTF-8 LC_CTYPE, e.g. C.UTF-8.",
        })}\n`,
      );
    }
  } finally {
    if (setup !== pool) await setup.end();
  }
}

/** Whether pg_trgm finds trigrams in Arabic text here (it needs a UTF-8 LC_CTYPE; the C locale gives none). */
export async function ranksArabic(db: pg.Pool | pg.PoolClient): Promise<boolean> {
  return (await db.query<{ ok: boolean }>("SELECT show_trgm('سلمى') <> '{}'::text[] AS ok")).rows[0]?.ok ?? false;
}
