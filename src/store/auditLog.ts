// An organisation's change log, newest first, a page at a time: who did what to which record, and
// when, with the username of who did it (staff only: no personal data of registered people). The
// contents (before/after) are not here: one entry at a time (auditEntry.ts), the read logged.
import type pg from 'pg';

export type AuditEntry = {
  seq: number;
  at: string;
  actorId: string | null;
  /** the username of actorId (null for the system itself) */
  actorUsername: string | null;
  deviceId: string | null;
  operationId: string | null;
  entity: string;
  entityId: string | null;
  action: string;
};

/** A change-log row as both readers select it (AUDIT_COLUMNS, with app_user as u). */
export type AuditRow = {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  device_id: string | null;
  operation_id: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
};
export const AUDIT_COLUMNS =
  'c.seq, c.at, c.actor_id, u.username AS actor_username, c.device_id, c.operation_id, c.entity, c.entity_id, c.action';

export const auditEntryOf = (e: AuditRow): AuditEntry => ({
  seq: e.seq,
  at: e.at.toISOString(),
  actorId: e.actor_id,
  actorUsername: e.actor_username,
  deviceId: e.device_id,
  operationId: e.operation_id,
  entity: e.entity,
  entityId: e.entity_id,
  action: e.action,
});

/** What to list: entries before `before` (a seq), at most `limit`, each filter an exact match. */
export type AuditFilter = {
  before?: number | undefined;
  limit: number;
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  /** only entries by the user with this username */
  username?: string | undefined;
  action?: string | undefined;
};

export async function readAuditLog(db: pg.Pool | pg.PoolClient, orgId: string, f: AuditFilter): Promise<AuditEntry[]> {
  const r = await db.query<AuditRow>(
    `SELECT ${AUDIT_COLUMNS}
       FROM change_log c LEFT JOIN app_user u ON u.id = c.actor_id
      WHERE c.org_id = $1 AND ($2::bigint IS NULL OR c.seq < $2)
        AND ($4::text IS NULL OR c.entity = $4) AND ($5::uuid IS NULL OR c.entity_id = $5)
        AND ($6::uuid IS NULL OR c.actor_id = $6) AND ($7::text IS NULL OR c.action = $7)
        AND ($8::text IS NULL OR u.username = $8)
      ORDER BY c.seq DESC LIMIT $3`,
    [orgId, f.before ?? null, f.limit, f.entity ?? null, f.entityId ?? null, f.actorId ?? null, f.action ?? null, f.username ?? null],
  );
  return r.rows.map(auditEntryOf);
}
