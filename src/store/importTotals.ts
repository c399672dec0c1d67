// The rows of every import recorded in the database, for /metrics (the same on every server: the
// imports run from the command line as often as through a server).
import type pg from 'pg';

export type ImportTotals = { loaded: number; rejected: number; unchanged: number; running: number };

export async function importTotals(pool: pg.Pool): Promise<ImportTotals> {
  const r = await pool.query<ImportTotals>(
    `SELECT coalesce(sum(rows_loaded), 0)::float8 AS loaded, coalesce(sum(rows_rejected), 0)::float8 AS rejected,
            coalesce(sum(rows_unchanged), 0)::float8 AS unchanged, count(*) FILTER (WHERE status = 'running')::float8 AS running
       FROM import_run`,
  );
  return r.rows[0]!;
}
