// Transitional shelter cash (#16), as pure rules: when a plan's shelter cash ends, which months
// are due, and whether a month may be paid now. Shelter cash runs from the plan's opening until the
// earliest of: the day its last tranche is released (the unit is repaired or rebuilt), and the day
// its household starts living in another unit that is habitable. A month is due when it started
// on or before the end (the end's month is paid, no month after it), not in the future, and is
// paid once. Days are 'YYYY-MM-DD', months 'YYYY-MM' (both compare as text). No I/O.
import type { FieldClass } from '../shared/claims.ts';

export type ShelterEndReason = 'last_tranche' | 'moved';
export type ShelterEnd = { until: string; reason: ShelterEndReason };
export type ShelterPlan = { monthly: number; from: string; until: string | null };

export const monthOf = (day: string): string => day.slice(0, 7);

/**
 * The end after an event (the last tranche released on a day, or a move into a habitable unit from
 * a day): the earlier of the recorded end and the event, so an end once recorded is never pushed
 * later. Returns null when the recorded end stands (nothing to change).
 */
export function endAfter(current: ShelterEnd | null, event: ShelterEnd): ShelterEnd | null {
  if (current && current.until <= event.until) return null;
  return event;
}

/** Whether a unit is habitable for shelter cash: its latest field assessment says so (or minor damage), or its own plan is complete. */
export function unitHabitable(u: { assessment: { habitable: boolean; damageClass: FieldClass } | null; planComplete: boolean }): boolean {
  if (u.planComplete) return true;
  return u.assessment !== null && (u.assessment.habitable || u.assessment.damageClass === 'minor');
}

/** Whether the plan's shelter cash is due for `month` in `thisMonth` (paid or not). */
export function shelterMonthDue(plan: ShelterPlan, month: string, thisMonth: string): boolean {
  if (plan.monthly <= 0 || month > thisMonth || month < monthOf(plan.from)) return false;
  if (plan.until === null) return true;
  return plan.until >= plan.from && month <= monthOf(plan.until);
}

/** Whether a payment run for `month` pays the plan: due, and not yet paid. */
export const paysNow = (plan: ShelterPlan, month: string, thisMonth: string, paid: ReadonlySet<string>): boolean =>
  shelterMonthDue(plan, month, thisMonth) && !paid.has(month);

/** The next month after a 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month due up to `thisMonth`, oldest first (at most `limit`, the newest kept). */
export function dueMonths(plan: ShelterPlan, thisMonth: string, limit = 120): string[] {
  const out: string[] = [];
  for (let m = monthOf(plan.from); m <= thisMonth; m = nextMonth(m)) if (shelterMonthDue(plan, m, thisMonth)) out.push(m);
  return out.slice(-limit);
}
