import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { getPerson } from './findPerson.ts';

export type Row = {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  org_id: string | null;
  device_id: string | null;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
};

export const parseEntry = (e: Row) => ({
  seq: e.seq,
  at: e.at.toISOString(),
  actorId: e.actor_id,
  actorName: e.actor_name,
  orgId: e.org_id,
  deviceId: e.device_id,
  action: e.action,
  before: e.before,
  after: e.after,
  reason: e.reason,
});

/** One change of a person, a status event or a read, and who did it. */
export type HistoryEntry = ReturnType<typeof parseEntry>;

/** The change log of a person in the actor's scope (404 otherwise): changes, status events and reads, oldest first. */
export async function personHistory(db: pg.Pool, actor: Actor, id: string, limit = 1000): Promise<HistoryEntry[]> {
  const p = await getPerson(db, actor, id);
  const r = await db.query<Row>(
    `SELECT c.seq, c.at, c.actor_id, u.username AS actor_name, c.org_id, c.device_id, c.action, c.before, c.after, c.reason
       FROM change_log c LEFT JOIN app_user u ON u.id = c.actor_id AND u.org_id = $3
      WHERE c.entity_id = $1 AND c.entity IN ('person', 'person_status') ORDER BY c.seq LIMIT $2`,
    [p.id, limit, actor.orgId],
  );
  return r.rows.map(parseEntry);
}
