// Every write is one transaction that also appends to the change log. A client-supplied
// operation id makes a write idempotent: a replay returns the first result and changes nothing.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { errors } from '../errors.ts';
import { appendChange, appendReadChange } from './changeLog.ts';

export type ChangeLogger = (entry: {
  entity: string;
  entityId: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | undefined;
}) => Promise<void>;

export type WriteContext = {
  client: pg.PoolClient;
  actor: Actor;
  operationId: string | undefined;
  log: ChangeLogger;
};

export type WriteOutcome<T> = { status: number; body: T; replayed: boolean };

export function requestHash(route: string, body: unknown): Buffer {
  return createHash('sha256')
    .update(route)
    .update('\0')
    .update(JSON.stringify(body ?? null))
    .digest();
}

/** Appends one entry outside a write (e.g. a read of a full record). */
export async function appendLog(db: pg.Pool | pg.PoolClient, actor: Actor, e: Parameters<ChangeLogger>[0]): Promise<void> {
  await appendChange(db, actor, { entity: e.entity, entityId: e.entityId, action: e.action, after: e.after });
}

/**
 * Appends the entry of a read outside a write; on a pool its commit does not wait for the disk
 * (appendReadChange: a crash may lose the last moment's read entries, never a write's).
 */
export async function appendReadLog(db: pg.Pool | pg.PoolClient, actor: Actor, e: Parameters<ChangeLogger>[0]): Promise<void> {
  await appendReadChange(db, actor, { entity: e.entity, entityId: e.entityId, action: e.action, after: e.after });
}

async function storedOutcome<T>(pool: pg.Pool, operationId: string, actor: Actor, hash: Buffer): Promise<WriteOutcome<T> | undefined> {
  const r = await pool.query<{ status: number; response: T; request_hash: Buffer; org_id: string; actor_id: string | null }>(
    'SELECT status, response, request_hash, org_id, actor_id FROM operation WHERE id = $1',
    [operationId],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  // Only the one who made the write gets its stored answer back: it may hold personal data that
  // another user of the organisation may not read (their scope or role differs).
  if (row.org_id !== actor.orgId || row.actor_id !== actor.userId || !row.request_hash.equals(hash)) throw errors.operationReused();
  return { status: row.status, body: row.response, replayed: true };
}

/**
 * Runs `fn` in one transaction. `fn` returns the HTTP-style status and body; with an operation id
 * they are stored with the write, and a replay (even a concurrent one) returns them unchanged.
 * If `fn` throws, nothing is written.
 */
export async function write<T>(
  pool: pg.Pool,
  actor: Actor,
  opts: { operationId?: string | undefined; route: string; request?: unknown },
  fn: (ctx: WriteContext) => Promise<{ status: number; body: T }>,
): Promise<WriteOutcome<T>> {
  // Only an idempotent write needs the request's fingerprint (sync batches can be large).
  const hash = opts.operationId ? requestHash(opts.route, opts.request) : Buffer.alloc(0);
  if (opts.operationId) {
    const prior = await storedOutcome<T>(pool, opts.operationId, actor, hash);
    if (prior) return prior;
  }
  let failure: unknown;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const ctx: WriteContext = {
      client,
      actor,
      operationId: opts.operationId,
      log: (e) => appendChange(client, actor, { ...e, operationId: opts.operationId }),
    };
    const result = await fn(ctx);
    if (opts.operationId) {
      await client.query(
        'INSERT INTO operation (id, org_id, actor_id, route, request_hash, status, response) VALUES ($1,$2,$3,$4,$5,$6,$7)',
        [opts.operationId, actor.orgId, actor.userId, opts.route, hash, result.status, JSON.stringify(result.body ?? null)],
      );
    }
    await client.query('COMMIT');
    return { ...result, replayed: false };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    failure = e;
  } finally {
    // Released before looking for a winner below: many losers each holding a connection while
    // waiting for another would starve the pool and hang every request.
    client.release();
  }
  // A concurrent replay committed first: answer with its result. Its rows can collide before the
  // operation row does (e.g. the same record_id), so any unique violation looks for the winner.
  if (opts.operationId && (failure as { code?: string }).code === '23505') {
    const prior = await storedOutcome<T>(pool, opts.operationId, actor, hash);
    if (prior) return prior;
  }
  throw failure;
}
