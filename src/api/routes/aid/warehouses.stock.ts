import { z } from 'zod';
import { warehouseBalance } from '../../../store/aid/warehouseBalance.ts';
import { defineRoute } from '../../route.ts';
import { IdParam } from './schema.ts';

export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/warehouses/:id/stock',
  summary: 'What a warehouse holds per item: received, dispatched, returned, lost, on hand',
  tags: ['aid'],
  params: IdParam,
  response: z.object({
    warehouseId: z.string(),
    items: z.array(
      z.object({
        item: z.string(),
        unit: z.string(),
        received: z.number(),
        dispatched: z.number(),
        returned: z.number(),
        lost: z.number(),
        onHand: z.number(),
      }),
    ),
  }),
  handler: async ({ params, actor, store }) => warehouseBalance(store.pool, actor, params.id),
});
