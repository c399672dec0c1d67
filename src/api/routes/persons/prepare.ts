import type { Actor } from '../../../access/actor.ts';
import { errors } from '../../../errors.ts';
import { preparePerson, type PersonInput, type PersonRecord } from '../../../registry/person.ts';
import { assertInGovernorates } from '../../../access/scope.ts';

/** Semantic validation plus the scope rule: you register people only in your governorates. */
export function prepareForActor(input: PersonInput, actor: Actor): PersonRecord {
  const r = preparePerson(input);
  if (!r.ok) throw errors.validation(r.errors);
  assertInGovernorates(actor, r.value.governorate);
  return r.value;
}
