// How a ticket moves, who may see it. Pure: no I/O.
import type { Actor } from '../access/actor.ts';
import { errors } from '../errors.ts';
import type { TicketAction, TicketState } from '../shared/tickets.ts';

const MOVES: Record<TicketAction, { from: readonly TicketState[]; to: TicketState }> = {
  assign: { from: ['new', 'assigned', 'in_progress', 'on_hold'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  hold: { from: ['in_progress'], to: 'on_hold' },
  resume: { from: ['on_hold'], to: 'in_progress' },
  propose_answer: { from: ['in_progress'], to: 'for_approval' },
  approve: { from: ['for_approval'], to: 'closed' },
  send_back: { from: ['for_approval'], to: 'in_progress' },
};

/**
 * The state after an action, or 409 `ticket_step_refused`. The answer is approved by a focal point
 * other than the one who proposed it (four eyes), so no ticket closes on one person's word.
 */
export function nextTicketState(
  state: TicketState,
  action: TicketAction,
  ctx: { actorId: string | null; proposedBy: string | null },
): TicketState {
  const m = MOVES[action];
  if (!m.from.includes(state)) throw errors.ticketStepRefused();
  if (action === 'approve' && ctx.proposedBy !== null && ctx.proposedBy === ctx.actorId) throw errors.ticketStepRefused();
  return m.to;
}

export type TicketRef = { orgId: string; governorate: string; sensitive: boolean; createdBy: string | null; assignedTo: string | null };

/**
 * Who sees a ticket: the feedback focal points of its organisation and governorate see all of them;
 * whoever took a non-sensitive ticket, or has it assigned, sees it too. A sensitive ticket (fraud,
 * sexual exploitation and abuse) is seen by focal points only, and by the one it is assigned to.
 */
export function seesTicket(actor: Actor, t: TicketRef): boolean {
  if (actor.orgId !== t.orgId || actor.userId === null) return false;
  if (actor.role === 'feedback_focal_point' && actor.governorates.includes(t.governorate)) return true;
  if (t.assignedTo === actor.userId) return true;
  return !t.sensitive && t.createdBy === actor.userId;
}
