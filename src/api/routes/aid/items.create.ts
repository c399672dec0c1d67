import { createItem } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { ItemInput, ItemView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/items',
  summary: 'Add an aid item (food parcel, water, hygiene kit, tarpaulin, cash) with its unit',
  tags: ['aid'],
  body: ItemInput,
  response: ItemView,
  status: 201,
  idempotent: true,
  handler: async ({ body, created }) => created((ctx) => createItem(ctx, body)),
});
