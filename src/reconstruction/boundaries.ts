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
