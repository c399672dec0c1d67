import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { appendReadLog } from '../../write.ts';
import { getTicket } from '../ticketRow.ts';
import { CHANGE_REQUEST_SELECT, type ChangeRequest, type ChangeRequestRow, parseChangeRequest } from './changeRequestRow.ts';

/** The corrections proposed on a ticket the actor sees (404 otherwise), oldest first. The read is logged. */
export async function ticketCorrections(db: pg.Pool, actor: Actor, ticketId: string): Promise<ChangeRequest[]> {
  const t = await getTicket(db, actor, ticketId);
  const r = await db.query<ChangeRequestRow>(`${CHANGE_REQUEST_SELECT} WHERE c.ticket_id = $1 ORDER BY c.proposed_at, c.id`, [t.id]);
  await appendReadLog(db, actor, { entity: 'ticket', entityId: t.id, action: 'read_corrections' });
  return r.rows.map(parseChangeRequest);
}
