// The review rules of a pair, without a database: which pairs may be decided or undone, and which
// link conflicts refuse a 'same person' decision.
import { expect, test } from 'vitest';
import type { CandidateStatus } from '../../src/store/duplicates/candidates.ts';
import { assertDecidable, assertLinkable, assertUndoable } from '../../src/store/duplicates/review.ts';

const statuses: CandidateStatus[] = ['pending', 'same', 'different', 'unsure', 'auto_linked'];
const passes = (f: () => void) => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};
const problem = (id: string) => expect.objectContaining({ id });

test('a pending or unsure pair may be decided; a decided one must be undone first', () => {
  expect(statuses.filter((s) => passes(() => assertDecidable(s)))).toEqual(['pending', 'unsure']);
  expect(() => assertDecidable('same')).toThrow(problem('pair_already_decided'));
  expect(() => assertDecidable('auto_linked')).toThrow(problem('pair_already_decided'));
});

test('every pair but a pending one can be undone', () => {
  expect(statuses.filter((s) => !passes(() => assertUndoable(s)))).toEqual(['pending']);
  expect(() => assertUndoable('pending')).toThrow(problem('pair_not_decided'));
});

test('a link is refused on conflicting evidence, not when the two are already one identity', () => {
  expect(passes(() => assertLinkable(undefined))).toBe(true);
  expect(passes(() => assertLinkable('already_same'))).toBe(true);
  for (const why of ['national_id', 'decided_different', 'siblings'] as const)
    expect(() => assertLinkable(why)).toThrow(problem('merge_refused'));
});
