// One entry of an organisation's change log with its contents (before/after), for those who may read
// the log. The contents can hold personal data, so the read itself is logged (entity audit_entry,
// the seq read in `after`). Another organisation's entry answers not_found.
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { errors } from '../errors.ts';
import type { AuditEntry } from './auditLog.ts';
import { appendLog } from './write.ts';

export type AuditEntryWithContents = AuditEntry & { before: unknown; after: unknown };

export async function readAuditEntry(db: pg.Pool, actor: Actor, seq: number): Promise<AuditEntryWithContents> {
  const r = await db.query<{
    seq: number;
    at: Date;
    actor_id: string | null;
    actor_username: string | null;
    device_id: string | null;
    operation_id: string | null;
    entity: string;
    entity_id: string | null;
    action: string;
    before: unknown;
    after: unknown;
  }>(
    `SELECT c.seq, c.at, c.actor_id, u.username AS actor_username, c.device_id, c.operation_id, c.entity, c.entity_id,
            c.action, c.before, c.after
       FROM change_log c LEFT JOIN app_user u ON u.id = c.actor_id
      WHERE c.seq = $1 AND c.org_id = $2`,
    [seq, actor.orgId],
  );
  const e = r.rows[0];
  if (!e) throw errors.notFound('change log entry');
  await appendLog(db, actor, { entity: 'audit_entry', entityId: e.entity_id, action: 'read', after: { seq: e.seq } });
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actor_id,
    actorUsername: e.actor_username,
    deviceId: e.device_id,
    operationId: e.operation_id,
    entity: e.entity,
    entityId: e.entity_id,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}
