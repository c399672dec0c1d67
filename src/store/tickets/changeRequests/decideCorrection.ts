import { errors } from '../../../errors.ts';
import { correctionLogReason } from '../../../shared/corrections.ts';
import { applyChanges, assertMayDecide, type Changes } from '../../../tickets/correction.ts';
import { getPerson } from '../../registry/findPerson.ts';
import { updatePerson } from '../../registry/updatePerson.ts';
import { isUuid } from '../../../shared/ids.ts';
import type { WriteContext } from '../../write.ts';
import { CHANGE_REQUEST_SELECT, type ChangeRequest, type ChangeRequestRow, parseChangeRequest } from './changeRequestRow.ts';

export type Decision = { decision: 'approve' | 'reject'; reason: string | null };

/**
 * Approves or rejects a correction (src/tickets/correction.ts assertMayDecide: one who may edit the
 * person, never its proposer, while it waits; an approval while the person is as it was). The request is
 * locked first, so of two approvals at once the second finds it decided: it is applied once. An
 * approval is the person edit (store/registry/updatePerson.ts) with the ticket named in the change
 * log's reason; a rejection needs a reason. A request outside the actor's scope answers 404.
 */
export async function decideCorrection(ctx: WriteContext, id: string, d: Decision): Promise<ChangeRequest> {
  const r = isUuid(id)
    ? await ctx.client.query<ChangeRequestRow>(`${CHANGE_REQUEST_SELECT} WHERE c.id = $1 AND c.org_id = $2 FOR UPDATE OF c`, [
        id,
        ctx.actor.orgId,
      ])
    : { rows: [] };
  const row = r.rows[0];
  if (!row) throw errors.notFound('change_request');
  const person = await getPerson(ctx.client, ctx.actor, row.person_id, { forUpdate: true });
  assertMayDecide(
    ctx.actor,
    { status: row.status, proposedBy: row.proposed_by, baseVersion: row.base_version },
    person.version,
    d.decision,
  );
  if (d.decision === 'reject' && !d.reason) throw errors.invalidField('reason', 'required');
  if (d.decision === 'approve') {
    const { record } = applyChanges(person, row.changes as Changes);
    await updatePerson(ctx, person.id, record, row.base_version, correctionLogReason(row.ticket_id, row.reason));
  }
  const status = d.decision === 'approve' ? 'approved' : 'rejected';
  await ctx.client.query('UPDATE change_request SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4 WHERE id = $1', [
    id,
    status,
    ctx.actor.userId,
    d.reason,
  ]);
  await ctx.client.query('INSERT INTO ticket_event (ticket_id, action, note, actor_id) VALUES ($1, $2, $3, $4)', [
    row.ticket_id,
    `correction_${status}`,
    d.reason,
    ctx.actor.userId,
  ]);
  await ctx.log({ entity: 'change_request', entityId: id, action: d.decision, after: { status, ticketId: row.ticket_id } });
  const after = await ctx.client.query<ChangeRequestRow>(`${CHANGE_REQUEST_SELECT} WHERE c.id = $1`, [id]);
  return parseChangeRequest(after.rows[0]!);
}
