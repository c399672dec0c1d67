// The health check's one question to the database: does it answer?
import type pg from 'pg';

export async function ping(pool: pg.Pool): Promise<void> {
  await pool.query('SELECT 1');
}
