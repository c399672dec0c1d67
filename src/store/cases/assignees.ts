import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { getCaseFor } from './caseRow.ts';

/** The caseworkers and supervisors a case may go to (for those who may see the case; 404 otherwise). */
export async function listAssignees(db: pg.Pool, actor: Actor, caseId: string): Promise<{ id: string; username: string; role: string }[]> {
  const { c } = await getCaseFor(db, actor, caseId);
  const r = await db.query<{ id: string; username: string; role: string }>(
    `SELECT id, username, role FROM app_user
      WHERE org_id = $1 AND role IN ('caseworker','case_supervisor') AND $2 = ANY(governorates) AND NOT disabled
      ORDER BY username LIMIT 500`,
    [c.orgId, c.governorate],
  );
  return r.rows;
}
