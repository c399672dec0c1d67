// Everything written into a case, each through the flow's rule (src/cases/flow.ts) and the actor's
// access: entries (appended, never overwritten), decisions, reopening, transfer and sharing.
import { type CaseAction, nextState } from '../../cases/flow.ts';
import { errors } from '../../errors.ts';
import type { CaseApproval, CaseEntryKind } from '../../shared/cases.ts';
import type { WriteContext } from '../write.ts';
import { type Case, getCaseFor } from './caseRow.ts';

export type Entry = { kind: CaseEntryKind; text: string | null; nextDate: string | null; personId: string | null };

const SUBMITS: Partial<Record<CaseEntryKind, CaseApproval>> = { assessment: 'assessment', plan: 'plan', closure: 'closure' };

async function step(
  ctx: WriteContext,
  id: string,
  action: CaseAction,
  entry: { kind: string; body: Record<string, unknown> },
): Promise<Case> {
  const { c, access } = await getCaseFor(ctx.client, ctx.actor, id, true);
  const next = nextState({ stage: c.stage, awaiting: c.awaiting }, action, access);
  const dueNext = typeof entry.body.nextDate === 'string' ? entry.body.nextDate : null;
  await ctx.client.query(
    `UPDATE case_file SET stage = $2, awaiting = $3, version = version + 1,
            closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE NULL END,
            due_at = CASE WHEN $4::date IS NOT NULL THEN $4::date::timestamptz
                          WHEN $2 <> stage THEN now() + interval '7 days' ELSE due_at END
      WHERE id = $1`,
    [id, next.stage, next.awaiting, dueNext],
  );
  await ctx.client.query('INSERT INTO case_entry (case_id, kind, body, author_id) VALUES ($1, $2, $3, $4)', [
    id,
    entry.kind,
    entry.body,
    ctx.actor.userId,
  ]);
  // the change log names the step, never the text (a case's notes are among the most sensitive data)
  await ctx.log({ entity: 'case', entityId: id, action: entry.kind, after: { stage: next.stage, awaiting: next.awaiting } });
  return (await getCaseFor(ctx.client, ctx.actor, id)).c;
}

/** A note, a service, a referral, a follow-up (with the next date), an interim caregiver, or a submission for approval. */
export async function addEntry(ctx: WriteContext, id: string, e: Entry): Promise<Case> {
  if (e.kind === 'caregiver') {
    if (!e.personId) throw errors.invalidField('personId', 'required');
    const p = await ctx.client.query('SELECT 1 FROM person WHERE id = $1 AND org_id = $2', [e.personId, ctx.actor.orgId]);
    if (p.rowCount === 0) throw errors.invalidField('personId', 'no_such_record');
  }
  const submits = SUBMITS[e.kind];
  const action: CaseAction = submits ? { do: 'submit', what: submits } : { do: 'write' };
  const body = {
    ...(e.text ? { text: e.text } : {}),
    ...(e.nextDate ? { nextDate: e.nextDate } : {}),
    ...(e.personId ? { personId: e.personId } : {}),
  };
  return step(ctx, id, action, { kind: e.kind, body });
}

/** A supervisor approves what waits for them, or sends it back with a comment. */
export async function decideCase(
  ctx: WriteContext,
  id: string,
  d: { decision: 'approve' | 'send_back'; comment: string | null },
): Promise<Case> {
  const body = d.comment ? { text: d.comment } : {};
  return step(ctx, id, { do: d.decision }, { kind: d.decision === 'approve' ? 'approved' : 'sent_back', body });
}

export async function reopenCase(ctx: WriteContext, id: string, reason: string): Promise<Case> {
  return step(ctx, id, { do: 'reopen' }, { kind: 'reopened', body: { text: reason } });
}

/** Transfers the case to a caseworker of the organisation whose governorates include the case's (the assigned caseworker or a supervisor). */
export async function assignCase(ctx: WriteContext, id: string, userId: string): Promise<Case> {
  const { c, access } = await getCaseFor(ctx.client, ctx.actor, id, true);
  if (access === 'shared') throw errors.caseStepRefused();
  const u = await ctx.client.query(
    "SELECT 1 FROM app_user WHERE id = $1 AND org_id = $2 AND role IN ('caseworker','case_supervisor') AND $3 = ANY(governorates) AND NOT disabled",
    [userId, c.orgId, c.governorate],
  );
  if (u.rowCount === 0) throw errors.invalidField('userId', 'no_such_record');
  await ctx.client.query('UPDATE case_file SET assigned_to = $2, version = version + 1 WHERE id = $1', [id, userId]);
  await ctx.client.query("INSERT INTO case_entry (case_id, kind, body, author_id) VALUES ($1, 'assigned', $2, $3)", [
    id,
    { userId },
    ctx.actor.userId,
  ]);
  await ctx.log({ entity: 'case', entityId: id, action: 'assign', after: { userId } });
  return (await getCaseFor(ctx.client, ctx.actor, id)).c;
}

/** Shares the case with one user of the organisation until a date (or for good), as the consent allows. */
export async function shareCase(ctx: WriteContext, id: string, s: { userId: string; until: string | null }): Promise<Case> {
  const { c, access } = await getCaseFor(ctx.client, ctx.actor, id, true);
  if (access === 'shared') throw errors.caseStepRefused();
  const u = await ctx.client.query('SELECT 1 FROM app_user WHERE id = $1 AND org_id = $2 AND NOT disabled', [s.userId, c.orgId]);
  if (u.rowCount === 0) throw errors.invalidField('userId', 'no_such_record');
  await ctx.client.query(
    `INSERT INTO case_share (case_id, user_id, shared_by, until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id, user_id) DO UPDATE SET until = EXCLUDED.until, shared_by = EXCLUDED.shared_by, at = now()`,
    [id, s.userId, ctx.actor.userId, s.until],
  );
  await ctx.client.query("INSERT INTO case_entry (case_id, kind, body, author_id) VALUES ($1, 'shared', $2, $3)", [
    id,
    s,
    ctx.actor.userId,
  ]);
  await ctx.log({ entity: 'case', entityId: id, action: 'share', after: s });
  return (await getCaseFor(ctx.client, ctx.actor, id)).c;
}
