import { listDamageImports } from '../../../store/reconstruction/damageImports.ts';
import { defineRoute } from '../../route.ts';
import { DamageImportList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/reconstruction/damage-imports',
  summary: "The organisation's latest damage imports with their counts",
  tags: ['reconstruction'],
  response: DamageImportList,
  handler: async ({ actor, store }) => ({ items: await listDamageImports(store.pool, actor) }),
});
