// One referral as the actor's side sees it. The read is logged, like a case's.
import type pg from 'pg';
import type { Actor } from '../../access/actor.ts';
import { appendReadLog } from '../write.ts';
import { getReferralFor, type Referral, viewReferral } from './referralRow.ts';

export async function readReferral(db: pg.Pool, actor: Actor, id: string): Promise<Referral> {
  const { row, side } = await getReferralFor(db, actor, id);
  await appendReadLog(db, actor, { entity: 'referral', entityId: id, action: 'read', after: { side } });
  return viewReferral(actor, row, side);
}
