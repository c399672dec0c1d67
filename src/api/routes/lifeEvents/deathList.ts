import { createHash } from 'node:crypto';
import { z } from 'zod';
import { errors } from '../../../errors.ts';
import { ImportSetupError } from '../../../importer/columns.ts';
import { parseCsvChunk } from '../../../importer/read.ts';
import { DEATH_LIST_UPLOAD_ROWS, deathListHeldReasons } from '../../../shared/deathList.ts';
import { importDeathList } from '../../../store/lifeEvents/importDeathList.ts';
import { defineRoute } from '../../route.ts';

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

/** The file's records (header first), or the problem that refuses it as a whole. */
function records(content: string): string[][] {
  try {
    const r = parseCsvChunk(content, ',', true).records;
    if (r.length === 0) throw errors.deathListUnreadable('The file is empty: it needs a header row.');
    if (r.length - 1 > DEATH_LIST_UPLOAD_ROWS)
      throw errors.deathListUnreadable(`At most ${DEATH_LIST_UPLOAD_ROWS} rows in one upload: split the list, or use the command line.`);
    return r;
  } catch (e) {
    if (e instanceof ImportSetupError) throw errors.deathListUnreadable(e.message);
    throw e;
  }
}

export default defineRoute({
  method: 'POST',
  url: '/api/v1/life-events/death-lists',
  summary:
    "Apply a health ministry's death list (CSV): rows matched by national ID and name become confirmed death reports, whose rules open " +
    'new-head tasks and child-protection cases; other rows are held with a reason. The same list again adds nothing',
  tags: ['life events'],
  body: DeathListUpload,
  response: DeathListSummaryView,
  handler: async ({ body, actor, store }) => {
    const [header, ...rows] = records(body.content);
    return importDeathList(store.pool, actor, {
      fileName: body.fileName,
      sha256: createHash('sha256').update(body.content).digest('hex'),
      header: header!,
      chunks: [rows],
    });
  },
});
