// The review rules of a pair, without a database: which pairs may be decided or undone, and which
// link conflicts refuse a 'same person' decision.
import { expect, test } from 'vitest';
import { AppError } from '../../src/errors.ts';
import type { CandidateStatus } from '../../src/store/dedupe/candidates.ts';
import { assertDecidable, assertLinkable, assertUndoable } from '../../src/store/dedupe/review.ts';

const problemOf = (f: () => void): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof AppError) return e.id;
    throw e;
  }
};
const statuses: CandidateStatus[] = ['pending', 'same', 'different', 'unsure', 'auto_linked'];

test('a pending or unsure pair may be decided; a decided one must be undone first', () => {
  expect(statuses.filter((s) => problemOf(() => assertDecidable(s)) === undefined)).toEqual(['pending', 'unsure']);
  expect(problemOf(() => assertDecidable('same'))).toBe('pair_already_decided');
  expect(problemOf(() => assertDecidable('auto_linked'))).toBe('pair_already_decided');
});

test('every pair but a pending one can be undone', () => {
  expect(statuses.filter((s) => problemOf(() => assertUndoable(s)) !== undefined)).toEqual(['pending']);
  expect(problemOf(() => assertUndoable('pending'))).toBe('pair_not_decided');
});

test('a link is refused on conflicting evidence, not when the two are already one identity', () => {
  expect(problemOf(() => assertLinkable(undefined))).toBeUndefined();
  expect(problemOf(() => assertLinkable('already_same'))).toBeUndefined();
  for (const why of ['national_id', 'decided_different', 'siblings'] as const)
    expect(problemOf(() => assertLinkable(why))).toBe('merge_refused');
});
