// Matching assessed structures to buildings (pure): for random sets of buildings and points in
// Palestine, the answer never names a building beyond the tolerance, does not depend on the order
// of the candidates, is ambiguous exactly when a second building is as near, and the grid cells
// (the candidates an import looks at) never miss a building the full set would match.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { governorateAreas } from '../../src/reconstruction/boundaries.io.ts';
import { locate, makeLocator } from '../../src/reconstruction/boundaries.ts';
import { cellOf, cellsWithin, distanceM, nearCells, type Position } from '../../src/reconstruction/geometry.ts';
import { type Candidate, matchPoint } from '../../src/reconstruction/match.ts';
import { AMBIGUITY_MARGIN_M, GRID_CELL_M } from '../../src/shared/reconstruction.ts';

/** Points in a 1 km square somewhere in Palestine's latitudes, as whole multiples of ~1 cm. */
const around = (base: Position) =>
  fc
    .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }))
    .map(([x, y]): Position => [base[0] + x * 1e-7, base[1] + y * 1e-7]);
const base = fc.tuple(
  fc.double({ min: 34.2, max: 35.5, noNaN: true }),
  fc.double({ min: 29.5, max: 33.3, noNaN: true }),
) as fc.Arbitrary<Position>;
const scene = base.chain((b) =>
  fc.record({
    buildings: fc.array(around(b), { minLength: 0, maxLength: 60 }),
    point: around(b),
    tolerance: fc.double({ min: 0.5, max: GRID_CELL_M, noNaN: true }),
    seed: fc.integer(),
  }),
);

const candidates = (pts: Position[]): Candidate[] => pts.map((p, i) => ({ id: `b${String(i).padStart(3, '0')}`, point: p }));

describe('matchPoint', () => {
  test('never beyond the tolerance; the nearest; ambiguous only when a second is as near', () => {
    fc.assert(
      fc.property(scene, ({ buildings, point, tolerance }) => {
        const cs = candidates(buildings);
        const m = matchPoint(point, cs, tolerance);
        const within = cs.map((c) => ({ id: c.id, d: distanceM(point, c.point) })).filter((c) => c.d <= tolerance);
        within.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
        if (within.length === 0) expect(m.kind).toBe('none');
        else if (within.length > 1 && within[1]!.d - within[0]!.d < AMBIGUITY_MARGIN_M)
          expect(m).toEqual({ kind: 'ambiguous', buildingIds: [within[0]!.id, within[1]!.id] });
        else {
          expect(m).toEqual({ kind: 'match', buildingId: within[0]!.id, distanceM: within[0]!.d });
          expect(within[0]!.d).toBeLessThanOrEqual(tolerance);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('deterministic: the same answer whatever the order of the candidates', () => {
    fc.assert(
      fc.property(scene, ({ buildings, point, tolerance, seed }) => {
        const cs = candidates(buildings);
        const shuffled = [...cs].sort(
          (a, b) => ((a.id.charCodeAt(3) * 31 + seed) % 97) - ((b.id.charCodeAt(3) * 31 + seed) % 97) || a.id.localeCompare(b.id),
        );
        expect(matchPoint(point, shuffled, tolerance)).toEqual(matchPoint(point, cs, tolerance));
        expect(matchPoint(point, [...cs].reverse(), tolerance)).toEqual(matchPoint(point, cs, tolerance));
      }),
      { numRuns: 300 },
    );
  });

  test('the grid: the buildings in the nine cells around a point give the same answer as all of them', () => {
    fc.assert(
      fc.property(scene, ({ buildings, point, tolerance }) => {
        const cs = candidates(buildings);
        const cells = new Set(nearCells(point));
        const near = cs.filter((c) => cells.has(cellOf(c.point)));
        expect(matchPoint(point, near, tolerance)).toEqual(matchPoint(point, cs, tolerance));
        // and every building within a cell's side of the point is among them
        for (const c of cs) if (distanceM(point, c.point) <= GRID_CELL_M) expect(cells.has(cellOf(c.point))).toBe(true);
        // the cells within the tolerance (what an import looks at) give the same answer too
        const few = new Set(cellsWithin(point, tolerance));
        expect(
          matchPoint(
            point,
            cs.filter((c) => few.has(cellOf(c.point))),
            tolerance,
          ),
        ).toEqual(matchPoint(point, cs, tolerance));
      }),
      { numRuns: 400 },
    );
  });

  test('a point inside a footprint is at distance 0 from it, however far its representative point', () => {
    const b: Candidate = {
      id: 'big',
      point: [34.46, 31.51],
      footprint: {
        rings: [
          [
            [34.459, 31.509],
            [34.461, 31.509],
            [34.461, 31.511],
            [34.459, 31.511],
            [34.459, 31.509],
          ],
        ],
        bbox: { minLon: 34.459, minLat: 31.509, maxLon: 34.461, maxLat: 31.511 },
      },
    };
    expect(matchPoint([34.4595, 31.5095], [b], 5)).toEqual({ kind: 'match', buildingId: 'big', distanceM: 0 });
    expect(matchPoint([34.462, 31.5095], [b], 5)).toEqual({ kind: 'none' });
  });
});

describe('the boundaries', () => {
  test('the cached locator answers as the full point-in-polygon test, everywhere in and around Palestine', () => {
    const areas = governorateAreas();
    const fast = makeLocator(areas);
    fc.assert(
      fc.property(fc.double({ min: 34.1, max: 35.7, noNaN: true }), fc.double({ min: 29.4, max: 32.7, noNaN: true }), (lon, lat) => {
        expect(fast([lon, lat])).toBe(locate([lon, lat], areas));
      }),
      { numRuns: 3000 },
    );
    // points along a boundary: both sides of it
    const gaza = areas.find((a) => a.pcode === 'PS0260')!;
    for (const [lon, lat] of gaza.polygons[0]![0]!.slice(0, 200))
      for (const d of [-1e-5, 1e-5]) expect(fast([lon + d, lat + d])).toBe(locate([lon + d, lat + d], areas));
  });
});
