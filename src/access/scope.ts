// The one scope rule for governorates: an actor registers, changes and places records only in the
// governorates they work in. Reading outside them answers 404 (store/registry/scope.ts).
import { errors } from '../errors.ts';
import type { Actor } from './actor.ts';
import { isGovernorate } from '../places/governorates.ts';

export function inGovernorates(actor: Pick<Actor, 'governorates'>, code: string): boolean {
  return actor.governorates.includes(code);
}

/** Throws 422 naming the field when the governorate is outside the actor's. */
export function assertInGovernorates(actor: Pick<Actor, 'governorates'>, code: string, field = 'governorate'): void {
  if (!inGovernorates(actor, code)) throw errors.outsideGovernorates(field);
}

/** One of the 16 governorates (422 naming the field otherwise). */
export function assertKnownGovernorate(code: string, field = 'governorate'): void {
  if (!isGovernorate(code)) throw errors.invalidField(field, 'not_a_governorate');
}

/** A governorate that exists and that the actor works in. */
export function assertOwnGovernorate(actor: Pick<Actor, 'governorates'>, code: string, field = 'governorate'): void {
  assertKnownGovernorate(code, field);
  assertInGovernorates(actor, code, field);
}
