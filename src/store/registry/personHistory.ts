import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { allows } from '../../shared/permissions.ts';
import { appendReadLog } from '../write.ts';
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

const asObject = (x: unknown): Record<string, unknown> =>
  x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};

/** The names of the fields an entry set or changed (never their values). */
export function fieldsOf(before: unknown, after: unknown): string[] {
  const b = asObject(before);
  const a = asObject(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
    .sort();
}

/**
 * One entry. A reader whose role may not read the person's record (an auditor) sees who changed
 * which fields when, and not the values.
 */
export const parseEntry = (e: Row, withValues: boolean) => ({
  seq: e.seq,
  at: e.at.toISOString(),
  actorId: e.actor_id,
  actorName: e.actor_name,
  orgId: e.org_id,
  deviceId: e.device_id,
  action: e.action,
  fields: fieldsOf(e.before, e.after),
  before: withValues ? e.before : null,
  after: withValues ? e.after : null,
  reason: withValues ? e.reason : null,
});

/** One change of a person, a status event or a read, and who did it. */
export type HistoryEntry = ReturnType<typeof parseEntry>;
export type HistoryPage = { items: HistoryEntry[]; earlier: number | null };

export const HISTORY_PAGE = 200;

/**
 * The change log of a person in the actor's scope (404 otherwise): changes, status events and reads.
 * A page holds the newest entries before `before` (a seq), oldest first; `earlier` is the cursor for
 * the page before it, null at the beginning. `changesOnly` leaves reads out. The read is logged.
 */
export async function personHistory(
  db: pg.Pool,
  actor: Actor,
  id: string,
  opts: { before?: number | undefined; limit?: number | undefined; changesOnly?: boolean | undefined } = {},
): Promise<HistoryPage> {
  const p = await getPerson(db, actor, id);
  const limit = opts.limit ?? HISTORY_PAGE;
  const r = await db.query<Row>(
    `SELECT * FROM (
       SELECT c.seq, c.at, c.actor_id, u.username AS actor_name, c.org_id, c.device_id, c.action, c.before, c.after, c.reason
         FROM change_log c LEFT JOIN app_user u ON u.id = c.actor_id AND u.org_id = $3
        WHERE c.entity_id = $1 AND c.entity IN ('person', 'person_status') AND ($4::bigint IS NULL OR c.seq < $4)
          AND (NOT $5 OR c.action NOT IN ('read', 'read_history'))
        ORDER BY c.seq DESC LIMIT $2
     ) page ORDER BY seq`,
    [p.id, limit + 1, actor.orgId, opts.before ?? null, opts.changesOnly ?? false],
  );
  const more = r.rows.length > limit;
  const rows = more ? r.rows.slice(1) : r.rows;
  await appendReadLog(db, actor, { entity: 'person', entityId: p.id, action: 'read_history' });
  const withValues = allows('GET /api/v1/persons/:id', actor.role);
  return { items: rows.map((e) => parseEntry(e, withValues)), earlier: more ? rows[0]!.seq : null };
}
