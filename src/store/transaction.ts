// One transaction on a pooled connection, run again when PostgreSQL aborts it to break a deadlock
// (40P01) or a serialisation conflict (40001): the other transaction went through, and this one,
// rolled back entirely, can simply try again. `fn` must have no effect outside the transaction.
import type pg from 'pg';

const RETRYABLE = new Set(['40P01', '40001']);

export async function transaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const r = await fn(c);
      await c.query('COMMIT');
      return r;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      if (!RETRYABLE.has((e as { code?: string }).code ?? '') || attempt >= attempts) throw e;
    } finally {
      c.release();
    }
    await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 40));
  }
}
