// Opens the store: DATABASE_URL (external PostgreSQL >= 15) or the embedded server in a data directory.
// Migrations are applied on open; reference data (places) is loaded if missing.
import path from 'node:path';
import pg from 'pg';
import type { SecretKey } from '../access/secretBox.ts';
import { startEmbedded, withDatabase } from './embedded.ts';
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
  /** Pool size; the server defaults to 10. */
  max?: number;
  /** Throwaway embedded clusters only (tests, benchmarks of the code path, never real data). */
  durable?: boolean;
};

export type Store = {
  pool: pg.Pool;
  url: string;
  close: () => Promise<void>;
  /** Seals second-factor secrets; set by `sanad serve` (src/store/secretKey.ts), absent for other commands. */
  secretKey?: SecretKey;
};

export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  let url: string;
  let stopServer: (() => Promise<void>) | undefined;
  if (databaseUrl) {
    url = databaseUrl;
  } else {
    const server = await startEmbedded({ dataDir: path.resolve(opts.dataDir ?? 'data'), durable: opts.durable ?? true });
    stopServer = server.stop;
    url = server.url;
    // The application database lives beside the `postgres` maintenance database.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'sanad'");
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE sanad');
    await admin.end();
    url = withDatabase(url, 'sanad');
  }
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  pool.on('error', () => undefined); // idle client errors (server restart) surface on the next query
  try {
    const version = Number((await pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]?.v);
    if (version < 150000)
      throw new StoreError('postgres_version', `PostgreSQL ${Math.floor(version / 10000)} is too old: Sanad needs PostgreSQL 15 or newer.`);
    await migrate(pool);
    await loadPlaces(pool);
    if (!(await ranksArabic(pool))) {
      process.stderr.write(
        `${JSON.stringify({
          t: new Date().toISOString(),
          level: 'warn',
          msg: "This database's LC_CTYPE does not classify Arabic letters, so name search cannot rank Arabic names by similarity (pg_trgm sees no trigrams in them). Create the database with a UTF-8 LC_CTYPE, e.g. C.UTF-8.",
        })}\n`,
      );
    }
  } catch (e) {
    await pool.end();
    await stopServer?.();
    throw e;
  }
  return {
    pool,
    url,
    close: async () => {
      await pool.end();
      await stopServer?.();
    },
  };
}

/** Whether pg_trgm finds trigrams in Arabic text here (it needs a UTF-8 LC_CTYPE; the C locale gives none). */
export async function ranksArabic(db: pg.Pool | pg.PoolClient): Promise<boolean> {
  return (await db.query<{ ok: boolean }>("SELECT show_trgm('سلمى') <> '{}'::text[] AS ok")).rows[0]?.ok ?? false;
}
