// Ticket operations: take one (at a desk, on the hotline...), list the queue, act on one.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { permissionMatrix } from '../../shared/permissions.ts';
import { isSensitiveTicket, type TicketAction, type TicketCategory, type TicketChannel, ticketDeadlineDays } from '../../shared/tickets.ts';
import { nextTicketState } from '../../tickets/flow.ts';
import { getPerson } from '../registry/findPerson.ts';
import { appendReadLog, type WriteContext } from '../write.ts';
import { getTicket, parseTicket, TICKET_SELECT, type Ticket, type TicketRow, ticketVisibleParams, ticketVisibleSql } from './ticketRow.ts';

export type NewTicket = {
  channel: TicketChannel;
  category: TicketCategory;
  personId: string | null;
  governorate: string | null;
  object: { kind: string; id: string } | null;
  description: string;
};

/** Takes a ticket: about a person in the actor's scope (404 otherwise), or about nobody in a governorate of the actor's. */
export async function takeTicket(ctx: WriteContext, n: NewTicket): Promise<Ticket> {
  const person = n.personId ? await getPerson(ctx.client, ctx.actor, n.personId) : null;
  const governorate = person?.governorate ?? n.governorate;
  if (!governorate) throw errors.invalidField('governorate', 'required');
  if (!ctx.actor.governorates.includes(governorate)) throw errors.outsideGovernorates();
  const r = await ctx.client.query<{ id: string }>(
    `INSERT INTO ticket (org_id, governorate, channel, category, sensitive, person_id, household_id, object_kind, object_id, description, due_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, (SELECT household_id FROM household_member WHERE person_id = $6 AND valid_to IS NULL), $7, $8, $9,
             now() + make_interval(days => $10), $11)
     RETURNING id`,
    [
      ctx.actor.orgId,
      governorate,
      n.channel,
      n.category,
      isSensitiveTicket(n.category),
      person?.id ?? null,
      n.object?.kind ?? null,
      n.object?.id ?? null,
      n.description,
      ticketDeadlineDays[n.category],
      ctx.actor.userId,
    ],
  );
  const id = r.rows[0]!.id;
  await ctx.client.query("INSERT INTO ticket_event (ticket_id, action, actor_id) VALUES ($1, 'taken', $2)", [id, ctx.actor.userId]);
  // the log names the ticket and its category, never what was said
  await ctx.log({ entity: 'ticket', entityId: id, action: 'take', after: { channel: n.channel, category: n.category } });
  // the one who took it gets it back once, even a sensitive ticket they will not see again
  const row = await ctx.client.query<TicketRow>(`${TICKET_SELECT} WHERE t.id = $1`, [id]);
  return parseTicket(row.rows[0]!);
}

/** A page of the open tickets the actor sees, the most urgent first, after the ticket `after` (its due time, then its id). */
export async function listTickets(
  db: pg.Pool,
  actor: Actor,
  page: { after?: string; limit: number },
): Promise<{ items: Ticket[]; next: string | null }> {
  const params: unknown[] = [...ticketVisibleParams(actor), page.limit + 1];
  // keyset by the ticket's own (due_at, id): no timestamp travels through the cursor and back
  const after =
    page.after === undefined ? '' : `AND (t.due_at, t.id) > (SELECT due_at, id FROM ticket WHERE id = $${params.push(page.after)})`;
  const r = await db.query<TicketRow>(
    `${TICKET_SELECT} WHERE t.status <> 'closed' AND ${ticketVisibleSql(1)} ${after} ORDER BY t.due_at, t.id LIMIT $5`,
    params,
  );
  const items = r.rows.slice(0, page.limit).map(parseTicket);
  return { items, next: r.rows.length > page.limit ? items[items.length - 1]!.id : null };
}

/** The roles that may open and work on a ticket (those of its route in the permission matrix). */
const TICKET_WORKERS = [...permissionMatrix['POST /api/v1/tickets/:id/steps']];

export type TicketStep = { action: TicketAction; note: string | null; answer: string | null; userId: string | null };

/** One step of a ticket's flow (src/tickets/flow.ts): assign, start, hold, resume, propose the answer, approve or send it back. */
export async function actOnTicket(ctx: WriteContext, id: string, s: TicketStep): Promise<Ticket> {
  const t = await getTicket(ctx.client, ctx.actor, id, true);
  const isFocal = ctx.actor.role === 'feedback_focal_point';
  if ((s.action === 'assign' || s.action === 'approve' || s.action === 'send_back') && !isFocal) throw errors.ticketStepRefused();
  const to = nextTicketState(t.status, s.action, { actorId: ctx.actor.userId, proposedBy: t.proposedBy });
  if (s.action === 'assign') {
    // to someone of its organisation and governorate whose role may work on tickets at all
    const u = await ctx.client.query(
      'SELECT 1 FROM app_user WHERE id = $1 AND org_id = $2 AND $3 = ANY(governorates) AND NOT disabled AND role = ANY($4::text[])',
      [s.userId, t.orgId, t.governorate, TICKET_WORKERS],
    );
    if (!s.userId || u.rowCount === 0) throw errors.invalidField('userId', 'no_such_record');
  }
  if (s.action === 'propose_answer' && !s.answer) throw errors.invalidField('answer', 'required');
  await ctx.client.query(
    `UPDATE ticket SET status = $2, version = version + 1,
            assigned_to = CASE WHEN $3 = 'assign' THEN $4::uuid ELSE assigned_to END,
            answer = CASE WHEN $3 = 'propose_answer' THEN $5 ELSE answer END,
            proposed_by = CASE WHEN $3 = 'propose_answer' THEN $6::uuid WHEN $3 = 'send_back' THEN NULL ELSE proposed_by END,
            answered_at = CASE WHEN $3 = 'approve' THEN now() ELSE answered_at END,
            closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE NULL END
      WHERE id = $1`,
    [id, to, s.action, s.userId, s.answer, ctx.actor.userId],
  );
  await ctx.client.query('INSERT INTO ticket_event (ticket_id, action, note, actor_id) VALUES ($1, $2, $3, $4)', [
    id,
    s.action,
    s.note,
    ctx.actor.userId,
  ]);
  await ctx.log({ entity: 'ticket', entityId: id, action: s.action, after: { status: to } });
  return getTicket(ctx.client, ctx.actor, id);
}

/** A ticket with its events, for those who see it (404 otherwise). The read is logged. */
export async function readTicket(db: pg.Pool, actor: Actor, id: string) {
  const t = await getTicket(db, actor, id);
  const e = await db.query<{ id: string; action: string; note: string | null; actor: string | null; at: Date }>(
    'SELECT e.id, e.action, e.note, u.username AS actor, e.at FROM ticket_event e LEFT JOIN app_user u ON u.id = e.actor_id WHERE e.ticket_id = $1 ORDER BY e.at, e.id',
    [id],
  );
  await appendReadLog(db, actor, { entity: 'ticket', entityId: id, action: 'read' });
  return { ...t, events: e.rows.map((x) => ({ id: x.id, action: x.action, note: x.note, actor: x.actor, at: x.at.toISOString() })) };
}
