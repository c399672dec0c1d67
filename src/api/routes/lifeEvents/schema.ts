import { z } from 'zod';
import { textLimits as L } from '../../../shared/limits.ts';
import {
  confidences,
  injurySeverities,
  lifeEventKinds,
  lifeEventSources,
  lifeEventStates,
  taskKinds,
  taskStates,
  wgDomains,
  wgLevels,
} from '../../../shared/lifeEvents.ts';
import { vulnerabilityKinds } from '../../../shared/vocabulary.ts';
import { deathListHeldReasons } from '../../../shared/deathList.ts';
import { Day, Uuid } from '../../schemas.ts';

const Reason = z.string().trim().min(1).max(L.reason);

export const LifeEventDetail = z
  .object({
    severity: z.enum(injurySeverities).optional(),
    lifeChanging: z.boolean().optional(),
    amputation: z.boolean().optional(),
    washingtonGroup: z.partialRecord(z.enum(wgDomains), z.enum(wgLevels)).optional(),
  })
  .strict()
  .describe('injury: severity, lifeChanging, amputation; disability: the Washington Group short set');

const Fields = {
  date: Day.optional().describe('when it happened, if known (never defaulted to today)'),
  source: z.enum(lifeEventSources).describe('where the information comes from; official_record confirms on its own'),
  confidence: z.enum(confidences).default('medium'),
  detail: LifeEventDetail.default({}),
  note: z.string().trim().max(1000).optional(),
};

export const LifeEventInput = z.object({ kind: z.enum(lifeEventKinds), ...Fields }).strict();
export const LifeEventCorrection = z
  .object({ ...Fields, version: z.number().int().min(1), reason: Reason.describe('why the report is corrected; kept in the change log') })
  .strict();
export const LifeEventWithdrawal = z.object({ version: z.number().int().min(1), reason: Reason }).strict();

export const LifeEventView = z.object({
  id: z.string(),
  personId: z.string(),
  kind: z.enum(lifeEventKinds),
  date: z.string().nullable(),
  source: z.enum(lifeEventSources),
  confidence: z.enum(confidences),
  detail: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  version: z.number(),
  state: z.enum(lifeEventStates).describe('reported (one source), confirmed (two independent sources or an official record), withdrawn'),
  withdrawnReason: z.string().nullable(),
});
export const LifeEventList = z.object({ items: z.array(LifeEventView) });

export const TaskView = z.object({
  id: z.string(),
  kind: z.enum(taskKinds),
  status: z.enum(taskStates),
  dueAt: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  householdId: z.string(),
  householdRecordId: z.string().nullable(),
  lifeEventId: z.string(),
  person: z.object({ id: z.string(), fullName: z.string(), fullNameEn: z.string().nullable() }),
  proposedHead: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  vulnerability: z.enum(vulnerabilityKinds).nullable().describe('the vulnerability a record_vulnerability task proposes'),
});
export const TaskList = z.object({ items: z.array(TaskView) });
export const NewHeadInput = z.object({ personId: Uuid, date: Day.optional() }).strict();
export const VulnerabilityTaskInput = z.object({ date: Day.optional() }).strict();
export const DismissInput = z.object({ reason: Reason }).strict();

// A health ministry's death list: the upload and the summary of what it did.
export const DeathListUpload = z
  .object({
    fileName: z.string().trim().min(1).max(200).describe('the file name, for the import record'),
    content: z
      .string()
      .min(1)
      .describe(
        'the CSV text (UTF-8), header first: national_id,given_name,father_name,grandfather_name,family_name,date_of_death,list_reference',
      ),
  })
  .strict();

const HeldReason = z.enum(deathListHeldReasons);
export const DeathListSummaryView = z.object({
  importId: z.string(),
  rows: z.number(),
  applied: z.number().describe('death reports added (confirmed: tasks and child-protection cases opened)'),
  alreadyKnown: z.number().describe('a ministry list brought these deaths before: nothing added'),
  held: z.number(),
  heldBy: z.record(HeldReason, z.number()),
  heldRows: z
    .array(z.object({ rowNumber: z.number(), reason: HeldReason }))
    .describe('row numbers (the header is row 1) and reasons; no values'),
  seconds: z.number(),
});
