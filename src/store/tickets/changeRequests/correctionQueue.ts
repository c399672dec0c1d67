import type pg from 'pg';
import type { Actor } from '../../../access/actor.ts';
import { appendReadLog } from '../../write.ts';
import { CHANGE_REQUEST_SELECT, type ChangeRequest, type ChangeRequestRow, parseChangeRequest } from './changeRequestRow.ts';

/**
 * The corrections waiting for a decision in the actor's organisation and governorates (the route is
 * for those who may edit persons), the oldest first, at most 200; those the actor proposed are left
 * out (another decides them). The read is logged, once for the list.
 */
export async function correctionQueue(db: pg.Pool, actor: Actor): Promise<ChangeRequest[]> {
  const r = await db.query<ChangeRequestRow>(
    `${CHANGE_REQUEST_SELECT}
      WHERE c.status = 'proposed' AND c.org_id = $1 AND c.governorate = ANY($2::text[]) AND c.proposed_by IS DISTINCT FROM $3
      ORDER BY c.proposed_at, c.id LIMIT 200`,
    [actor.orgId, actor.governorates, actor.userId],
  );
  await appendReadLog(db, actor, { entity: 'change_request', entityId: null, action: 'read_queue', after: { count: r.rowCount } });
  return r.rows.map(parseChangeRequest);
}
