import { listItems } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { ItemList } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/items',
  summary: "Your organisation's aid items",
  tags: ['aid'],
  response: ItemList,
  handler: async ({ actor, store }) => ({ items: await listItems(store.pool, actor) }),
});
