// The database answers (GET /healthz).
import type pg from 'pg';

export async function databaseAnswers(pool: pg.Pool): Promise<void> {
  await pool.query('SELECT 1');
}
