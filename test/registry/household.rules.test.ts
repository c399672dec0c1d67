// The household rules without a database: leaving, changing the head, splitting, merging,
// member lists, the vulnerabilities derived from the head and ending a recorded one.
import { describe, expect, test } from 'vitest';
import { AppError } from '../../src/errors.ts';
import {
  assertCanLeave,
  assertCurrentMember,
  assertMemberList,
  checkMerge,
  checkSplit,
  deriveHeadVulnerabilities,
  type MemberRef,
  planHeadChange,
  vulnerabilitiesToEnd,
} from '../../src/registry/household.ts';

const family: MemberRef[] = [
  { personId: 'h', relationship: 'head' },
  { personId: 's', relationship: 'spouse' },
  { personId: 'c', relationship: 'son' },
];

/** The problem id and field errors an AppError carries (fails when `fn` does not throw one). */
function refusal(fn: () => unknown): { id: string; status: number; errors: unknown } {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { id: e.id, status: e.status, errors: e.errors };
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('leaving', () => {
  test('a member who is not the head may leave', () => {
    expect(() => assertCanLeave({ personId: 'c', relationship: 'son' })).not.toThrow();
  });
  test('the head cannot leave (409); someone who is not a member is not found (404)', () => {
    expect(refusal(() => assertCanLeave(family[0]))).toMatchObject({ id: 'head_cannot_leave', status: 409 });
    expect(refusal(() => assertCanLeave(undefined))).toMatchObject({ id: 'not_found', status: 404 });
  });
});

describe('changing the head', () => {
  test('the previous head stays with a new relationship: both closed, then both opened', () => {
    const plan = planHeadChange(family, { personId: 's', previousHead: 'stays', previousHeadRelationship: 'spouse' });
    expect(plan).toEqual({
      close: ['h', 's'],
      open: [
        { personId: 'h', relationship: 'spouse' },
        { personId: 's', relationship: 'head' },
      ],
      newHead: 's',
      previousHead: 'h',
      previousHeadStays: true,
    });
  });
  test('the previous head leaves: only the new head is opened', () => {
    const plan = planHeadChange(family, { personId: 'c', previousHead: 'leaves', previousHeadRelationship: 'other_relative' });
    expect(plan.open).toEqual([{ personId: 'c', relationship: 'head' }]);
    expect(plan.close).toEqual(['h', 'c']);
    expect(plan.previousHeadStays).toBe(false);
  });
  test('a household without a head gets one', () => {
    const plan = planHeadChange(family.slice(1), { personId: 's', previousHead: 'stays', previousHeadRelationship: 'other' });
    expect(plan).toMatchObject({ close: ['s'], open: [{ personId: 's', relationship: 'head' }], previousHead: null });
  });
  test('already the head: 409 already_head naming personId; not a current member: 422 naming personId', () => {
    const change = { previousHead: 'stays', previousHeadRelationship: 'spouse' } as const;
    expect(refusal(() => planHeadChange(family, { ...change, personId: 'h' }))).toEqual({
      id: 'already_head',
      status: 409,
      errors: [{ field: 'personId', reason: 'already_head' }],
    });
    expect(refusal(() => planHeadChange(family, { ...change, personId: 'x' }))).toEqual({
      id: 'validation',
      status: 422,
      errors: [{ field: 'personId', reason: 'not_current_member' }],
    });
  });
});

describe('splitting', () => {
  test('current members other than the head may split off', () => {
    expect(() => checkSplit(family, [{ personId: 'c', relationship: 'head' }])).not.toThrow();
    expect(() => checkSplit(family, family.slice(1))).not.toThrow();
  });
  test('someone not in the household: 422 on members; the head: 409 head_cannot_leave', () => {
    expect(refusal(() => checkSplit(family, [{ personId: 'x', relationship: 'head' }]))).toEqual({
      id: 'validation',
      status: 422,
      errors: [{ field: 'members', reason: 'not_all_current_members' }],
    });
    expect(refusal(() => checkSplit(family, [{ personId: 'h', relationship: 'head' }])).id).toBe('head_cannot_leave');
  });
  test('everyone leaving (a household without its head): 422 on members', () => {
    const headless = family.slice(1);
    expect(refusal(() => checkSplit(headless, headless)).errors).toEqual([{ field: 'members', reason: 'head_must_stay' }]);
  });
});

describe('merging', () => {
  test('another household, joining below the head', () => {
    expect(() => checkMerge('a', 'b', 'other_relative')).not.toThrow();
  });
  test('itself, or joining as head: 422 naming the field', () => {
    expect(refusal(() => checkMerge('a', 'a', 'son')).errors).toEqual([{ field: 'otherId', reason: 'same_household' }]);
    expect(refusal(() => checkMerge('a', 'b', 'head')).errors).toEqual([{ field: 'relationship', reason: 'head_kept' }]);
  });
});

describe('member lists and current members', () => {
  test('exactly one head, each person once', () => {
    expect(() => assertMemberList(family)).not.toThrow();
    expect(refusal(() => assertMemberList(family.slice(1))).errors).toEqual([
      { field: 'members', reason: 'one_head', params: { count: 0 } },
    ]);
    expect(refusal(() => assertMemberList([...family, family[2]!])).errors).toEqual([{ field: 'members', reason: 'person_repeated' }]);
  });
  test('a current member is found with their relationship; anyone else is refused on the field named', () => {
    expect(assertCurrentMember(family, 'c')).toEqual({ personId: 'c', relationship: 'son' });
    expect(refusal(() => assertCurrentMember(family, 'x', 'personId')).errors).toEqual([
      { field: 'personId', reason: 'not_current_member' },
    ]);
  });
});

describe('vulnerabilities derived from the head', () => {
  test('female, child and elderly heads', () => {
    expect(deriveHeadVulnerabilities({ sex: 'female', dateOfBirth: '2010-06-01' }, '2024-05-31')).toEqual([
      'female_headed',
      'child_headed',
    ]);
    expect(deriveHeadVulnerabilities({ sex: 'male', dateOfBirth: '1964-06-01' }, '2024-06-01')).toEqual(['elderly_headed']);
    expect(deriveHeadVulnerabilities({ sex: 'male', dateOfBirth: '1964-06-02' }, '2024-06-01')).toEqual([]);
    expect(deriveHeadVulnerabilities(undefined, '2024-06-01')).toEqual([]);
  });
});

describe('ending a recorded vulnerability', () => {
  test('every open one of the kind ends, from a date on or after it began', () => {
    const open = [
      { id: 'a', validFrom: '2024-01-01' },
      { id: 'b', validFrom: '2024-02-01' },
    ];
    expect(vulnerabilitiesToEnd(open, '2024-02-01')).toEqual(['a', 'b']);
  });
  test('none open: not found (404); a date before one began: 422 naming date', () => {
    expect(refusal(() => vulnerabilitiesToEnd([], '2024-01-01'))).toMatchObject({ id: 'not_found', status: 404 });
    expect(refusal(() => vulnerabilitiesToEnd([{ id: 'a', validFrom: '2024-03-01' }], '2024-02-29'))).toMatchObject({
      id: 'validation',
      status: 422,
      errors: [{ field: 'date', reason: 'before_vulnerability' }],
    });
  });
});
