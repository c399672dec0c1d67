// Which governorate a point lies in, given the boundaries (loaded by boundaries.io.ts). Pure, no I/O.
import { type BBox, inBBox, inPolygon, type Position, type Ring } from './geometry.ts';

/** One governorate: its P-code, its polygons (each a list of rings) and their common bounding box. */
export type Area = { pcode: string; polygons: readonly (readonly Ring[])[]; bbox: BBox };

/** An area from a GeoJSON Polygon or MultiPolygon geometry. */
export function areaOf(pcode: string, g: { type: string; coordinates: unknown }): Area {
  const polygons = (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]) as Ring[][];
  const pts = polygons.flatMap((p) => p[0] ?? []);
  const bbox: BBox = {
    minLon: Math.min(...pts.map((q) => q[0])),
    minLat: Math.min(...pts.map((q) => q[1])),
    maxLon: Math.max(...pts.map((q) => q[0])),
    maxLat: Math.max(...pts.map((q) => q[1])),
  };
  return { pcode, polygons, bbox };
}

/** The P-code of the first area containing the point (areas do not overlap), or null. */
export function locate(p: Position, areas: readonly Area[]): string | null {
  for (const a of areas) if (inBBox(p, a.bbox) && a.polygons.some((rings) => inPolygon(p, rings))) return a.pcode;
  return null;
}

/** The side of the cells of the locator's cache, in degrees (~500 m). */
const CACHE_CELL = 0.005;

/**
 * `locate` with a cache: the answer is the same everywhere in a cache cell that no boundary edge
 * touches, so such a cell is computed once; points in cells an edge touches (by the edge's bounding
 * box, a superset) are located in full. The same answers as `locate`, many times faster on files
 * of hundreds of thousands of points.
 */
export function makeLocator(areas: readonly Area[]): (p: Position) => string | null {
  const key = (x: number, y: number) => x * 100_000 + y;
  const boundary = new Set<number>();
  for (const a of areas)
    for (const rings of a.polygons)
      for (const r of rings)
        for (let i = 0; i + 1 < r.length; i++) {
          const [x0, y0] = r[i]!;
          const [x1, y1] = r[i + 1]!;
          for (let x = Math.floor(Math.min(x0, x1) / CACHE_CELL); x <= Math.floor(Math.max(x0, x1) / CACHE_CELL); x++)
            for (let y = Math.floor(Math.min(y0, y1) / CACHE_CELL); y <= Math.floor(Math.max(y0, y1) / CACHE_CELL); y++)
              boundary.add(key(x, y));
        }
  const cache = new Map<number, string | null>();
  return (p) => {
    const k = key(Math.floor(p[0] / CACHE_CELL), Math.floor(p[1] / CACHE_CELL));
    if (boundary.has(k)) return locate(p, areas);
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    const found = locate(p, areas);
    cache.set(k, found);
    return found;
  };
}
