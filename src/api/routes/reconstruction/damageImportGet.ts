import { damageQuarantine, readDamageImport } from '../../../store/reconstruction/damageImports.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DamageImportFile } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/damage-imports/:id',
  summary: 'A damage import: its counts and its quarantined rows with their reasons (the first 500)',
  tags: ['reconstruction'],
  params: IdParams,
  response: DamageImportFile,
  handler: async ({ params, actor, store }) => ({
    ...(await readDamageImport(store.pool, actor, params.id)),
    quarantine: await damageQuarantine(store.pool, actor, params.id),
  }),
});
