// The reconstruction answers as the web app receives them (types only, from the API's schemas).
import type { z } from 'zod';
import type {
  BuildingFileView,
  BuildingList,
  BuildingSummary,
  BuildingView,
  DamageImportFile,
  DamageImportView,
  OccupancyList,
  OccupancyView,
  UnitView,
} from '../../../../src/api/routes/reconstruction/schema.ts';

export type BuildingT = z.infer<typeof BuildingView>;
export type BuildingFileT = z.infer<typeof BuildingFileView>;
export type BuildingListT = z.infer<typeof BuildingList>;
export type BuildingSummaryT = z.infer<typeof BuildingSummary>;
export type UnitT = z.infer<typeof UnitView>;
export type OccupancyT = z.infer<typeof OccupancyView>;
export type OccupancyListT = z.infer<typeof OccupancyList>;
export type DamageImportT = z.infer<typeof DamageImportView>;
export type DamageImportFileT = z.infer<typeof DamageImportFile>;
