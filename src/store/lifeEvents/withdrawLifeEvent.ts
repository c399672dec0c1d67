import { errors } from '../../errors.ts';
import type { WriteContext } from '../write.ts';
import { settleConfirmation } from './confirm.ts';
import { getLifeEvent } from './findLifeEvent.ts';
import type { LifeEvent } from './lifeEventRow.ts';

/** Withdraws a report that was wrong, with the reason; it stays listed as withdrawn, never deleted. */
export async function withdrawLifeEvent(ctx: WriteContext, id: string, w: { version: number; reason: string }): Promise<LifeEvent> {
  const before = await getLifeEvent(ctx.client, ctx.actor, id, true);
  if (before.state === 'withdrawn') throw errors.lifeEventWithdrawn();
  if (before.version !== w.version) throw errors.versionConflict();
  await ctx.client.query('UPDATE life_event SET withdrawn_at = now(), withdrawn_reason = $2, version = version + 1 WHERE id = $1', [
    id,
    w.reason,
  ]);
  await ctx.log({ entity: 'life_event', entityId: id, action: 'withdraw', reason: w.reason });
  await settleConfirmation(ctx, before.personId, before.kind, id);
  return getLifeEvent(ctx.client, ctx.actor, id);
}
