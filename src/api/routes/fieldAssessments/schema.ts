// Field assessments (#16): what an engineer's device sends and what the API answers.
import { z } from 'zod';
import {
  fieldDamageClasses,
  MAX_ASSESSMENT_NOTES,
  MAX_BOQ_LINES,
  MAX_QUANTITY,
  MAX_UNIT_COST_USD,
  materialUnits,
  photoTypes,
} from '../../../shared/fieldAssessment.ts';
import type { FieldReason } from '../../../shared/reasons.ts';
import { damageClasses } from '../../../shared/reconstruction.ts';
import { Day, Uuid } from '../../schemas.ts';

export const MaterialView = z.object({
  code: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  unit: z.enum(materialUnits),
  defaultUnitCostUsd: z.number(),
});
export const MaterialsView = z.object({ items: z.array(MaterialView), currency: z.literal('USD') });

export const BoqLineInput = z.object({
  itemCode: z.string().min(1).max(40),
  quantity: z.number().positive().max(MAX_QUANTITY),
  unitCostUsd: z.number().min(0).max(MAX_UNIT_COST_USD).optional().describe('default: the catalogue cost of the item'),
});

export const FieldAssessmentInput = z.object({
  id: Uuid.describe("made by the engineer's device when the assessment is saved: sending it again records nothing new"),
  buildingId: Uuid,
  unitId: Uuid.nullish(),
  damageClass: z.enum(fieldDamageClasses),
  habitable: z.boolean(),
  notes: z.string().max(MAX_ASSESSMENT_NOTES).nullish(),
  assessedOn: Day,
  lines: z.array(BoqLineInput).max(MAX_BOQ_LINES).describe('the bill of quantities (may be empty: a minor damage with nothing to repair)'),
});

const BoqLineView = z.object({
  lineNo: z.number(),
  itemCode: z.string(),
  quantity: z.number(),
  unitCostUsd: z.number(),
  lineTotalUsd: z.number(),
});
export const FieldPhotoView = z.object({
  id: z.string(),
  mediaType: z.enum(photoTypes),
  byteSize: z.number(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  takenAt: z.string(),
});
export const FieldAssessmentView = z.object({
  id: z.string(),
  buildingId: z.string(),
  unitId: z.string().nullable(),
  damageClass: z.enum(fieldDamageClasses),
  habitable: z.boolean(),
  notes: z.string().nullable(),
  assessedOn: z.string(),
  lines: z.array(BoqLineView),
  totalUsd: z.number(),
  assessor: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  photos: z.array(FieldPhotoView),
});

export const BuildingAssessmentsView = z.object({
  buildingId: z.string(),
  field: z.array(FieldAssessmentView),
  remote: z.array(
    z.object({
      id: z.string(),
      damageClass: z.enum(damageClasses),
      imageryDate: z.string(),
      distanceM: z.number(),
      structureRef: z.string().nullable(),
    }),
  ),
});

/** A decimal degree in a query string. */
const Degrees = z
  .string()
  .regex(/^-?\d{1,3}(\.\d{1,10})?$/, 'wrong_form' satisfies FieldReason)
  .transform(Number);

export const PhotoQuery = z.object({
  photoId: Uuid.describe("the device's id of this photo: sending it again stores nothing new"),
  takenAt: z.iso.datetime({ offset: true }).describe('when the photo was taken'),
  lon: Degrees.optional(),
  lat: Degrees.optional(),
});
export const PhotoBody = z.instanceof(Buffer).describe('the photo itself: JPEG, PNG or WebP bytes');

export const PackQuery = z.object({ governorate: z.string().min(1).max(20), lon: Degrees.optional(), lat: Degrees.optional() });
export const FieldPackView = z.object({
  governorate: z.string(),
  preparedAt: z.string(),
  materials: z.array(MaterialView),
  buildings: z.array(
    z.object({
      id: z.string(),
      governorate: z.string(),
      use: z.string(),
      floors: z.number().nullable(),
      lon: z.number(),
      lat: z.number(),
      units: z.array(z.object({ id: z.string(), floor: z.number(), unitNumber: z.string() })),
    }),
  ),
});
