// Household rules that need no database: head-derived vulnerabilities, member-list checks, and the
// plans of leaving, changing the head, splitting and merging (they throw AppErrors from src/errors.ts).
import { errors } from '../errors.ts';
import type { FieldError } from './fieldError.ts';
import type { Relationship } from './vocabulary.ts';
import { HOUSEHOLD_MAX_MEMBERS } from '../shared/limits.ts';

export const CHILD_AGE = 18;
export const ELDERLY_AGE = 60;

export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function deriveHeadVulnerabilities(
  head: { sex: 'female' | 'male' | null; dateOfBirth: string | null } | undefined,
  on: string,
): ('female_headed' | 'child_headed' | 'elderly_headed')[] {
  if (!head) return [];
  const out: ('female_headed' | 'child_headed' | 'elderly_headed')[] = [];
  if (head.sex === 'female') out.push('female_headed');
  if (head.dateOfBirth) {
    const age = ageOn(head.dateOfBirth, on);
    if (age < CHILD_AGE) out.push('child_headed');
    if (age >= ELDERLY_AGE) out.push('elderly_headed');
  }
  return out;
}

/** A member list must name each person once and have exactly one head. */
export function checkMemberList(members: { personId: string; relationship: Relationship }[], field = 'members'): FieldError[] {
  const errs: FieldError[] = [];
  const heads = members.filter((m) => m.relationship === 'head').length;
  if (heads !== 1) errs.push({ field, reason: 'one_head', params: { count: heads } });
  if (new Set(members.map((m) => m.personId)).size !== members.length) errs.push({ field, reason: 'person_repeated' });
  return errs;
}

/** Whether `joining` more people fit in a household of `current` members (HOUSEHOLD_MAX_MEMBERS). */
export function householdHasRoom(current: number, joining: number): boolean {
  return current + joining <= HOUSEHOLD_MAX_MEMBERS;
}

/** `householdHasRoom`, else 422 too_many_members naming the field that would grow it. */
export function assertHouseholdHasRoom(current: number, joining: number, field: string): void {
  if (!householdHasRoom(current, joining)) throw errors.invalidField(field, 'too_many_members', { max: HOUSEHOLD_MAX_MEMBERS });
}

/** A person and their relationship to the head. */
export type MemberRef = { personId: string; relationship: Relationship };

/** `checkMemberList`, throwing 422 with the field errors. */
export function assertMemberList(members: MemberRef[], field = 'members'): void {
  const bad = checkMemberList(members, field);
  if (bad.length) throw errors.validation(bad);
}

/** The current member leaving must be a member (404 otherwise) and not the head. */
export function assertCanLeave(member: MemberRef | undefined): void {
  if (!member) throw errors.notFound('member');
  if (member.relationship === 'head') throw errors.headCannotLeave();
}

/** A person named by `field` must be a current member of this household. */
export function assertCurrentMember(current: MemberRef[], personId: string, field = 'personId'): MemberRef {
  const m = current.find((c) => c.personId === personId);
  if (!m) throw errors.invalidField(field, 'not_current_member');
  return m;
}

/** What a change of head does: memberships to end, then memberships to open, all on the same day. */
export type HeadChangePlan = {
  close: string[];
  open: MemberRef[];
  newHead: string;
  previousHead: string | null;
  previousHeadStays: boolean;
};

/**
 * The new head must be a current member who is not already the head; the previous head (if any)
 * stays with a new relationship or leaves.
 */
export function planHeadChange(
  current: MemberRef[],
  change: { personId: string; previousHead: 'stays' | 'leaves'; previousHeadRelationship: Relationship },
): HeadChangePlan {
  const newHead = assertCurrentMember(current, change.personId);
  if (newHead.relationship === 'head') throw errors.alreadyHead();
  const oldHead = current.find((m) => m.relationship === 'head');
  const stays = change.previousHead === 'stays';
  const open: MemberRef[] = [];
  if (oldHead && stays) open.push({ personId: oldHead.personId, relationship: change.previousHeadRelationship });
  open.push({ personId: change.personId, relationship: 'head' });
  return {
    close: [...(oldHead ? [oldHead.personId] : []), change.personId],
    open,
    newHead: change.personId,
    previousHead: oldHead?.personId ?? null,
    previousHeadStays: stays,
  };
}

/**
 * The members who split off must all be current members, none of them the head, and at least the
 * head must be left behind.
 */
export function checkSplit(current: MemberRef[], leaving: MemberRef[]): void {
  const byId = new Map(current.map((m) => [m.personId, m.relationship]));
  for (const m of leaving) {
    if (!byId.has(m.personId)) throw errors.invalidField('members', 'not_all_current_members');
    if (byId.get(m.personId) === 'head') throw errors.headCannotLeave();
  }
  if (leaving.length >= current.length) throw errors.invalidField('members', 'head_must_stay');
}

/** A merge takes another household's members into this one, below its head. */
export function checkMerge(id: string, otherId: string, relationship: Relationship): void {
  if (otherId === id) throw errors.invalidField('otherId', 'same_household');
  if (relationship === 'head') throw errors.invalidField('relationship', 'head_kept');
}

/**
 * Which recorded vulnerabilities a removal on `date` ends: those open on the household (or the one
 * member) of that kind. None open: not found; one that began after `date`: the date names it.
 */
export function vulnerabilitiesToEnd(open: { id: string; validFrom: string }[], date: string): string[] {
  if (open.length === 0) throw errors.notFound('vulnerability');
  if (open.some((v) => v.validFrom > date)) throw errors.validation([{ field: 'date', reason: 'before_vulnerability' }]);
  return open.map((v) => v.id);
}
