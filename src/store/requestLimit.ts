// Request limits counted in the database (migration 0029), so that every server sharing it counts
// the same requests. One statement per request: an upsert on the limit's row that starts a new
// window once the last one has ended, and answers the count and the time left. The table is
// unlogged (no write-ahead log flush): a hit costs well under a millisecond.
import { createHash } from 'node:crypto';
import type pg from 'pg';

export type LimitCount = { current: number; ttl: number };

/** The stored key: a hash of the limit's name and the caller's key (never an address or a token itself). */
export const limitKey = (limit: string, key: string): Buffer => createHash('sha256').update(limit).update('\0').update(key).digest();

/** How often (1 in N hits) a hit also deletes the rows whose windows ended a while ago. */
const SWEEP_EVERY = 500;

/** Counts one request against `limit` for `key` in a window of `windowMs`; answers the count in the window and the ms left. */
export async function hitLimit(pool: pg.Pool, limit: string, key: string, windowMs: number): Promise<LimitCount> {
  const r = await pool.query<{ hits: number; ttl: number }>(
    `INSERT INTO request_limit AS l (key, hits, reset_at) VALUES ($1, 1, clock_timestamp() + $2 * interval '1 millisecond')
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN l.reset_at <= clock_timestamp() THEN 1 ELSE l.hits + 1 END,
       reset_at = CASE WHEN l.reset_at <= clock_timestamp() THEN excluded.reset_at ELSE l.reset_at END
     RETURNING hits, greatest(0, ceil(extract(epoch FROM reset_at - clock_timestamp()) * 1000))::int AS ttl`,
    [limitKey(limit, key), windowMs],
  );
  if (Math.random() * SWEEP_EVERY < 1) void sweepLimits(pool).catch(() => undefined);
  const row = r.rows[0]!;
  return { current: row.hits, ttl: row.ttl };
}

/** The count so far, without counting a request. */
export async function readLimit(pool: pg.Pool, limit: string, key: string): Promise<LimitCount> {
  const r = await pool.query<{ hits: number; ttl: number }>(
    `SELECT hits, greatest(0, ceil(extract(epoch FROM reset_at - clock_timestamp()) * 1000))::int AS ttl
       FROM request_limit WHERE key = $1 AND reset_at > clock_timestamp()`,
    [limitKey(limit, key)],
  );
  const row = r.rows[0];
  return row ? { current: row.hits, ttl: row.ttl } : { current: 0, ttl: 0 };
}

/** Deletes the rows of windows that ended more than a minute ago. */
export async function sweepLimits(pool: pg.Pool): Promise<number> {
  const r = await pool.query("DELETE FROM request_limit WHERE reset_at < clock_timestamp() - interval '1 minute'");
  return r.rowCount ?? 0;
}

/** Forgets every count (tests that start from a clean slate, as a new database would). */
export async function clearLimits(pool: pg.Pool): Promise<void> {
  await pool.query('DELETE FROM request_limit');
}
