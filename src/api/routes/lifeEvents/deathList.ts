import { createHash } from 'node:crypto';
import { errors } from '../../../errors.ts';
import { ImportSetupError } from '../../../importer/columns.ts';
import { parseCsvChunk } from '../../../importer/read.ts';
import { DEATH_LIST_UPLOAD_ROWS } from '../../../shared/deathList.ts';
import { importDeathList } from '../../../store/lifeEvents/importDeathList.ts';
import { defineRoute } from '../../route.ts';
import { DeathListSummaryView, DeathListUpload } from './schema.ts';

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
