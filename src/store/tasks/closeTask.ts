import { errors } from '../../errors.ts';
import { changeHead } from '../registry/households/changeHead.ts';
import { recordVulnerability } from '../registry/households/recordVulnerability.ts';
import type { WriteContext } from '../write.ts';
import { getTask, type Task } from './taskRow.ts';

async function openTask(ctx: WriteContext, id: string): Promise<Task> {
  const t = await getTask(ctx.client, ctx.actor, id, true);
  if (t.status !== 'open') throw errors.taskClosed();
  return t;
}

async function close(ctx: WriteContext, t: Task, status: 'done' | 'dismissed', outcome: string): Promise<Task> {
  await ctx.client.query('UPDATE task SET status = $2, closed_at = now(), closed_by = $3, outcome = $4 WHERE id = $1', [
    t.id,
    status,
    ctx.actor.userId,
    outcome,
  ]);
  await ctx.log({ entity: 'task', entityId: t.id, action: status, after: { outcome } });
  return getTask(ctx.client, ctx.actor, t.id);
}

/**
 * The head died: the person chosen (the proposal or another current member) becomes the head, and
 * the one who died leaves the household on `date`. The household stays, with its cards and open
 * entitlements, now collected by the new head. One write with the task's closing.
 */
export async function resolveNewHead(ctx: WriteContext, id: string, c: { personId: string; date: string }): Promise<Task> {
  const t = await openTask(ctx, id);
  if (t.kind !== 'new_head') throw errors.taskClosed();
  const head = await ctx.client.query(
    "SELECT 1 FROM household_member WHERE household_id = $1 AND person_id = $2 AND relationship = 'head' AND valid_to IS NULL",
    [t.householdId, t.person.id],
  );
  if (head.rowCount === 0) throw errors.versionConflict(); // the household changed its head since the task was opened
  const dead = await ctx.client.query("SELECT 1 FROM life_event_confirmation WHERE person_id = $1 AND kind = 'death'", [c.personId]);
  if (dead.rowCount) throw errors.invalidField('personId', 'member_deceased');
  await changeHead(ctx, t.householdId, {
    personId: c.personId,
    date: c.date,
    previousHead: 'leaves',
    previousHeadRelationship: 'other_relative',
    reason: 'death of the head of household (confirmed)',
  });
  return close(ctx, t, 'done', `new head ${c.personId}`);
}

/** Records the vulnerability the task proposes, for the person, from `date`; one write with the task's closing. */
export async function resolveVulnerability(ctx: WriteContext, id: string, date: string): Promise<Task> {
  const t = await openTask(ctx, id);
  if (t.kind !== 'record_vulnerability' || !t.vulnerability) throw errors.taskClosed();
  await recordVulnerability(ctx, t.householdId, { kind: t.vulnerability, personId: t.person.id, date, reason: 'confirmed life event' });
  return close(ctx, t, 'done', `vulnerability ${t.vulnerability}`);
}

/** Closes a task without acting on it, with the reason (e.g. the household already changed its head). */
export async function dismissTask(ctx: WriteContext, id: string, reason: string): Promise<Task> {
  return close(ctx, await openTask(ctx, id), 'dismissed', reason);
}
