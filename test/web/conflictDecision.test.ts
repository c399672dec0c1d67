// The conflict screen's decision as API calls (web/src/screens/after/decision.ts): which hand-over
// stands, and what the others are, with as few writes as the decision needs.
import { expect, test } from 'vitest';
import { decisionCalls } from '../../web/src/screens/after/decision.ts';

const S = { id: 's', status: 'standing' as const, review: null };
const C = { id: 'c', status: 'conflict' as const, review: 'open' };
const D = { id: 'd', status: 'conflict' as const, review: 'duplicate_confirmed' };

test('the one that stands stays: each open conflict gets the review chosen for the others', () => {
  expect(decisionCalls([S, C, D], 's', 'duplicate_confirmed')).toEqual([{ id: 'c', decision: 'duplicate_confirmed' }]);
  expect(decisionCalls([S, C, D], 's', 'accepted')).toEqual([
    { id: 'c', decision: 'accepted' },
    { id: 'd', decision: 'accepted' },
  ]);
});

test('a conflict stands instead: one "stands" (the server makes the old one a duplicate), then the rest', () => {
  expect(decisionCalls([S, C], 'c', 'duplicate_confirmed')).toEqual([{ id: 'c', decision: 'stands' }]);
  expect(decisionCalls([S, C, D], 'c', 'accepted')).toEqual([
    { id: 'c', decision: 'stands' },
    { id: 's', decision: 'accepted' },
    { id: 'd', decision: 'accepted' },
  ]);
});

test('held alone: it stands, or none stands and it gets the review chosen', () => {
  expect(decisionCalls([C], 'c', 'duplicate_confirmed')).toEqual([{ id: 'c', decision: 'stands' }]);
  expect(decisionCalls([C], 'none', 'duplicate_confirmed')).toEqual([{ id: 'c', decision: 'duplicate_confirmed' }]);
  expect(decisionCalls([C], 'none', 'accepted')).toEqual([{ id: 'c', decision: 'accepted' }]);
});
