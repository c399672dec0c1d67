import type { Actor } from '../../../access/actor.ts';
import { errors } from '../../../errors.ts';
import { preparePerson, type PersonInput, type PersonRecord } from '../../../registry/person.ts';

/** Semantic validation plus the scope rule: you register people only in your governorates. */
export function prepareForActor(input: PersonInput, actor: Actor): PersonRecord {
  const r = preparePerson(input);
  if (!r.ok) throw errors.validation(r.errors);
  if (!actor.governorates.includes(r.value.governorate))
    throw errors.validation([{ field: 'governorate', reason: 'is outside the governorates you work in' }]);
  return r.value;
}
