import type { Confidence, LifeEventKind, LifeEventSource } from '../../shared/lifeEvents.ts';
import { getPerson } from '../registry/findPerson.ts';
import type { WriteContext } from '../write.ts';
import { settleConfirmation } from './confirm.ts';
import { getLifeEvent } from './findLifeEvent.ts';
import type { LifeEvent } from './lifeEventRow.ts';

export type LifeEventInput = {
  kind: LifeEventKind;
  date: string | null;
  source: LifeEventSource;
  confidence: Confidence;
  detail: Record<string, unknown>;
  note: string | null;
};

/** Records a report of a life event of a person in the actor's scope (404 otherwise), then settles its confirmation. */
export async function recordLifeEvent(ctx: WriteContext, personId: string, e: LifeEventInput): Promise<LifeEvent> {
  const p = await getPerson(ctx.client, ctx.actor, personId, { forUpdate: true });
  const r = await ctx.client.query<{ id: string }>(
    `INSERT INTO life_event (org_id, person_id, kind, event_date, source, confidence, detail, note, recorded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    [p.orgId, p.id, e.kind, e.date, e.source, e.confidence, e.detail, e.note, ctx.actor.userId],
  );
  const id = r.rows[0]!.id;
  await ctx.log({ entity: 'life_event', entityId: id, action: 'report', after: { personId: p.id, ...e } });
  await settleConfirmation(ctx, p.id, e.kind, id);
  return getLifeEvent(ctx.client, ctx.actor, id);
}
