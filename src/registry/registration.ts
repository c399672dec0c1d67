// Registering a household with its members in one write: the checks that need no database (every
// new person's fields, the governorates, one head, nobody twice) and the rule for an existing person
// who already belongs to another household. They throw AppErrors from src/errors.ts whose fields
// name the member (`members.3.person.givenName`), so the screen can point at the right one.
import type { Actor } from '../access/actor.ts';
import { assertOwnGovernorate, inGovernorates } from '../access/scope.ts';
import { errors, OUTSIDE_GOVERNORATES } from '../errors.ts';
import { checkDay } from './day.ts';
import type { FieldError } from './fieldError.ts';
import { checkMemberList } from './household.ts';
import { type PersonInput, type PersonRecord, preparePerson } from './person.ts';
import type { Relationship } from './vocabulary.ts';

export type RegistrationMemberInput =
  | { kind: 'new'; relationship: Relationship; person: PersonInput }
  | { kind: 'existing'; relationship: Relationship; personId: string; move: boolean };

export type RegistrationInput = {
  governorate: string;
  recordId?: string | undefined;
  date?: string | undefined;
  members: RegistrationMemberInput[];
};

export type PlannedMember =
  | { kind: 'new'; relationship: Relationship; record: PersonRecord }
  | { kind: 'existing'; relationship: Relationship; personId: string; move: boolean; field: string };

export type RegistrationPlan = { governorate: string; recordId: string | null; date: string; members: PlannedMember[] };

function planMember(
  m: RegistrationMemberInput,
  i: number,
  actor: Pick<Actor, 'governorates'>,
  today: Date,
  errs: FieldError[],
): PlannedMember | undefined {
  if (m.kind === 'existing') return { ...m, field: `members.${i}.personId` };
  const prefix = `members.${i}.person.`;
  const r = preparePerson(m.person, today);
  if (!r.ok) {
    errs.push(...r.errors.map((e) => ({ field: prefix + e.field, reason: e.reason })));
    return undefined;
  }
  if (!inGovernorates(actor, r.value.governorate)) {
    errs.push({ field: `${prefix}governorate`, reason: OUTSIDE_GOVERNORATES });
    return undefined;
  }
  return { kind: 'new', relationship: m.relationship, record: r.value };
}

/**
 * The whole registration checked before anything is written: the household's governorate is one the
 * actor works in, the date is a past day, every new person is valid and registered in the actor's
 * governorates, exactly one head, no existing person twice. 422 with every field error at once.
 */
export function prepareRegistration(input: RegistrationInput, actor: Pick<Actor, 'governorates'>, today = new Date()): RegistrationPlan {
  assertOwnGovernorate(actor, input.governorate);
  const date = checkDay(input.date);
  const errs: FieldError[] = [];
  const members = input.members.map((m, i) => planMember(m, i, actor, today, errs));
  const refs = input.members.map((m, i) => ({
    personId: m.kind === 'existing' ? m.personId : `new:${i}`,
    relationship: m.relationship,
  }));
  errs.push(...checkMemberList(refs));
  if (errs.length) throw errors.validation(errs);
  return {
    governorate: input.governorate,
    recordId: input.recordId ?? null,
    date,
    members: members.filter((m): m is PlannedMember => m !== undefined),
  };
}

/**
 * An existing person who belongs to another household joins this one only when the request says
 * `move: true` (the officer saw it and chose to): otherwise 409 already_member naming the member. The
 * head of a household that keeps other members cannot be moved away (409 head_cannot_leave): that
 * household would be left without a head; change its head first. Answers whether to end the
 * membership elsewhere first.
 */
export function existingMemberMoves(
  field: string,
  current: { relationship: Relationship; others: number } | undefined,
  move: boolean,
): boolean {
  if (!current) return false;
  if (!move) throw errors.alreadyMember(field);
  if (current.relationship === 'head' && current.others > 0) throw errors.headCannotLeave(field);
  return true;
}
