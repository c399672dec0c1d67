// A pooled connection must come back outside any transaction. One returned inside a transaction (an
// async generator left early, a path that skipped its COMMIT or ROLLBACK) would hand that open
// transaction to the next borrower: its statements would run inside it, its `now()` would be the
// old transaction's start, and its COMMIT would commit the other's work. Such a connection is
// closed instead (the server rolls its transaction back), counted, and reported once per cause
// without any data.
import type pg from 'pg';

const leaked = new WeakMap<pg.Pool, number>();

/** How many of `pool`'s connections were closed because they came back inside a transaction. */
export const leakedTransactions = (pool: pg.Pool): number => leaked.get(pool) ?? 0;

type Status = 'I' | 'T' | 'E' | null;

/** Watches `pool`: a connection released inside a transaction is closed instead of being reused. */
export function closeLeakedTransactions(pool: pg.Pool): void {
  pool.on('release', (err: Error | undefined, client: pg.PoolClient) => {
    if (err) return; // removed from the pool anyway
    const status = (client as unknown as { getTransactionStatus?: () => Status }).getTransactionStatus?.() ?? null;
    if (status !== 'T' && status !== 'E') return;
    leaked.set(pool, leakedTransactions(pool) + 1);
    process.emitWarning(
      'A database connection came back to the pool inside a transaction; it was closed and the transaction rolled back.',
      {
        code: 'SANAD_LEAKED_TRANSACTION',
        detail: new Error('released here').stack ?? '',
      },
    );
    // the pool checks `_ending` right after this event and then drops the connection
    client.end().catch(() => undefined);
  });
}
