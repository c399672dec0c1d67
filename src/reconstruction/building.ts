// Buildings, housing units and occupancy as the domain sees them, and the rule that places a
// building: its geometry checked, every coordinate inside the State of Palestine, its governorate
// the one its representative point lies in (a governorate given that differs is refused). Pure:
// the boundaries come in as a function (boundaries.io.ts reads them).
import type { FieldError } from '../shared/problems.ts';
import type { BuildingSource, BuildingUse, DamageClass, Tenure } from '../shared/reconstruction.ts';
import {
  type BBox,
  type BuildingGeometry,
  bboxOf,
  cellOf,
  checkGeometry,
  isFieldError,
  type Position,
  representativePoint,
} from './geometry.ts';

export type Building = {
  id: string;
  orgId: string;
  governorate: string;
  localityId: string | null;
  use: BuildingUse;
  floors: number | null;
  geometry: BuildingGeometry;
  point: { lon: number; lat: number };
  bbox: BBox;
  source: BuildingSource;
  createdAt: string;
  version: number;
};

export type HousingUnit = { id: string; buildingId: string; floor: number; unitNumber: string; areaM2: number | null; createdAt: string };

export type Occupancy = {
  id: string;
  unitId: string;
  householdId: string;
  tenure: Tenure;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
};

export type RemoteAssessment = {
  id: string;
  buildingId: string;
  importId: string;
  damageClass: DamageClass;
  imageryDate: string;
  distanceM: number;
  structureRef: string | null;
  createdAt: string;
};

/** Where a building is: its checked geometry, representative point, bounding box, grid cell and governorate. */
export type PlacedGeometry = { geometry: BuildingGeometry; point: Position; bbox: BBox; cell: number; governorate: string };

/**
 * Checks a building's geometry against the boundaries (`governorateAt`: the governorate of a point,
 * null outside Palestine) and the governorate given, if any. Refusals name the field.
 */
export function placeGeometry(
  raw: unknown,
  given: string | null,
  governorateAt: (p: Position) => string | null,
  field = 'geometry',
): PlacedGeometry | FieldError[] {
  const g = checkGeometry(raw, field);
  if (isFieldError(g)) return [g];
  const vertices = g.type === 'Point' ? [g.coordinates] : g.coordinates.flat();
  if (vertices.some((v) => governorateAt(v) === null)) return [{ field: `${field}.coordinates`, reason: 'outside_palestine' }];
  const point = representativePoint(g);
  const governorate = governorateAt(point);
  if (governorate === null) return [{ field: `${field}.coordinates`, reason: 'outside_palestine' }];
  if (given !== null && given !== governorate) return [{ field: 'governorate', reason: 'governorate_mismatch' }];
  return { geometry: g, point, bbox: bboxOf(g), cell: cellOf(point), governorate };
}
