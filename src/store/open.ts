// Opens the store: DATABASE_URL (external PostgreSQL >= 15) or the embedded server in a data directory.
// Migrations are applied on open as the owner; the pool connects as the application's role, which
// owns nothing (src/store/roles.ts); every connection carries the change log's chain key.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { type ChainKey, chainKeyOf, chainKeyOption } from '../access/chainKey.ts';
import type { SecretKey } from '../access/secretBox.ts';
import { type EmbeddedServer, startEmbedded, withDatabase } from './embedded.ts';
import { StoreError } from '../errors.ts';
import { repairIndexes } from './deferredIndexes.ts';
import { migrate } from './migrate.ts';
import { closeLeakedTransactions } from './leakedTransactions.ts';
import { loadPlaces } from './places.ts';
import { canRewriteLog, checkChainKey, EMBEDDED_APP_ROLE, ensureLoginRole, grantApplication, settleChainKey } from './roles.ts';
import { loadSecretKey } from './secretKey.ts';

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
  /** The owner's connection for migrations and grants (DATABASE_OWNER_URL); the embedded server's is its own. */
  ownerUrl?: string | undefined;
  /** The server's secret key; default: SANAD_SECRET_KEY or DATA/secret.key (src/store/secretKey.ts). */
  secretKey?: SecretKey;
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
  /** Extra settings of the embedded server, name -> value (benchmarks weigh one lever with them). */
  settings?: Record<string, string> | undefined;
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
  /** The owner's connection, when this process has it (the embedded server, or DATABASE_OWNER_URL): owner-only work such as a logical restore. */
  ownerPool?: () => pg.Pool;
  /** The server's secret key: seals second-factor secrets and card keys, keys the change log (src/access/chainKey.ts). */
  secretKey?: SecretKey;
  /** The embedded server this process started died (not called for an external or a shared server). */
  onLost?: (listener: (why: string) => void) => void;
  /** Connected to the embedded server of a running `sanad serve`. */
  attached?: boolean;
  /** Why the embedded server started here is gone (it died): set when it happens. */
  lost?: string;
};

/** Where the store connects: the application's URL, and the owner's when this process may migrate. */
type Connections = { appUrl: string; ownerUrl?: string | undefined; loginPassword?: string; server?: EmbeddedServer };

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const secretKey = opts.secretKey ?? loadSecretKey({ dataDir: opts.dataDir });
  const chain = chainKeyOf(secretKey);
  const c = await connections(opts);
  const stopServer = c.server?.stop;
  const pool = newPool(c.appUrl, opts, chain);
  try {
    if (c.ownerUrl) await prepareAsOwner(c, chain);
    else await prepareAsApplication(pool, chain);
  } catch (e) {
    await pool.end();
    await stopServer?.();
    throw e;
  }
  const readUrl = opts.databaseReadUrl ?? process.env.DATABASE_READ_URL;
  const readPool = readUrl ? newPool(readUrl, opts, chain) : undefined;
  const store: Store = {
    pool,
    ...(readPool ? { readPool } : {}),
    url: c.appUrl,
    secretKey,
    attached: c.server?.attached ?? false,
    close: async (o = {}) => {
      // pool.end() waits for every client to come back; a shutdown waits only so long, then stops the server (which ends them).
      const ended = Promise.all([pool.end(), readPool?.end()]);
      if (o.waitMs === undefined) await ended;
      else await Promise.race([ended.catch(() => undefined), new Promise((r) => setTimeout(r, o.waitMs).unref())]);
      await stopServer?.();
    },
    halt: async () => c.server?.halt(),
    ...(c.ownerUrl ? { ownerPool: () => newPool(c.ownerUrl as string, { ...opts, max: 2 }, chain) } : {}),
  };
  const server = c.server;
  if (server && !server.attached) {
    server.onExit((why) => {
      store.lost = why;
    });
    store.onLost = server.onExit;
  }
  return store;
}

function newPool(url: string, opts: StoreOptions, chain: ChainKey): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    options: chainKeyOption(chain),
    max: opts.max ?? 10,
    ...(opts.acquireTimeoutMs ? { connectionTimeoutMillis: opts.acquireTimeoutMs } : {}),
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
  });
  pool.on('error', () => undefined); // idle client errors (server restart) surface on the next query
  closeLeakedTransactions(pool);
  return pool;
}

/**
 * Where a read that may lag a moment goes: the replica when there is one (DATABASE_READ_URL), else
 * the primary. For searches, statistics and reports; never for a read that must see the caller's
 * own write, nor for a read that writes (a logged read, an export in the change log).
 */
export const readerOf = (store: Pick<Store, 'pool' | 'readPool'>): pg.Pool => store.readPool ?? store.pool;

/**
 * The embedded server: its `sanad` role owns the database (migrations), the server connects as
 * `sanad_app` with the password in DATA/pg-app-password (made on the first start, also for a data
 * directory made before the roles were split). External: DATABASE_URL, and DATABASE_OWNER_URL when set.
 */
async function connections(opts: StoreOptions): Promise<Connections> {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (!databaseUrl && (opts.ownerUrl ?? process.env.DATABASE_OWNER_URL))
    throw new StoreError(
      'database_url_missing',
      "DATABASE_OWNER_URL is the owner's connection: set DATABASE_URL too, to the server's role.",
    );
  if (databaseUrl) {
    if (opts.walArchive)
      throw new StoreError(
        'wal_archive',
        '--wal-archive is for the embedded PostgreSQL: with DATABASE_URL, set up archiving on that server (docs/OPERATIONS.md).',
      );
    return { appUrl: databaseUrl, ownerUrl: opts.ownerUrl ?? process.env.DATABASE_OWNER_URL };
  }
  if (opts.walArchive && opts.role !== 'serve') throw new StoreError('wal_archive', '--wal-archive is for sanad serve only.');
  const server = await startEmbedded({
    dataDir: path.resolve(opts.dataDir ?? 'data'),
    durable: opts.durable ?? true,
    role: opts.role,
    ...(opts.walArchive ? { walArchive: path.resolve(opts.walArchive) } : {}),
    ...(opts.settings ? { settings: opts.settings } : {}),
  });
  try {
    // The application database lives beside the `postgres` maintenance database.
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'sanad'");
      if (exists.rowCount === 0) await admin.query('CREATE DATABASE sanad');
    } finally {
      await admin.end();
    }
    const password = await loginPassword(server.dataDir);
    const app = new URL(withDatabase(server.url, 'sanad'));
    app.username = EMBEDDED_APP_ROLE;
    app.password = password;
    return { appUrl: app.toString(), ownerUrl: withDatabase(server.url, 'sanad'), loginPassword: password, server };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** DATA/pg-app-password: the application role's password, made once (mode 600). */
async function loginPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-app-password');
  try {
    await fs.writeFile(file, randomBytes(24).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as { code?: string }).code !== 'EEXIST') throw e; // made before (or by the server beside us)
  }
  return (await fs.readFile(file, 'utf8')).trim();
}

/**
 * As the owner: the version check, migrations, reference data, the application role and its
 * grants, the chain key, then the locale warning. A pool of its own (a long migration must not
 * meet the server's statement timeout), ended before the server starts answering.
 */
async function prepareAsOwner(c: Connections, chain: ChainKey): Promise<void> {
  const owner = new pg.Pool({ connectionString: c.ownerUrl, options: chainKeyOption(chain), max: 2 });
  owner.on('error', () => undefined);
  try {
    const appRole = c.server ? EMBEDDED_APP_ROLE : await roleOf(c.appUrl);
    const ownerRole = (await owner.query<{ u: string }>('SELECT current_user AS u')).rows[0]?.u;
    // One role given twice: nothing to grant (taking rights back from the owner would break the chain's trigger).
    if (ownerRole === appRole) warnOwner(appRole);
    await prepareDatabase(owner, {
      appRole: ownerRole === appRole ? undefined : appRole,
      chain,
      ...(c.loginPassword ? { loginPassword: c.loginPassword } : {}),
    });
  } finally {
    await owner.end();
  }
}

/**
 * Migrations, reference data, the application role (created when a password is given: the embedded
 * server), its grants and the chain key: the owner's work, shared with the tests' template database.
 */
export async function prepareDatabase(
  owner: pg.Pool,
  o: { appRole: string | undefined; chain: ChainKey; loginPassword?: string; quiet?: boolean },
): Promise<void> {
  await checkVersion(owner);
  await migrate(owner);
  await loadPlaces(owner);
  const client = await owner.connect();
  try {
    if (o.appRole !== undefined) {
      if (o.loginPassword !== undefined) await ensureLoginRole(client, o.appRole, o.loginPassword);
      await grantApplication(client, o.appRole);
    }
    await settleChainKey(client, o.chain);
    // person's search indexes a killed import left dropped (docs/decisions/0037-import-deferred-indexes.md)
    await repairIndexes(client);
  } finally {
    client.release();
  }
  if (!o.quiet) await warnLocale(owner);
}

/** The user DATABASE_URL connects as (its URL may name none: the operating system's user then). */
async function roleOf(url: string): Promise<string> {
  const named = decodeURIComponent(new URL(url).username);
  if (named) return named;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
  } finally {
    await c.end();
  }
}

/**
 * Without DATABASE_OWNER_URL: DATABASE_URL must be able to migrate if anything is pending (the
 * way before roles were split), and the server says so when its role could rewrite the change log.
 */
async function prepareAsApplication(pool: pg.Pool, chain: ChainKey): Promise<void> {
  await checkVersion(pool);
  await migrate(pool);
  await loadPlaces(pool);
  if (await canRewriteLog(pool)) {
    const client = await pool.connect();
    try {
      await settleChainKey(client, chain);
      await repairIndexes(client);
    } finally {
      client.release();
    }
    warnOwner((await pool.query<{ u: string }>('SELECT current_user AS u')).rows[0]?.u ?? '?');
  } else await checkChainKey(pool, chain);
  await warnLocale(pool);
}

function warnOwner(role: string): void {
  warn(
    `Sanad connects to the database as ${role}, which owns the tables (or is a superuser): whoever holds its password can disable the change log's append-only trigger. Give the server a role that owns nothing (DATABASE_URL) and run migrations as the owner (DATABASE_OWNER_URL or sanad migrate): docs/DATABASE.md.`,
  );
}

async function checkVersion(db: pg.Pool): Promise<void> {
  const version = Number((await db.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]?.v);
  if (version < 150000)
    throw new StoreError('postgres_version', `PostgreSQL ${Math.floor(version / 10000)} is too old: Sanad needs PostgreSQL 15 or newer.`);
}

async function warnLocale(db: pg.Pool): Promise<void> {
  if (!(await ranksArabic(db)))
    warn(
      "This database's LC_CTYPE does not classify Arabic letters, so name search cannot rank Arabic names by similarity (pg_trgm sees no trigrams in them). Create the database with a UTF-8 LC_CTYPE, e.g. C.UTF-8.",
    );
}

function warn(msg: string): void {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level: 'warn', msg })}\n`);
}

/** Whether pg_trgm finds trigrams in Arabic text here (it needs a UTF-8 LC_CTYPE; the C locale gives none). */
export async function ranksArabic(db: pg.Pool | pg.PoolClient): Promise<boolean> {
  return (await db.query<{ ok: boolean }>("SELECT show_trgm('سلمى') <> '{}'::text[] AS ok")).rows[0]?.ok ?? false;
}
