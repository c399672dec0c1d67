import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { logPersonsShown } from '../registry/logPersonsShown.ts';
import { scopeSql } from '../registry/scope.ts';
import { parseTask, TASK_SELECT, type Task, type TaskRow } from './taskRow.ts';

/** The open tasks of households in the actor's scope, the most urgent first (at most 200). The names shown are logged. */
export async function listTasks(db: pg.Pool, actor: Actor): Promise<Task[]> {
  const scope = scopeSql('h', actor, 1);
  const r = await db.query<TaskRow>(
    `${TASK_SELECT} WHERE t.status = 'open' AND ${scope.sql} ORDER BY t.due_at, t.id LIMIT 200`,
    scope.params,
  );
  const tasks = r.rows.map(parseTask);
  await logPersonsShown(db, actor, 'list', [
    ...new Set(tasks.flatMap((t) => [t.person.id, ...(t.proposedHead ? [t.proposedHead.id] : [])])),
  ]);
  return tasks;
}
