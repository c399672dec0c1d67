import { errors } from '../../errors.ts';
import type { WriteContext } from '../write.ts';
import { settleConfirmation } from './confirm.ts';
import { getLifeEvent } from './findLifeEvent.ts';
import type { LifeEvent } from './lifeEventRow.ts';
import type { LifeEventInput } from './recordLifeEvent.ts';

export type LifeEventCorrection = Omit<LifeEventInput, 'kind'> & { version: number; reason: string };

/**
 * Corrects a report (its kind stays: a wrong kind is withdrawn and reported again). What it said
 * before is kept in the change log with the reason; a withdrawn report cannot be corrected.
 */
export async function correctLifeEvent(ctx: WriteContext, id: string, c: LifeEventCorrection): Promise<LifeEvent> {
  const before = await getLifeEvent(ctx.client, ctx.actor, id, true);
  if (before.state === 'withdrawn') throw errors.lifeEventWithdrawn();
  if (before.version !== c.version) throw errors.versionConflict();
  await ctx.client.query(
    `UPDATE life_event SET event_date = $2, source = $3, confidence = $4, detail = $5, note = $6, version = version + 1 WHERE id = $1`,
    [id, c.date, c.source, c.confidence, c.detail, c.note],
  );
  const pick = (e: Omit<LifeEventInput, 'kind'>) => ({
    date: e.date,
    source: e.source,
    confidence: e.confidence,
    detail: e.detail,
    note: e.note,
  });
  await ctx.log({ entity: 'life_event', entityId: id, action: 'correct', before: pick(before), after: pick(c), reason: c.reason });
  await settleConfirmation(ctx, before.personId, before.kind, id);
  return getLifeEvent(ctx.client, ctx.actor, id);
}
