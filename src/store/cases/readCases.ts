import type pg from 'pg';
import type { Access } from '../../cases/flow.ts';
import type { Actor } from '../../access/actor.ts';
import { appendReadLog } from '../write.ts';
import { type Case, CASE_SELECT, type CaseRow, getCaseFor, parseCase, visibleParams, visibleSql } from './caseRow.ts';
import { scopeSql } from '../registry/scope.ts';

export type CaseEntryView = { id: string; kind: string; body: Record<string, unknown>; author: string | null; at: string };

/** A case with its timeline, for those who may see it (404 otherwise). The read is logged. */
export async function readCase(db: pg.Pool, actor: Actor, id: string): Promise<Case & { access: Access; entries: CaseEntryView[] }> {
  const { c, access } = await getCaseFor(db, actor, id);
  const r = await db.query<{ id: string; kind: string; body: Record<string, unknown>; author: string | null; at: Date }>(
    `SELECT e.id, e.kind, e.body, u.username AS author, e.at FROM case_entry e LEFT JOIN app_user u ON u.id = e.author_id
      WHERE e.case_id = $1 ORDER BY e.at, e.id`,
    [id],
  );
  await appendReadLog(db, actor, { entity: 'case', entityId: id, action: 'read' });
  return { ...c, access, entries: r.rows.map((e) => ({ id: e.id, kind: e.kind, body: e.body, author: e.author, at: e.at.toISOString() })) };
}

/**
 * "My cases": the open cases assigned to the actor; for a supervisor also those of their
 * governorates (or shared with them) waiting for a decision or for someone to be assigned. The most
 * urgent first, at most 200. Each way of being listed is its own ordered, limited look-up (one index
 * each: case_file_assigned, case_file_queue, case_share), and only the 200 kept are joined with their
 * persons: the same list as the cases visible (visibleSql) and assigned to the actor or, for a
 * supervisor, unassigned or awaiting, but without reading every open case of a governorate.
 */
export async function listMyCases(db: pg.Pool, actor: Actor): Promise<Case[]> {
  const r = await db.query<CaseRow>(
    `${CASE_SELECT}
     JOIN ((SELECT id FROM case_file WHERE org_id = $1 AND assigned_to = $2 AND stage <> 'closed' ORDER BY due_at, id LIMIT 200)
           UNION
           (SELECT id FROM case_file
             WHERE $3 = 'case_supervisor' AND org_id = $1 AND governorate = ANY($4::text[]) AND stage <> 'closed'
               AND (assigned_to IS NULL OR awaiting IS NOT NULL) ORDER BY due_at, id LIMIT 200)
           UNION
           (SELECT c.id FROM case_share s JOIN case_file c ON c.id = s.case_id
             WHERE $3 = 'case_supervisor' AND s.user_id = $2 AND (s.until IS NULL OR s.until >= current_date) AND c.org_id = $1
               AND c.stage <> 'closed' AND (c.assigned_to IS NULL OR c.awaiting IS NOT NULL) ORDER BY c.due_at, c.id LIMIT 200)) m
       ON m.id = c.id
     ORDER BY c.due_at, c.id LIMIT 200`,
    visibleParams(actor),
  );
  return r.rows.map(parseCase);
}

/**
 * The cases of a person the actor may know of: every case they may open (also one shared with them
 * from outside their governorates), and the existence of the other non-sensitive ones in their
 * scope (type, stage, who has it). Sensitive cases the actor may not open are not listed at all.
 */
export async function listPersonCases(db: pg.Pool, actor: Actor, personId: string): Promise<(Case & { mayOpen: boolean })[]> {
  const scope = scopeSql('c', actor, 5);
  const r = await db.query<CaseRow & { may_open: boolean; in_scope: boolean }>(
    `SELECT * FROM (${CASE_SELECT.replace('SELECT ', `SELECT (${visibleSql('c', 1)}) AS may_open, (${scope.sql}) AS in_scope, `)}
       WHERE c.person_id = $7) x
      WHERE may_open OR (NOT sensitive AND in_scope) ORDER BY opened_at DESC`,
    [...visibleParams(actor), ...scope.params, personId],
  );
  return r.rows.map((row) => ({ ...parseCase(row), mayOpen: row.may_open }));
}
