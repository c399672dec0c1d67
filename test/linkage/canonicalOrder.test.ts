// The registry is linked in an order given by its records' content (registryDedupe.ts
// canonicalOrder): the same records in any order come out in one order.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { registryRecords } from '../../bench/linkage/clanEval.ts';
import { canonicalOrder } from '../../src/linkage/registryDedupe.ts';
import { REGISTRY_COLUMNS } from '../../src/linkage/registryScore.ts';
import { generateClanRegistry } from '../../src/synthetic/registries.ts';

const recs = registryRecords(generateClanRegistry({ persons: 3000, seed: 5, duplicateRate: 0.1 })).recs;
const ids = (r: { record_id?: string }[]) => r.map((x) => x.record_id);

test('the same records in any order are put in one order, which is not the order given', () => {
  const expected = ids(canonicalOrder(recs, REGISTRY_COLUMNS));
  expect(expected).toHaveLength(recs.length);
  expect(new Set(expected).size).toBe(recs.length);
  expect(expected).not.toEqual(ids(recs));
  expect(ids(canonicalOrder([...recs].reverse(), REGISTRY_COLUMNS))).toEqual(expected);
  fc.assert(
    fc.property(fc.array(fc.nat(), { minLength: recs.length, maxLength: recs.length }), (keys) => {
      const shuffled = recs.map((_, i) => i).sort((x, y) => keys[x]! - keys[y]! || x - y);
      expect(
        ids(
          canonicalOrder(
            shuffled.map((i) => recs[i]!),
            REGISTRY_COLUMNS,
          ),
        ),
      ).toEqual(expected);
    }),
    { numRuns: 20 },
  );
});

test('records of the same content are ordered by their ids; the order follows the content, not the ids', () => {
  const a = { ...recs[0]!, record_id: 'b' };
  const b = { ...recs[0]!, record_id: 'a' };
  expect(ids(canonicalOrder([a, b], REGISTRY_COLUMNS))).toEqual(['a', 'b']);
  // renaming every record keeps the order of the contents
  const renamed = recs.map((r, i) => ({ ...r, record_id: `x${recs.length - i}` }));
  const byContent = (rs: typeof recs) => canonicalOrder(rs, REGISTRY_COLUMNS).map((r) => r.given_name + (r.date_of_birth ?? ''));
  expect(byContent(renamed)).toEqual(byContent(recs));
});
