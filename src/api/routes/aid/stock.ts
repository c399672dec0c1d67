import { recordMovement } from '../../../store/aid/recordMovement.ts';
import { defineRoute } from '../../route.ts';
import { StockInput, MovementView } from './schema.ts';
import { checkDay } from '../../../registry/day.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/stock',
  summary: 'Record a stock movement: receipt into a warehouse, dispatch to a point for a cycle, return, loss or damage',
  tags: ['aid'],
  body: StockInput,
  response: MovementView,
  status: 201,
  idempotent: true,
  handler: async ({ body, created }) => {
    const date = checkDay(body.date, 'date', { future: true });
    return created((ctx) => recordMovement(ctx, { ...body, date }));
  },
});
