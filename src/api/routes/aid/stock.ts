import { z } from 'zod';
import { recordMovement } from '../../../store/aid/stock.ts';
import { write } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { StockInput } from './schema.ts';
import { checkDay } from '../../../registry/day.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/stock',
  summary: 'Record a stock movement: receipt into a warehouse, dispatch to a point for a cycle, return, loss or damage',
  tags: ['aid'],
  body: StockInput,
  response: z.object({ id: z.string() }),
  status: 201,
  idempotent: true,
  handler: async ({ body, actor, store, operationId }) => {
    const date = checkDay(body.date, 'date', { future: true });
    return write(store.pool, actor, { operationId, route: 'POST /api/v1/aid/stock', request: body }, async (ctx) => ({
      status: 201,
      body: await recordMovement(ctx, { ...body, date }),
    }));
  },
});
