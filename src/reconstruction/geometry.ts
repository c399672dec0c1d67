// Building geometry without PostGIS: GeoJSON Points and footprint Polygons in WGS 84 checked here,
// their bounding box and representative point, distances in metres (an equirectangular
// approximation, exact enough at building scale), point in polygon, and the key of the ~50 m grid
// cell on which damage imports look for the nearest building (docs/decisions/0026). Pure, no I/O.
import type { FieldError } from '../shared/problems.ts';
import { GRID_CELL_M, MAX_FOOTPRINT_SPAN_DEG, MAX_POLYGON_VERTICES } from '../shared/reconstruction.ts';

export type Position = readonly [lon: number, lat: number];
export type Ring = readonly Position[];
export type PointGeometry = { type: 'Point'; coordinates: Position };
export type PolygonGeometry = { type: 'Polygon'; coordinates: readonly Ring[] };
export type BuildingGeometry = PointGeometry | PolygonGeometry;
export type BBox = { minLon: number; minLat: number; maxLon: number; maxLat: number };

/** Metres per degree of latitude; of longitude at the equator. */
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON = 111_320;
/** Cells are at least GRID_CELL_M on each side up to 34 degrees of latitude (all of Palestine). */
const CELL_DLAT = GRID_CELL_M / 110_000;
const CELL_DLON = GRID_CELL_M / (M_PER_DEG_LON * Math.cos((34 * Math.PI) / 180));
const CELL_OFFSET = 500_000;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function position(v: unknown): Position | 'wrong_type' | 'out_of_range' {
  if (!Array.isArray(v) || (v.length !== 2 && v.length !== 3) || !isNum(v[0]) || !isNum(v[1])) return 'wrong_type';
  if (v[0] < -180 || v[0] > 180 || v[1] < -90 || v[1] > 90) return 'out_of_range';
  return [v[0], v[1]];
}

function ring(v: unknown): Ring | FieldError['reason'] {
  if (!Array.isArray(v)) return 'wrong_type';
  const out: Position[] = [];
  for (const p of v) {
    const q = position(p);
    if (q === 'wrong_type') return 'wrong_type';
    if (q === 'out_of_range') return 'outside_palestine';
    out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) return 'bad_geometry';
  return out;
}

function polygon(coords: unknown, field: string): PolygonGeometry | FieldError {
  if (!Array.isArray(coords) || coords.length === 0) return { field: `${field}.coordinates`, reason: 'bad_geometry' };
  const vertices = coords.reduce((n: number, r: unknown) => n + (Array.isArray(r) ? r.length : 0), 0);
  if (vertices > MAX_POLYGON_VERTICES)
    return { field: `${field}.coordinates`, reason: 'too_many_vertices', params: { max: MAX_POLYGON_VERTICES } };
  const rings: Ring[] = [];
  for (const r of coords) {
    const checked = ring(r);
    if (typeof checked === 'string') return { field: `${field}.coordinates`, reason: checked };
    rings.push(checked);
  }
  const b = bboxOf({ type: 'Polygon', coordinates: rings });
  if (b.maxLon - b.minLon > MAX_FOOTPRINT_SPAN_DEG || b.maxLat - b.minLat > MAX_FOOTPRINT_SPAN_DEG)
    return { field: `${field}.coordinates`, reason: 'footprint_too_large' };
  if (Math.abs(ringArea(rings[0]!)) === 0) return { field: `${field}.coordinates`, reason: 'bad_geometry' };
  return { type: 'Polygon', coordinates: rings };
}

/** A building's geometry as given (parsed JSON): a GeoJSON Point or Polygon, or the refused field. */
export function checkGeometry(v: unknown, field = 'geometry'): BuildingGeometry | FieldError {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { field, reason: 'wrong_type' };
  const g = v as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Point') {
    const p = position(g.coordinates);
    if (p === 'wrong_type') return { field: `${field}.coordinates`, reason: 'wrong_type' };
    if (p === 'out_of_range') return { field: `${field}.coordinates`, reason: 'outside_palestine' };
    return { type: 'Point', coordinates: p };
  }
  if (g.type === 'Polygon') return polygon(g.coordinates, field);
  return { field: `${field}.type`, reason: 'bad_geometry' };
}

export const isFieldError = (v: BuildingGeometry | FieldError): v is FieldError => 'reason' in v;

export function bboxOf(g: BuildingGeometry): BBox {
  const pts = g.type === 'Point' ? [g.coordinates] : g.coordinates.flat();
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of pts) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** Twice the signed area of a ring (degrees squared). */
function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0; i + 1 < r.length; i++) a += r[i]![0] * r[i + 1]![1] - r[i + 1]![0] * r[i]![1];
  return a;
}

/** Whether a point is inside a ring (even-odd; a point on an edge may fall either way). */
export function inRing(p: Position, r: Ring): boolean {
  let inside = false;
  const [x, y] = p;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i]!;
    const [xj, yj] = r[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of the holes. */
export function inPolygon(p: Position, rings: readonly Ring[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(p, outer) && !holes.some((h) => inRing(p, h));
}

export const inBBox = (p: Position, b: BBox): boolean => p[0] >= b.minLon && p[0] <= b.maxLon && p[1] >= b.minLat && p[1] <= b.maxLat;

/** The point that stands for a building: the point itself, or the footprint's centroid (if inside it, else a point inside). */
export function representativePoint(g: BuildingGeometry): Position {
  if (g.type === 'Point') return g.coordinates;
  const outer = g.coordinates[0]!;
  // relative to the first vertex, so that products of nearby large coordinates lose no precision
  const [ox, oy] = outer[0]!;
  const rel: Ring = outer.map(([x, y]) => [x - ox, y - oy] as const);
  const a = ringArea(rel);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < rel.length; i++) {
    const [x0, y0] = rel[i]!;
    const [x1, y1] = rel[i + 1]!;
    const f = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  const c: Position = [ox + cx / (3 * a), oy + cy / (3 * a)];
  if (inPolygon(c, g.coordinates)) return c;
  // a concave footprint: the middle of the first inside stretch of the horizontal line through the centroid
  const xs: number[] = [];
  for (let i = 0; i + 1 < outer.length; i++) {
    const [x0, y0] = outer[i]!;
    const [x1, y1] = outer[i + 1]!;
    if (y0 > c[1] !== y1 > c[1]) xs.push(x0 + ((c[1] - y0) * (x1 - x0)) / (y1 - y0));
  }
  xs.sort((p, q) => p - q);
  return xs.length >= 2 ? [(xs[0]! + xs[1]!) / 2, c[1]] : outer[0]!;
}

/** Metres between two points (equirectangular at their mean latitude). */
export function distanceM(a: Position, b: Position): number {
  const meanLat = ((a[1] + b[1]) / 2) * (Math.PI / 180);
  const dx = (b[0] - a[0]) * M_PER_DEG_LON * Math.cos(meanLat);
  const dy = (b[1] - a[1]) * M_PER_DEG_LAT;
  return Math.hypot(dx, dy);
}

function cellXY(p: Position): [number, number] {
  return [Math.floor(p[0] / CELL_DLON), Math.floor(p[1] / CELL_DLAT)];
}
const cellKey = (x: number, y: number): number => (x + CELL_OFFSET) * 1_000_000 + (y + CELL_OFFSET);

/** The grid cell of a point (a whole number, stored as bigint). */
export function cellOf(p: Position): number {
  const [x, y] = cellXY(p);
  return cellKey(x, y);
}

/** The cell of a point and its eight neighbours: every point within GRID_CELL_M of it lies in one of them. */
export function nearCells(p: Position): number[] {
  const [x, y] = cellXY(p);
  const out: number[] = [];
  for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) out.push(cellKey(x + dx, y + dy));
  return out;
}

/**
 * The cells that hold every point within `radiusM` of `p` (by distanceM): the few cells a match
 * within the tolerance must look at (one to four for a tolerance under half a cell's side).
 */
export function cellsWithin(p: Position, radiusM: number): number[] {
  const dLat = radiusM / M_PER_DEG_LAT;
  const cosMin = Math.cos((Math.min(89, Math.abs(p[1]) + dLat) * Math.PI) / 180);
  const dLon = radiusM / (M_PER_DEG_LON * cosMin);
  const [x0, y0] = cellXY([p[0] - dLon, p[1] - dLat]);
  const [x1, y1] = cellXY([p[0] + dLon, p[1] + dLat]);
  const out: number[] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push(cellKey(x, y));
  return out;
}
