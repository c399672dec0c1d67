import { errors } from '../../../errors.ts';
import { isGovernorate } from '../../../places/governorates.ts';
import type { Actor } from '../../../access/actor.ts';

export const today = () => new Date().toISOString().slice(0, 10);

/** A governorate the actor works in (else a validation error naming the field). */
export function checkOwnGovernorate(actor: Actor, code: string, field = 'governorate'): void {
  if (!isGovernorate(code)) throw errors.validation([{ field, reason: 'must be the P-code of one of the 16 governorates' }]);
  if (!actor.governorates.includes(code)) throw errors.validation([{ field, reason: 'is outside the governorates you work in' }]);
}

export function checkDate(d: string | undefined, field = 'on'): string {
  const day = d ?? today();
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day)
    throw errors.validation([{ field, reason: 'is not a calendar date' }]);
  return day;
}
