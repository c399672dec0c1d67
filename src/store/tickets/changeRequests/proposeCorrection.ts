import { errors } from '../../../errors.ts';
import type { CorrectionField } from '../../../shared/corrections.ts';
import { applyChanges, type Changes, fieldValue } from '../../../tickets/correction.ts';
import { getPerson } from '../../registry/findPerson.ts';
import type { WriteContext } from '../../write.ts';
import { getTicket } from '../ticketRow.ts';
import { CHANGE_REQUEST_SELECT, type ChangeRequest, type ChangeRequestRow, parseChangeRequest } from './changeRequestRow.ts';

export type Proposal = { changes: Changes; reason: string; version: number | undefined };

/**
 * Proposes a correction of the ticket's person: on an open data-correction ticket about a person, by
 * a focal point who sees it or the one it is assigned to. The values are checked as the person edit
 * checks them; only the fields they change are kept, each with its value now. One proposal at a time
 * waits per ticket (409 change_request_pending). The change log names the fields, never the values.
 */
export async function proposeCorrection(ctx: WriteContext, ticketId: string, p: Proposal): Promise<ChangeRequest> {
  const t = await getTicket(ctx.client, ctx.actor, ticketId, true);
  const handler = ctx.actor.role === 'feedback_focal_point' || t.assignedTo?.id === ctx.actor.userId;
  if (t.category !== 'data_correction' || !t.person || t.status === 'closed' || !handler) throw errors.notADataCorrection();
  const person = await getPerson(ctx.client, ctx.actor, t.person.id);
  if (p.version !== undefined && p.version !== person.version) throw errors.versionConflict();
  const { record, changed } = applyChanges(person, p.changes);
  const pick = (f: (x: CorrectionField) => string | null) => Object.fromEntries(changed.map((x) => [x, f(x)]));
  const r = await ctx.client.query<{ id: string }>(
    `INSERT INTO change_request (org_id, ticket_id, person_id, governorate, base_version, before, changes, reason, proposed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (ticket_id) WHERE status = 'proposed' DO NOTHING RETURNING id`,
    [
      t.orgId,
      t.id,
      person.id,
      person.governorate,
      person.version,
      JSON.stringify(pick((f) => fieldValue(person, f))),
      JSON.stringify(pick((f) => fieldValue(record, f))),
      p.reason,
      ctx.actor.userId,
    ],
  );
  const id = r.rows[0]?.id;
  if (!id) throw errors.changeRequestPending();
  await ctx.client.query("INSERT INTO ticket_event (ticket_id, action, actor_id) VALUES ($1, 'correction_proposed', $2)", [
    t.id,
    ctx.actor.userId,
  ]);
  await ctx.log({
    entity: 'change_request',
    entityId: id,
    action: 'propose',
    after: { ticketId: t.id, personId: person.id, fields: changed },
  });
  const row = await ctx.client.query<ChangeRequestRow>(`${CHANGE_REQUEST_SELECT} WHERE c.id = $1`, [id]);
  return parseChangeRequest(row.rows[0]!);
}
