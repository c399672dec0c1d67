// What a life event's detail may hold, by kind: an injury's severity, whether it changes a life and
// whether it took a limb; a disability's answers to the Washington Group short set. Pure.
import { errors } from '../errors.ts';
import type { LifeEventKind } from '../shared/lifeEvents.ts';

export type LifeEventDetail = {
  severity?: 'minor' | 'moderate' | 'severe' | undefined;
  lifeChanging?: boolean | undefined;
  amputation?: boolean | undefined;
  washingtonGroup?: Partial<Record<string, string>> | undefined;
};

const INJURY_FIELDS = ['severity', 'lifeChanging', 'amputation'] as const;

/** Refuses detail that does not belong to the kind (422 naming it); returns the detail without empty parts. */
export function checkDetail(kind: LifeEventKind, d: LifeEventDetail): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of INJURY_FIELDS) {
    if (d[f] === undefined) continue;
    if (kind !== 'injury') throw errors.invalidField(`detail.${f}`, 'not_for_event_kind');
    out[f] = d[f];
  }
  if (d.washingtonGroup !== undefined) {
    if (kind !== 'disability') throw errors.invalidField('detail.washingtonGroup', 'not_for_event_kind');
    out.washingtonGroup = d.washingtonGroup;
  }
  return out;
}

/** A disability by the Washington Group's cut-off: "a lot of difficulty" or "cannot do" in at least one domain. */
export function hasDisability(d: Record<string, unknown>): boolean {
  const wg = (d.washingtonGroup ?? {}) as Record<string, string>;
  return Object.values(wg).some((v) => v === 'a_lot_of_difficulty' || v === 'cannot_do');
}
