import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { getPerson } from './findPerson.ts';

type Row = {
  seq: number;
  at: Date;
  actor_id: string | null;
  org_id: string | null;
  device_id: string | null;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
};

const parseEntry = (e: Row) => ({
  seq: e.seq,
  at: e.at.toISOString(),
  actorId: e.actor_id,
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
    `SELECT seq, at, actor_id, org_id, device_id, action, before, after, reason FROM change_log
      WHERE entity_id = $1 AND entity IN ('person', 'person_status') ORDER BY seq LIMIT $2`,
    [p.id, limit],
  );
  return r.rows.map(parseEntry);
}
