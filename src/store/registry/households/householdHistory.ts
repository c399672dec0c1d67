// The change log of a household: its own changes (members joining and leaving, head changes,
// splits, merges, moves, vulnerabilities), its cards, and the life events (and older status events)
// of the people who were ever its members (those the reader may read). Reads are left out: who read what is the audit log's question.
import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { allows } from '../../../shared/permissions.ts';
import { HISTORY_PAGE, type HistoryEntry, parseEntry, type Row } from '../personHistory.ts';
import { scopeSql } from '../scope.ts';
import { getHousehold } from './findHousehold.ts';

/** One entry, and what it is about: the household, its card, or one of its members (a status event). */
export type HouseholdHistoryEntry = HistoryEntry & { entity: string; entityId: string | null };

/**
 * The change log of a household in the actor's scope (404 otherwise): the newest entries before
 * `before` (a seq), oldest first, and the cursor for the page before (null at the beginning). A
 * reader who may not read a person's record (an auditor) gets which fields changed, not the values.
 */
export async function householdHistory(
  db: pg.Pool,
  actor: Actor,
  id: string,
  opts: { before?: number | undefined; limit?: number | undefined } = {},
): Promise<{ items: HouseholdHistoryEntry[]; earlier: number | null }> {
  const limit = opts.limit ?? HISTORY_PAGE;
  const h = await getHousehold(db, actor, id);
  // A member's status events only when the reader may read that person too.
  const scope = scopeSql('p', actor, 4);
  const members = `SELECT m.person_id FROM household_member m JOIN person p ON p.id = m.person_id WHERE m.household_id = $1 AND ${scope.sql}`;
  const r = await db.query<Row & { entity: string; entity_id: string | null; event_kind: string | null }>(
    `SELECT * FROM (SELECT c.seq, c.at, c.entity, coalesce(le.person_id, c.entity_id) AS entity_id, le.kind AS event_kind,
            c.actor_id, u.username AS actor_name, c.org_id, c.device_id, c.action, c.before, c.after, c.reason
       FROM change_log c LEFT JOIN app_user u ON u.id = c.actor_id AND u.org_id = $3
       LEFT JOIN life_event le ON c.entity = 'life_event' AND le.id = c.entity_id
      WHERE ((c.entity IN ('household', 'household_card') AND c.entity_id = $1)
          OR (c.entity = 'person_status' AND c.entity_id IN (${members}))
          OR (c.entity = 'life_event' AND c.entity_id IN (SELECT e.id FROM life_event e WHERE e.person_id IN (${members}))))
        AND c.action NOT IN ('read', 'read_history') AND ($${scope.params.length + 4}::bigint IS NULL OR c.seq < $${scope.params.length + 4})
      ORDER BY c.seq DESC LIMIT $2) page ORDER BY seq`,
    [h.id, limit + 1, actor.orgId, ...scope.params, opts.before ?? null],
  );
  const more = r.rows.length > limit;
  const rows = more ? r.rows.slice(1) : r.rows;
  const withValues = allows('GET /api/v1/persons/:id', actor.role);
  return {
    items: rows.map((row) => {
      const e = parseEntry(row, withValues);
      // a life event is shown as its person's, with its kind (for those who may read the person)
      const after = row.event_kind && withValues ? { ...(e.after ?? {}), kind: row.event_kind } : e.after;
      return { ...e, after, entity: row.entity, entityId: row.entity_id };
    }),
    earlier: more ? rows[0]!.seq : null,
  };
}
