import { z } from 'zod';
import { listItems } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { ItemView } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/items',
  summary: "Your organisation's aid items",
  tags: ['aid'],
  response: z.object({ items: z.array(ItemView) }),
  handler: async ({ actor, store }) => ({ items: await listItems(store.pool, actor) }),
});
