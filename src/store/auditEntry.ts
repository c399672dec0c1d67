// One entry of an organisation's change log with its contents (before/after), for those who may read
// the log. The contents can hold personal data, so the read itself is logged (entity audit_entry,
// the seq read in `after`). Another organisation's entry answers not_found.
import type pg from 'pg';
import type { Actor } from '../access/actor.ts';
import { errors } from '../errors.ts';
import { AUDIT_COLUMNS, type AuditEntry, type AuditRow, auditEntryOf } from './auditLog.ts';
import { appendReadLog } from './write.ts';

export type AuditEntryWithContents = AuditEntry & { before: unknown; after: unknown };

export async function readAuditEntry(db: pg.Pool, actor: Actor, seq: number): Promise<AuditEntryWithContents> {
  const r = await db.query<AuditRow & { before: unknown; after: unknown }>(
    `SELECT ${AUDIT_COLUMNS}, c.before, c.after
       FROM change_log c LEFT JOIN app_user u ON u.id = c.actor_id
      WHERE c.seq = $1 AND c.org_id = $2`,
    [seq, actor.orgId],
  );
  const e = r.rows[0];
  if (!e) throw errors.notFound('change log entry');
  await appendReadLog(db, actor, { entity: 'audit_entry', entityId: e.entity_id, action: 'read', after: { seq: e.seq } });
  return { ...auditEntryOf(e), before: e.before ?? null, after: e.after ?? null };
}
