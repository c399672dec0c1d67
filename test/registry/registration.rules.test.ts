// The registration rules without a database: every member checked at once, fields naming the member,
// and when an existing person of another household may join.
import { expect, test } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { existingMemberMoves, prepareRegistration, type RegistrationMemberInput } from '../../src/registry/registration.ts';

const actor = { governorates: ['PS0260'] };
const person = (over: Record<string, unknown> = {}) => ({ givenName: 'ليلى', familyName: 'الحداد', governorate: 'PS0260', ...over });
const fail = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return [e.id, e.errors?.map((x) => x.field)];
  }
  throw new Error('did not fail');
};

test('a plan keeps the members in order, with the new persons prepared', () => {
  const members: RegistrationMemberInput[] = [
    { kind: 'new', relationship: 'head', person: person() },
    { kind: 'existing', relationship: 'son', personId: '00000000-0000-4000-8000-000000000001', move: false },
  ];
  const plan = prepareRegistration({ governorate: 'PS0260', date: '2024-01-01', members }, actor);
  expect(plan.members.map((m) => m.kind)).toEqual(['new', 'existing']);
  expect(plan.members[0]!.kind === 'new' && plan.members[0]!.record.fullName).toBe('ليلى الحداد');
  expect(plan.members[1]!.kind === 'existing' && plan.members[1]!.field).toBe('members.1.personId');
});

test('every bad member is named at once, with the head rule', () => {
  const members: RegistrationMemberInput[] = [
    { kind: 'new', relationship: 'son', person: person({ familyName: undefined, fatherName: 'خليل' }) },
    { kind: 'new', relationship: 'son', person: person({ governorate: 'PS0275' }) },
  ];
  expect(fail(() => prepareRegistration({ governorate: 'PS0260', members }, actor))).toEqual([
    'validation',
    ['members.0.person.familyName', 'members.1.person.governorate', 'members'],
  ]);
});

test('an existing person elsewhere: refused without move; the head of a household with others never moves', () => {
  expect(existingMemberMoves('members.2.personId', undefined, false)).toBe(false);
  expect(fail(() => existingMemberMoves('members.2.personId', { relationship: 'son', others: 3 }, false))).toEqual([
    'already_member',
    ['members.2.personId'],
  ]);
  expect(existingMemberMoves('m', { relationship: 'son', others: 3 }, true)).toBe(true);
  expect(existingMemberMoves('m', { relationship: 'head', others: 0 }, true)).toBe(true);
  expect(fail(() => existingMemberMoves('members.1.personId', { relationship: 'head', others: 1 }, true))).toEqual([
    'head_cannot_leave',
    ['members.1.personId'],
  ]);
});
