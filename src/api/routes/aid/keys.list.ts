import { listKeys } from '../../../store/aid/cards.ts';
import { defineRoute } from '../../route.ts';
import { KeyList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/keys',
  summary: 'Card signing keys (public halves): retired keys no longer verify',
  tags: ['aid'],
  response: KeyList,
  handler: async ({ store, actor }) => ({ keys: await listKeys(store.pool, actor) }),
});
