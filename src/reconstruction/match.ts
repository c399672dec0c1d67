// Matching an assessed structure to a building: the nearest within a tolerance, or none (a new
// building), or ambiguous when a second building is as near (within AMBIGUITY_MARGIN_M). A point
// inside a building's footprint is at distance 0 from it; otherwise the distance is to the building's
// representative point. The answer does not depend on the candidates' order. Pure, no I/O.
import { AMBIGUITY_MARGIN_M } from '../shared/reconstruction.ts';
import { type BBox, distanceM, inBBox, inPolygon, type Position, type Ring } from './geometry.ts';

export type Candidate = { id: string; point: Position; footprint?: { rings: readonly Ring[]; bbox: BBox } | undefined };
export type MatchResult =
  | { kind: 'match'; buildingId: string; distanceM: number }
  | { kind: 'ambiguous'; buildingIds: [string, string] }
  | { kind: 'none' };

export function distanceTo(p: Position, c: Candidate): number {
  if (c.footprint && inBBox(p, c.footprint.bbox) && inPolygon(p, c.footprint.rings)) return 0;
  return distanceM(p, c.point);
}

export function matchPoint(p: Position, candidates: readonly Candidate[], toleranceM: number): MatchResult {
  let best: { id: string; d: number } | undefined;
  let second: { id: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distanceTo(p, c);
    if (d > toleranceM) continue;
    const it = { id: c.id, d };
    const before = (a: { id: string; d: number }, b: { id: string; d: number }) => a.d < b.d || (a.d === b.d && a.id < b.id);
    if (!best || before(it, best)) {
      second = best;
      best = it;
    } else if (!second || before(it, second)) second = it;
  }
  if (!best) return { kind: 'none' };
  if (second && second.d - best.d < AMBIGUITY_MARGIN_M) return { kind: 'ambiguous', buildingIds: [best.id, second.id] };
  return { kind: 'match', buildingId: best.id, distanceM: best.d };
}
