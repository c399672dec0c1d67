// A task as stored and as the API shows it: what to do, for which household, about whom, by when.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { isUuid } from '../../shared/ids.ts';
import type { TaskKind } from '../../shared/lifeEvents.ts';
import type { VulnerabilityKind } from '../../shared/vocabulary.ts';
import { scopeSql } from '../registry/scope.ts';

export const TASK_SELECT = `SELECT t.id, t.kind, t.status, t.due_at, t.created_at, t.closed_at, t.outcome, t.household_id, t.life_event_id,
       h.record_id AS household_record_id, t.person_id, p.full_name, p.full_name_en,
       t.proposal->>'newHead' AS proposed_head, np.full_name AS proposed_head_name, t.proposal->>'vulnerability' AS vulnerability
  FROM task t JOIN household h ON h.id = t.household_id JOIN person p ON p.id = t.person_id
  LEFT JOIN person np ON np.id = (t.proposal->>'newHead')::uuid`;

export type TaskRow = {
  id: string;
  kind: TaskKind;
  status: 'open' | 'done' | 'dismissed';
  due_at: Date;
  created_at: Date;
  closed_at: Date | null;
  outcome: string | null;
  household_id: string;
  life_event_id: string;
  household_record_id: string | null;
  person_id: string;
  full_name: string;
  full_name_en: string | null;
  proposed_head: string | null;
  proposed_head_name: string | null;
  vulnerability: VulnerabilityKind | null;
};

export const parseTask = (r: TaskRow) => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  dueAt: r.due_at.toISOString(),
  createdAt: r.created_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
  outcome: r.outcome,
  householdId: r.household_id,
  householdRecordId: r.household_record_id,
  lifeEventId: r.life_event_id,
  person: { id: r.person_id, fullName: r.full_name, fullNameEn: r.full_name_en },
  proposedHead: r.proposed_head ? { id: r.proposed_head, fullName: r.proposed_head_name ?? '' } : null,
  vulnerability: r.vulnerability,
});
export type Task = ReturnType<typeof parseTask>;

/** A task of a household in the actor's scope; 404 as if absent otherwise. */
export async function getTask(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<Task> {
  const scope = scopeSql('h', actor, 2);
  const r = isUuid(id)
    ? await db.query<TaskRow>(`${TASK_SELECT} WHERE t.id = $1 AND ${scope.sql}${forUpdate ? ' FOR UPDATE OF t' : ''}`, [
        id,
        ...scope.params,
      ])
    : { rows: [] };
  if (!r.rows[0]) throw errors.notFound('task');
  return parseTask(r.rows[0]);
}
