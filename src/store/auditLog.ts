// An organisation's change log, newest first, a page at a time: who did what to which record, and
// when. The contents (before/after) are not here: a record's history shows them to those who may see it.
import type pg from 'pg';

export type AuditEntry = {
  seq: number;
  at: string;
  actorId: string | null;
  deviceId: string | null;
  operationId: string | null;
  entity: string;
  entityId: string | null;
  action: string;
};

/** What to list: entries before `before` (a seq), at most `limit`, each filter an exact match. */
export type AuditFilter = {
  before?: number | undefined;
  limit: number;
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
};

export async function readAuditLog(db: pg.Pool | pg.PoolClient, orgId: string, f: AuditFilter): Promise<AuditEntry[]> {
  const r = await db.query<{
    seq: number;
    at: Date;
    actor_id: string | null;
    device_id: string | null;
    operation_id: string | null;
    entity: string;
    entity_id: string | null;
    action: string;
  }>(
    `SELECT seq, at, actor_id, device_id, operation_id, entity, entity_id, action FROM change_log
      WHERE org_id = $1 AND ($2::bigint IS NULL OR seq < $2)
        AND ($4::text IS NULL OR entity = $4) AND ($5::uuid IS NULL OR entity_id = $5)
        AND ($6::uuid IS NULL OR actor_id = $6) AND ($7::text IS NULL OR action = $7)
      ORDER BY seq DESC LIMIT $3`,
    [orgId, f.before ?? null, f.limit, f.entity ?? null, f.entityId ?? null, f.actorId ?? null, f.action ?? null],
  );
  return r.rows.map((e) => ({
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actor_id,
    deviceId: e.device_id,
    operationId: e.operation_id,
    entity: e.entity,
    entityId: e.entity_id,
    action: e.action,
  }));
}
