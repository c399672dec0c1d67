// Reconstruction (#16) request and response schemas: buildings, housing units, occupancy, damage imports.
import { z } from 'zod';
import { DamageMapping } from '../../../reconstruction/damageRow.ts';
import { BODY_LIMIT_BYTES } from '../../../shared/limits.ts';
import { buildingSources, buildingUses, damageClasses, MAX_FLOORS, MIN_UNIT_FLOOR, tenures } from '../../../shared/reconstruction.ts';
import { Day, Uuid } from '../../schemas.ts';

export const BuildingInput = z
  .object({
    geometry: z.unknown().describe('a GeoJSON Point or Polygon in WGS 84 ([longitude, latitude]); checked against the boundaries'),
    governorate: z.string().max(10).optional().describe('if given, must be the governorate the location lies in'),
    localityId: Uuid.optional(),
    use: z.enum(buildingUses).default('residential'),
    floors: z.number().int().min(1).max(MAX_FLOORS).optional(),
  })
  .strict();

const Position = z.tuple([z.number(), z.number()]).readonly();
export const BuildingView = z.object({
  id: z.string(),
  orgId: z.string(),
  governorate: z.string(),
  localityId: z.string().nullable(),
  use: z.enum(buildingUses),
  floors: z.number().nullable(),
  geometry: z.union([
    z.object({ type: z.literal('Point'), coordinates: Position }),
    z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position).readonly()).readonly() }),
  ]),
  point: z.object({ lon: z.number(), lat: z.number() }),
  bbox: z.object({ minLon: z.number(), minLat: z.number(), maxLon: z.number(), maxLat: z.number() }),
  source: z.enum(buildingSources),
  createdAt: z.string(),
  version: z.number(),
});

export const UnitInput = z
  .object({
    floor: z.number().int().min(MIN_UNIT_FLOOR).max(MAX_FLOORS),
    unitNumber: z.string().trim().min(1).max(20),
    areaM2: z.number().positive().max(100_000).optional(),
  })
  .strict();
export const UnitView = z.object({
  id: z.string(),
  buildingId: z.string(),
  floor: z.number(),
  unitNumber: z.string(),
  areaM2: z.number().nullable(),
  createdAt: z.string(),
});

export const AssessmentView = z.object({
  id: z.string(),
  buildingId: z.string(),
  importId: z.string(),
  damageClass: z.enum(damageClasses),
  imageryDate: z.string(),
  distanceM: z.number(),
  structureRef: z.string().nullable(),
  createdAt: z.string(),
});
export const BuildingFileView = BuildingView.extend({ units: z.array(UnitView), assessments: z.array(AssessmentView) });

export const BuildingListQuery = z.object({
  governorate: z.string().max(10),
  localityId: Uuid.optional(),
  damageClass: z.enum(damageClasses).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const BuildingList = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      governorate: z.string(),
      localityId: z.string().nullable(),
      use: z.string(),
      floors: z.number().nullable(),
      lon: z.number(),
      lat: z.number(),
      units: z.number(),
      damageClass: z.enum(damageClasses).nullable(),
      imageryDate: z.string().nullable(),
      assessments: z.number(),
    }),
  ),
});
export const SummaryQuery = z.object({ governorate: z.string().max(10).optional() });
export const BuildingSummary = z.object({
  rows: z.array(
    z.object({
      governorate: z.string(),
      localityId: z.string().nullable(),
      damageClass: z.enum([...damageClasses, 'not_assessed']),
      buildings: z.number(),
    }),
  ),
});

export const OccupancyInput = z.object({ householdId: Uuid, tenure: z.enum(tenures), validFrom: Day, validTo: Day.optional() }).strict();
export const OccupancyView = z.object({
  id: z.string(),
  unitId: z.string(),
  householdId: z.string(),
  tenure: z.enum(tenures),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  createdAt: z.string(),
});
export const OccupancyQuery = z.object({ on: Day.optional().describe('only those who lived in the unit on this day') });
export const OccupancyList = z.object({
  items: z.array(
    OccupancyView.extend({ head: z.object({ id: z.string(), fullName: z.string() }).nullable(), householdRecordId: z.string().nullable() }),
  ),
});

export const DamageImportInput = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    format: z.enum(['csv', 'geojson']),
    content: z.string().min(1).max(BODY_LIMIT_BYTES).describe('the file as text (larger files: `sanad reconstruction import-damage`)'),
    mapping: DamageMapping.optional(),
  })
  .strict();
export const DamageImportView = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'geojson']),
  toleranceM: z.number(),
  status: z.enum(['running', 'done', 'failed']),
  rows: z.number(),
  matched: z.number(),
  buildingsCreated: z.number(),
  quarantined: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  alreadyImported: z.boolean().optional(),
});
export const DamageImportFile = DamageImportView.extend({
  quarantine: z.array(
    z.object({
      rowNumber: z.number(),
      raw: z.record(z.string(), z.unknown()),
      errors: z.array(z.object({ field: z.string(), reason: z.string(), params: z.record(z.string(), z.number()).optional() })),
    }),
  ),
});
export const DamageImportList = z.object({ items: z.array(DamageImportView) });
