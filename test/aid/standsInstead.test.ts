// The pure rule of a reviewer's "stands": the chosen conflict stands, the one that stood becomes a
// conflict of it reviewed as a duplicate, the others name it; the demotion is written first.
import { describe, expect, test } from 'vitest';
import { type Competing, standsInstead } from '../../src/aid/conflict.ts';

const row = (id: string, over: Partial<Competing> = {}): Competing => ({
  id,
  status: 'conflict',
  review: 'open',
  held: null,
  conflictOf: 'a',
  ...over,
});

describe('standsInstead', () => {
  test('swaps the standing one and re-points the others; the demoted one first, the chosen one last', () => {
    const rows = [row('a', { status: 'standing', review: null, conflictOf: null }), row('b'), row('c', { review: 'accepted' })];
    const out = standsInstead(rows, 'b');
    expect(out.map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(out).toEqual([
      { id: 'a', status: 'conflict', review: 'duplicate_confirmed', held: null, conflictOf: 'b' },
      { id: 'c', status: 'conflict', review: 'accepted', held: null, conflictOf: 'b' },
      { id: 'b', status: 'standing', review: null, held: null, conflictOf: null },
    ]);
  });

  test('a held redemption with none standing simply stands, no longer held', () => {
    expect(standsInstead([row('h', { held: 'before_card', conflictOf: null })], 'h')).toEqual([
      { id: 'h', status: 'standing', review: null, held: null, conflictOf: null },
    ]);
  });

  test('the standing one, or one not among them, is not a conflict to choose: not found', () => {
    const rows = [row('a', { status: 'standing', review: null, conflictOf: null }), row('b')];
    expect(() => standsInstead(rows, 'a')).toThrow(/conflict/);
    expect(() => standsInstead(rows, 'z')).toThrow(/conflict/);
  });
});
