// The one writer of the change log. Every entry names who (user, organisation, device), what
// (entity, id, action) and the change (before/after as JSON); a trigger chains each row's hash to
// the previous one (migrations, docs/DATABASE.md), so the hash columns are written empty here.
import pg from 'pg';
import type { Actor } from '../access/actor.ts';

export type ChangeEntry = {
  entity: string;
  entityId: string | null;
  action: string;
  before?: unknown;
  /** The new state; `{ json }` passes JSON already serialised (bulk imports build it as text). */
  after?: unknown;
  operationId?: string | undefined;
  /** Why the change was made, in the words of the person who made it (a person's edit). */
  reason?: string | undefined;
};

type Who = Pick<Actor, 'userId' | 'orgId' | 'deviceId'>;

/** Serialised once, so a large `after` is not stringified twice. */
export type SerialisedJson = { readonly json: string };
export const serialisedJson = (json: string): SerialisedJson => ({ json });
const asJson = (v: unknown): string | null =>
  v === undefined
    ? null
    : typeof v === 'object' && v !== null && 'json' in v && Object.keys(v).length === 1
      ? String(v.json)
      : JSON.stringify(v);

/** Appends entries in order, in one statement (one round trip however many). */
export async function appendChanges(db: pg.Pool | pg.PoolClient, entries: readonly (ChangeEntry & { actor: Who })[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `INSERT INTO change_log (actor_id, org_id, device_id, operation_id, entity, entity_id, action, before, after, prev_hash, hash)
     SELECT u.actor, u.org, u.device, u.op, u.entity, u.entity_id, u.action, u.before, u.after, '\\x'::bytea, '\\x'::bytea
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::jsonb[], $9::jsonb[])
       WITH ORDINALITY AS u(actor, org, device, op, entity, entity_id, action, before, after, ord)
     ORDER BY u.ord`,
    [
      entries.map((e) => e.actor.userId),
      entries.map((e) => e.actor.orgId),
      entries.map((e) => e.actor.deviceId ?? null),
      entries.map((e) => e.operationId ?? null),
      entries.map((e) => e.entity),
      entries.map((e) => e.entityId),
      entries.map((e) => e.action),
      entries.map((e) => asJson(e.before)),
      entries.map((e) => asJson(e.after)),
    ],
  );
}

const COLUMNS = 'actor_id, org_id, device_id, operation_id, entity, entity_id, action, before, after, reason, prev_hash, hash';
const entryParams = (actor: Who, entry: ChangeEntry) => [
  actor.userId,
  actor.orgId,
  actor.deviceId ?? null,
  entry.operationId ?? null,
  entry.entity,
  entry.entityId,
  entry.action,
  asJson(entry.before),
  asJson(entry.after),
  entry.reason ?? null,
];

/** Appends one entry. */
export async function appendChange(db: pg.Pool | pg.PoolClient, actor: Who, entry: ChangeEntry): Promise<void> {
  await db.query(
    `INSERT INTO change_log (${COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,$9::jsonb,$10,'\\x','\\x')`,
    entryParams(actor, entry),
  );
}

/**
 * Appends the entry of a read (who was shown whom) as a statement of its own, whose commit does not
 * wait for the write-ahead log to reach the disk (synchronous_commit off for that one transaction:
 * set_config(..., true) lasts until its end, so the connection goes back to the pool unchanged).
 * The entry is written and chained under the head's lock before the answer, as any other; only its
 * flush is left to the WAL writer (at most about three times wal_writer_delay, 600 ms by default)
 * or to the next durable commit, which flushes it first (the WAL is written in order). A crash in
 * that window loses the last read entries, never a write's, and the chain stays whole (the head's
 * update is in the same transaction): docs/decisions/0030-read-log-deferred-flush.md. For reads only,
 * and only on a pool: inside a caller's transaction it would make that transaction's commit (a
 * write) non-durable, so a client gets the ordinary append.
 */
export async function appendReadChange(db: pg.Pool | pg.PoolClient, actor: Who, entry: ChangeEntry): Promise<void> {
  if (!(db instanceof pg.Pool)) return appendChange(db, actor, entry);
  await db.query(
    `WITH deferred AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true))
     INSERT INTO change_log (${COLUMNS})
     SELECT $1::uuid, $2::uuid, $3::text, $4::uuid, $5::text, $6::uuid, $7::text, $8::jsonb, $9::jsonb, $10::text, '\\x', '\\x' FROM deferred`,
    entryParams(actor, entry),
  );
}

/**
 * The entry of a read appended by the very statement that reads (one round trip instead of two),
 * with its flush deferred as appendReadChange's: two items of that statement's WITH clause, to
 * put after the items that read. `after` is an SQL expression (jsonb) that may refer to those
 * items, e.g. `(SELECT jsonb_build_object(...) FROM found)`; the actor and the entry's names are
 * appended to `params`. For a pool's statement only (not inside a caller's transaction), as
 * appendReadChange. A data-modifying WITH item runs once whether or not it is referred to.
 */
export function readChangeWith(params: unknown[], actor: Who, entry: { entity: string; action: string }, after: string): string {
  const p = (v: unknown) => (params.push(v), `$${params.length}`);
  return `deferred_flush AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true)),
    read_logged AS (
      INSERT INTO change_log (${COLUMNS})
      SELECT ${p(actor.userId)}::uuid, ${p(actor.orgId)}::uuid, ${p(actor.deviceId ?? null)}::text, NULL::uuid, ${p(entry.entity)}::text, NULL::uuid,
             ${p(entry.action)}::text, NULL::jsonb, ${after}, NULL::text, '\\x', '\\x'
      FROM deferred_flush)`;
}
