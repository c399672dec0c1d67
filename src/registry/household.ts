// Household rules that need no database: head-derived vulnerabilities and member-list checks.
import type { FieldError } from './fieldError.ts';
import type { Relationship } from './vocabulary.ts';

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
  if (heads !== 1) errs.push({ field, reason: `must have exactly one head (has ${heads})` });
  if (new Set(members.map((m) => m.personId)).size !== members.length) errs.push({ field, reason: 'names a person more than once' });
  return errs;
}
