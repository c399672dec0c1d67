import type { StatusKind } from '../../registry/vocabulary.ts';
import type { WriteContext } from '../write.ts';
import { getPerson } from './findPerson.ts';

export type StatusEvent = { kind: StatusKind; date: string | null; source: string | null; note: string | null };
export type RecordedStatusEvent = StatusEvent & { id: string; recordedAt: string };

/** Records that a person (in the actor's scope: 404 otherwise) was injured, died, went missing... */
export async function recordStatusEvent(ctx: WriteContext, personId: string, e: StatusEvent): Promise<RecordedStatusEvent> {
  const p = await getPerson(ctx.client, ctx.actor, personId, { forUpdate: true });
  const r = await ctx.client.query<{ id: string; recorded_at: Date }>(
    'INSERT INTO person_status_event (person_id, kind, event_date, source, note) VALUES ($1,$2,$3,$4,$5) RETURNING id, recorded_at',
    [p.id, e.kind, e.date, e.source, e.note],
  );
  const row = r.rows[0]!;
  const recorded = { id: row.id, ...e, recordedAt: row.recorded_at.toISOString() };
  await ctx.log({ entity: 'person_status', entityId: p.id, action: e.kind, after: recorded });
  return recorded;
}
