// One transaction on a pooled connection, run again under the one retry rule (./retry.ts) when
// PostgreSQL aborts it to break a deadlock or a serialisation conflict. `fn` must have no effect
// outside the transaction.
import type pg from 'pg';
import { MAX_ATTEMPTS, retrying } from './retry.ts';

export async function transaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>, attempts = MAX_ATTEMPTS): Promise<T> {
  return retrying(async () => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const r = await fn(c);
      await c.query('COMMIT');
      return r;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }, attempts);
}
