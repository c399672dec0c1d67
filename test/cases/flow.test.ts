// The pure rules of cases: who sees a case, how it moves between stages, which children a death leaves without care.
import { expect, test } from 'vitest';
import type { Actor } from '../../src/access/actor.ts';
import { childrenWithoutCare, type Member } from '../../src/cases/childProtection.ts';
import { caseAccess, type CaseState, nextState } from '../../src/cases/flow.ts';

const actor = (o: Partial<Actor>): Actor => ({ userId: 'u1', orgId: 'o1', role: 'caseworker', governorates: ['PS0260'], ...o });
const c = { orgId: 'o1', governorate: 'PS0260', assignedTo: 'u2', type: 'child_protection' as const };

test('a case is seen by its caseworker, the supervisors of its governorate and those it was shared with; nobody else', () => {
  expect(caseAccess(actor({ userId: 'u2' }), c, [])).toBe('assigned');
  expect(caseAccess(actor({ role: 'case_supervisor' }), c, [])).toBe('supervisor');
  expect(caseAccess(actor({ role: 'case_supervisor', governorates: ['PS0105'] }), c, [])).toBeNull();
  expect(caseAccess(actor({}), c, ['u1'])).toBe('shared');
  expect(caseAccess(actor({}), c, [])).toBeNull(); // another caseworker of the same governorate
  expect(caseAccess(actor({ role: 'administrator' }), c, [])).toBeNull();
  expect(caseAccess(actor({ orgId: 'o2', role: 'case_supervisor' }), c, [])).toBeNull();
});

test('stages: assessment, plan and closure each approved by a supervisor; sent back stays; closed reopens', () => {
  const s = (stage: CaseState['stage'], awaiting: CaseState['awaiting'] = null): CaseState => ({ stage, awaiting });
  expect(nextState(s('intake'), { do: 'submit', what: 'assessment' }, 'assigned')).toEqual(s('intake', 'assessment'));
  expect(() => nextState(s('intake', 'assessment'), { do: 'approve' }, 'assigned')).toThrow();
  expect(nextState(s('intake', 'assessment'), { do: 'approve' }, 'supervisor')).toEqual(s('plan'));
  expect(nextState(s('plan', 'plan'), { do: 'send_back' }, 'supervisor')).toEqual(s('plan'));
  expect(nextState(s('plan', 'plan'), { do: 'approve' }, 'supervisor')).toEqual(s('services'));
  expect(() => nextState(s('services'), { do: 'submit', what: 'plan' }, 'assigned')).toThrow();
  expect(nextState(s('services', 'closure'), { do: 'approve' }, 'supervisor')).toEqual(s('closed'));
  expect(() => nextState(s('closed'), { do: 'write' }, 'assigned')).toThrow();
  expect(nextState(s('closed'), { do: 'reopen' }, 'assigned')).toEqual(s('services'));
  expect(() => nextState(s('services'), { do: 'write' }, 'shared')).toThrow(); // a shared reader only reads
});

const m = (personId: string, relationship: Member['relationship'], ageYears: number | null, deceased = false): Member => ({
  personId,
  relationship,
  ageYears,
  deceased,
});

test('children left without care: both parents dead, or no living adult; a grandmother caring means only the both-parents rule', () => {
  const family = [m('f', 'head', 40, true), m('w', 'spouse', 38), m('a', 'son', 10), m('b', 'daughter', 19)];
  expect(childrenWithoutCare('death', 'f', family)).toEqual([]); // the mother lives
  const both = [m('f', 'head', 40, true), m('w', 'spouse', 38, true), m('a', 'son', 10), m('b', 'daughter', 19), m('g', 'grandparent', 70)];
  expect(childrenWithoutCare('death', 'w', both)).toEqual([{ personId: 'a', reason: 'both_parents_died' }]);
  const alone = [m('f', 'head', 35, true), m('a', 'son', 10), m('c', 'grandchild', 3)];
  expect(childrenWithoutCare('death', 'f', alone)).toEqual([
    { personId: 'a', reason: 'no_adult_caregiver' },
    { personId: 'c', reason: 'no_adult_caregiver' },
  ]);
  expect(childrenWithoutCare('orphaned', 'a', alone)).toEqual([{ personId: 'a', reason: 'orphaned' }]);
  expect(childrenWithoutCare('injury', 'f', alone)).toEqual([]);
});
