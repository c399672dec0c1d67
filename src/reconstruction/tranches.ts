// Tranches and materials (#16), as pure rules: the tranche plan of an approved grant, whether a
// tranche may be released now (its stage inspected with photos, by an engineer who is not the one
// releasing, the earlier tranches paid, never paid twice), whether a sale fits what remains of a
// quota, the transitional shelter cash due, and a plan's code. No I/O.
import { randomInt } from 'node:crypto';
import type { FieldClass, GrantStream } from '../shared/claims.ts';
import { SHELTER_CASH_MONTHLY, type Stage, tranchePlans } from '../shared/tranches.ts';

export type PlannedTranche = { seq: number; stage: Stage; amount: number };

/** The tranches of a grant: each stage's share, in cents; the last takes what rounding leaves. */
export function planTranches(stream: GrantStream, grantAmount: number): PlannedTranche[] {
  const plan = tranchePlans[stream];
  const cents = Math.round(grantAmount * 100);
  let given = 0;
  return plan.map((p, i) => {
    const share = i === plan.length - 1 ? cents - given : Math.floor((cents * p.percent) / 100);
    given += share;
    return { seq: i + 1, stage: p.stage, amount: share / 100 };
  });
}

/** Transitional shelter cash applies while the unit is uninhabitable: destroyed or severely damaged. */
export const shelterCashMonthly = (damageClass: FieldClass | null): number =>
  damageClass === 'destroyed' || damageClass === 'severe' ? SHELTER_CASH_MONTHLY : 0;

/** Whole months of shelter cash from `from` to `until` (or `today` while it runs), counted by started month. */
export function shelterMonths(from: string, until: string | null, today: string): number {
  const end = until ?? today;
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  return end < from ? 0 : (ey - fy) * 12 + (em - fm) + 1;
}

export type TrancheState = { id: string; seq: number; stage: Stage; paid: boolean };
export type InspectionFact = { id: string; stage: Stage; engineerId: string; photos: number };
export type ReleaseRefusal = 'paid' | 'out_of_order' | 'no_inspection' | 'own_inspection';

/**
 * May `actorId` release `tranche` of a plan whose tranches are `all`, given the plan's inspections?
 * Returns the inspection the release rests on (the latest with photos by another engineer), or why not.
 */
export function releaseCheck(
  tranche: TrancheState,
  all: readonly TrancheState[],
  inspections: readonly InspectionFact[],
  actorId: string,
): { ok: true; inspectionId: string } | { ok: false; refusal: ReleaseRefusal } {
  if (tranche.paid) return { ok: false, refusal: 'paid' };
  if (all.some((t) => t.seq < tranche.seq && !t.paid)) return { ok: false, refusal: 'out_of_order' };
  const atStage = inspections.filter((i) => i.stage === tranche.stage && i.photos > 0);
  if (atStage.length === 0) return { ok: false, refusal: 'no_inspection' };
  const byOthers = atStage.filter((i) => i.engineerId !== actorId);
  const basis = byOthers[byOthers.length - 1];
  if (!basis) return { ok: false, refusal: 'own_inspection' };
  return { ok: true, inspectionId: basis.id };
}

/** What remains of a quota line after its sales; a sale fits when it is at most that. */
export function saleFits(quota: number, sold: number, quantity: number): { fits: boolean; remaining: number } {
  const remaining = Math.max(0, Math.round((quota - sold) * 1000) / 1000);
  return { fits: quantity <= remaining, remaining };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A fresh plan code: 8 random characters of Crockford's base 32 (about 10^12 codes). */
export const newPlanCode = (): string => Array.from({ length: 8 }, () => CROCKFORD[randomInt(32)]).join('');
