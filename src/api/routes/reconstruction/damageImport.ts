import { createHash } from 'node:crypto';
import { damageRecords } from '../../../reconstruction/damageFile.io.ts';
import { importDamage } from '../../../store/reconstruction/importDamage.ts';
import { defineRoute } from '../../route.ts';
import { DamageImportInput, DamageImportView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/damage-imports',
  summary:
    'Import remote damage assessments (CSV or GeoJSON, columns through a mapping): each row matched to the nearest building within the tolerance, else a new building; unreadable, outside or ambiguous rows quarantined',
  tags: ['reconstruction'],
  body: DamageImportInput,
  response: DamageImportView,
  status: 201,
  handler: async ({ body, actor, store }) => {
    const mapping = body.mapping ?? {};
    const summary = await importDamage(store.pool, actor, {
      fileName: body.fileName,
      sha256: createHash('sha256').update(body.content).digest('hex'),
      format: body.format,
      mapping,
      records: damageRecords(body.content, body.format, mapping),
      today: new Date().toISOString().slice(0, 10),
    });
    // the same file again changes nothing: 200 with the first import's counts
    return { status: summary.alreadyImported ? 200 : 201, body: summary, replayed: false };
  },
});
