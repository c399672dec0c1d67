// A life event as stored, and as the domain and the API see it (with its state worked out).
import type { Confidence, LifeEventKind, LifeEventSource, LifeEventState } from '../../shared/lifeEvents.ts';

export const LIFE_EVENT_COLUMNS = `e.id, e.person_id, e.kind, e.event_date::text AS event_date, e.source, e.confidence, e.detail, e.note,
  e.recorded_at, e.version, e.withdrawn_at, e.withdrawn_reason, u.username AS recorded_by_name,
  (c.person_id IS NOT NULL) AS kind_confirmed`;

/** The joins LIFE_EVENT_COLUMNS needs: who recorded it, and whether its kind is confirmed for the person. */
export const LIFE_EVENT_JOINS = `LEFT JOIN app_user u ON u.id = e.recorded_by
  LEFT JOIN life_event_confirmation c ON c.person_id = e.person_id AND c.kind = e.kind`;

export type LifeEventRow = {
  id: string;
  person_id: string;
  kind: LifeEventKind;
  event_date: string | null;
  source: LifeEventSource;
  confidence: Confidence;
  detail: Record<string, unknown>;
  note: string | null;
  recorded_at: Date;
  version: number;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  recorded_by_name: string | null;
  kind_confirmed: boolean;
};

export function parseLifeEvent(r: LifeEventRow) {
  const state: LifeEventState = r.withdrawn_at ? 'withdrawn' : r.kind_confirmed ? 'confirmed' : 'reported';
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    date: r.event_date,
    source: r.source,
    confidence: r.confidence,
    detail: r.detail,
    note: r.note,
    recordedAt: r.recorded_at.toISOString(),
    recordedBy: r.recorded_by_name,
    version: r.version,
    state,
    withdrawnReason: r.withdrawn_reason,
  };
}
export type LifeEvent = ReturnType<typeof parseLifeEvent>;
