// Build-time: turns the shipped OCHA governorate boundaries (src/places/data/pse_admin2.geojson)
// into small SVG paths, so the dashboard map needs no tile server and fetches nothing.
// The West Bank and the Gaza Strip are drawn in two frames, each fitted to its own box
// (the Gaza Strip is enlarged: it is about a tenth of the West Bank's size).
import fs from 'node:fs';

type Ring = [number, number][];
type Feature = {
  properties: { adm2_pcode: string; adm1_pcode: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
};

export type MapShape = { pcode: string; territory: string; d: string; cx: number; cy: number };
export type MapFrame = { territory: string; x: number; y: number; w: number; h: number };
/** How a territory's [longitude, latitude] becomes map units: x = x0 + (lon * k - minX) * scale, y = y0 + (-lat - minY) * scale. */
export type MapProjection = { territory: string; x0: number; y0: number; k: number; minX: number; minY: number; scale: number };
/** `boxes`: where each territory's shapes are drawn, tight (inside its frame). */
export type GovernorateMap = {
  width: number;
  height: number;
  frames: MapFrame[];
  boxes: MapFrame[];
  shapes: MapShape[];
  /** to draw points (buildings) over the shapes */
  projections: MapProjection[];
};

const FRAMES: MapFrame[] = [
  { territory: 'PS02', x: 10, y: 10, w: 120, h: 300 },
  { territory: 'PS01', x: 150, y: 10, w: 240, h: 300 },
];

function rings(f: Feature): Ring[] {
  if (f.geometry.type === 'Polygon') return f.geometry.coordinates as Ring[];
  return (f.geometry.coordinates as Ring[][]).flat();
}

/** Douglas-Peucker simplification of an open or closed polyline, tolerance in output units. */
export function simplify(points: Ring, tolerance: number): Ring {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let best = -1;
    let far = 0;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const dist = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (dist > far) {
        far = dist;
        best = i;
      }
    }
    if (best >= 0 && far > tolerance) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

export function buildGovernorateMap(geojsonPath: string, tolerance = 0.6): GovernorateMap {
  const fc = JSON.parse(fs.readFileSync(geojsonPath, 'utf8')) as { features: Feature[] };
  const shapes: MapShape[] = [];
  const boxes: MapFrame[] = [];
  const projections: MapProjection[] = [];
  for (const frame of FRAMES) {
    const feats = fc.features.filter((f) => f.properties.adm1_pcode === frame.territory);
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    const midLat = 31.7;
    const k = Math.cos((midLat * Math.PI) / 180);
    const proj = ([lon, lat]: [number, number]): [number, number] => [lon * k, -lat];
    for (const f of feats)
      for (const r of rings(f))
        for (const p of r) {
          const [x, y] = proj(p);
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
    const scale = Math.min(frame.w / (maxX - minX), frame.h / (maxY - minY));
    const ox = frame.x + (frame.w - (maxX - minX) * scale) / 2;
    const oy = frame.y + (frame.h - (maxY - minY) * scale) / 2;
    boxes.push({ territory: frame.territory, x: ox, y: oy, w: (maxX - minX) * scale, h: (maxY - minY) * scale });
    projections.push({ territory: frame.territory, x0: ox, y0: oy, k, minX, minY, scale });
    const toBox = (p: [number, number]): [number, number] => {
      const [x, y] = proj(p);
      return [ox + (x - minX) * scale, oy + (y - minY) * scale];
    };
    for (const f of feats) {
      let d = '';
      let sx = 0,
        sy = 0,
        n = 0;
      for (const r of rings(f)) {
        const pts = simplify(r.map(toBox), tolerance);
        if (pts.length < 3) continue;
        d += `M${pts.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`;
        for (const [x, y] of pts) {
          sx += x;
          sy += y;
          n++;
        }
      }
      shapes.push({
        pcode: f.properties.adm2_pcode,
        territory: frame.territory,
        d,
        cx: Math.round((sx / n) * 10) / 10,
        cy: Math.round((sy / n) * 10) / 10,
      });
    }
  }
  return { width: 400, height: 336, frames: FRAMES, boxes, shapes, projections };
}
