// A ticket as stored and as the API shows it, reached only through the visibility rule (404 otherwise).
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { errors } from '../../errors.ts';
import { isUuid } from '../../shared/ids.ts';
import type { TicketCategory, TicketChannel, TicketState } from '../../shared/tickets.ts';
import { seesTicket } from '../../tickets/flow.ts';

export const TICKET_SELECT = `SELECT t.id, t.org_id, t.governorate, t.channel, t.category, t.sensitive, t.person_id, p.full_name,
       t.household_id, t.object_kind, t.object_id, t.description, t.status, t.assigned_to, a.username AS assigned_name,
       t.answer, t.proposed_by, t.answered_at, t.due_at, t.created_by, t.created_at, t.closed_at, t.version
  FROM ticket t LEFT JOIN person p ON p.id = t.person_id LEFT JOIN app_user a ON a.id = t.assigned_to`;

export type TicketRow = {
  id: string;
  org_id: string;
  governorate: string;
  channel: TicketChannel;
  category: TicketCategory;
  sensitive: boolean;
  person_id: string | null;
  full_name: string | null;
  household_id: string | null;
  object_kind: string | null;
  object_id: string | null;
  description: string;
  status: TicketState;
  assigned_to: string | null;
  assigned_name: string | null;
  answer: string | null;
  proposed_by: string | null;
  answered_at: Date | null;
  due_at: Date;
  created_by: string | null;
  created_at: Date;
  closed_at: Date | null;
  version: number;
};

export const parseTicket = (r: TicketRow) => ({
  id: r.id,
  orgId: r.org_id,
  governorate: r.governorate,
  channel: r.channel,
  category: r.category,
  sensitive: r.sensitive,
  person: r.person_id ? { id: r.person_id, fullName: r.full_name ?? '' } : null,
  householdId: r.household_id,
  object: r.object_kind && r.object_id ? { kind: r.object_kind, id: r.object_id } : null,
  description: r.description,
  status: r.status,
  assignedTo: r.assigned_to ? { id: r.assigned_to, username: r.assigned_name ?? '' } : null,
  answer: r.answer,
  proposedBy: r.proposed_by,
  answeredAt: r.answered_at?.toISOString() ?? null,
  dueAt: r.due_at.toISOString(),
  overdue: r.status !== 'closed' && r.due_at.getTime() < Date.now(),
  closedOnTime: r.closed_at ? r.closed_at.getTime() <= r.due_at.getTime() : null,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
  version: r.version,
});
export type Ticket = ReturnType<typeof parseTicket>;

const ref = (t: Ticket) => ({
  orgId: t.orgId,
  governorate: t.governorate,
  sensitive: t.sensitive,
  createdBy: t.createdBy,
  assignedTo: t.assignedTo?.id ?? null,
});

export async function getTicket(db: pg.Pool | pg.PoolClient, actor: Actor, id: string, forUpdate = false): Promise<Ticket> {
  const r = isUuid(id)
    ? await db.query<TicketRow>(`${TICKET_SELECT} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id])
    : { rows: [] };
  const t = r.rows[0] ? parseTicket(r.rows[0]) : undefined;
  if (!t || !seesTicket(actor, ref(t))) throw errors.notFound('ticket');
  return t;
}

/** SQL condition of seesTicket (parameters from `from`: org, user, role, governorates). */
export function ticketVisibleSql(from: number): string {
  return `t.org_id = $${from} AND (($${from + 2} = 'feedback_focal_point' AND t.governorate = ANY($${from + 3}::text[]))
    OR t.assigned_to = $${from + 1} OR (NOT t.sensitive AND t.created_by = $${from + 1}))`;
}
export const ticketVisibleParams = (a: Actor) => [a.orgId, a.userId, a.role, a.governorates];
