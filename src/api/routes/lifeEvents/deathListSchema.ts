// The upload of a health ministry's death list and the summary of what it did (the web app imports these types).
import { z } from 'zod';
import { deathListHeldReasons } from '../../../shared/deathList.ts';

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

const Reason = z.enum(deathListHeldReasons);
export const DeathListSummaryView = z.object({
  importId: z.string(),
  rows: z.number(),
  applied: z.number().describe('death reports added (confirmed: tasks and child-protection cases opened)'),
  alreadyKnown: z.number().describe('a ministry list brought these deaths before: nothing added'),
  held: z.number(),
  heldBy: z.record(Reason, z.number()),
  heldRows: z
    .array(z.object({ rowNumber: z.number(), reason: Reason }))
    .describe('row numbers (the header is row 1) and reasons; no values'),
  seconds: z.number(),
});
