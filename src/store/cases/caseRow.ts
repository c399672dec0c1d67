// A case as stored and as the API shows it, and the one way to reach a case: through the actor's
// access to it (assigned, supervisor of its governorate, shared with); anyone else gets 404.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { type Access, caseAccess } from '../../cases/flow.ts';
import { errors } from '../../errors.ts';
import type { CaseApproval, CaseStage, CaseType } from '../../shared/cases.ts';
import { isUuid } from '../../shared/ids.ts';

export const CASE_SELECT = `SELECT c.id, c.org_id, c.governorate, c.type, c.sensitive, c.person_id, c.household_id, c.stage, c.awaiting,
       c.assigned_to, a.username AS assigned_name, c.consent, c.due_at, c.opened_at, c.closed_at, c.version,
       p.full_name, p.full_name_en
  FROM case_file c JOIN person p ON p.id = c.person_id LEFT JOIN app_user a ON a.id = c.assigned_to`;

export type CaseRow = {
  id: string;
  org_id: string;
  governorate: string;
  type: CaseType;
  sensitive: boolean;
  person_id: string;
  household_id: string | null;
  stage: CaseStage;
  awaiting: CaseApproval | null;
  assigned_to: string | null;
  assigned_name: string | null;
  consent: Record<string, unknown>;
  due_at: Date;
  opened_at: Date;
  closed_at: Date | null;
  version: number;
  full_name: string;
  full_name_en: string | null;
};

export const parseCase = (r: CaseRow) => ({
  id: r.id,
  orgId: r.org_id,
  governorate: r.governorate,
  type: r.type,
  sensitive: r.sensitive,
  person: { id: r.person_id, fullName: r.full_name, fullNameEn: r.full_name_en },
  householdId: r.household_id,
  stage: r.stage,
  awaiting: r.awaiting,
  assignedTo: r.assigned_to ? { id: r.assigned_to, username: r.assigned_name ?? '' } : null,
  consent: r.consent,
  dueAt: r.due_at.toISOString(),
  overdue: r.stage !== 'closed' && r.due_at.getTime() < Date.now(),
  openedAt: r.opened_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
  version: r.version,
});
export type Case = ReturnType<typeof parseCase>;

/** The case and how the actor may see it; 404 when it does not exist for them. */
export async function getCaseFor(
  db: pg.Pool | pg.PoolClient,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<{ c: Case; access: Access }> {
  const r = isUuid(id)
    ? await db.query<CaseRow>(`${CASE_SELECT} WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`, [id])
    : { rows: [] };
  const row = r.rows[0];
  if (!row) throw errors.notFound('case');
  const shares = await db.query<{ user_id: string }>(
    'SELECT user_id FROM case_share WHERE case_id = $1 AND (until IS NULL OR until >= current_date)',
    [id],
  );
  const c = parseCase(row);
  const access = caseAccess(
    actor,
    { orgId: c.orgId, governorate: c.governorate, assignedTo: c.assignedTo?.id ?? null, type: c.type },
    shares.rows.map((s) => s.user_id),
  );
  if (!access) throw errors.notFound('case');
  return { c, access };
}

/** SQL condition: the cases an actor may see (parameters: $from org, $from+1 user, $from+2 role, $from+3 governorates). */
export function visibleSql(alias: string, from: number): string {
  return `${alias}.org_id = $${from} AND (${alias}.assigned_to = $${from + 1}
    OR ($${from + 2} = 'case_supervisor' AND ${alias}.governorate = ANY($${from + 3}::text[]))
    OR EXISTS (SELECT 1 FROM case_share s WHERE s.case_id = ${alias}.id AND s.user_id = $${from + 1} AND (s.until IS NULL OR s.until >= current_date)))`;
}
export const visibleParams = (actor: Actor) => [actor.orgId, actor.userId, actor.role, actor.governorates];
