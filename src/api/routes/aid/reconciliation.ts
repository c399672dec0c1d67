import { z } from 'zod';
import { reconciliation } from '../../../store/aid/reconciliation.ts';
import { defineRoute } from '../../route.ts';
import { IdParam } from './schema.ts';

const Row = {
  item: z.string(),
  unit: z.string(),
  entitled: z.number(),
  entitledHouseholds: z.number(),
  distributed: z.number(),
  standing: z.number(),
  conflicts: z.number(),
  redeemedHouseholds: z.number(),
  outstanding: z.number(),
  dispatched: z.number(),
  returned: z.number(),
  lost: z.number(),
  remaining: z.number(),
};
export default defineRoute({
  method: 'GET',
  url: '/api/v1/aid/cycles/:id/reconciliation',
  summary: 'Per point and item: entitled vs distributed vs dispatched vs lost vs remaining',
  tags: ['aid'],
  params: IdParam,
  response: z.object({
    cycleId: z.string(),
    points: z.array(z.object({ pointId: z.string().nullable(), balanced: z.boolean(), flags: z.array(z.string()), ...Row })),
    totals: z.array(z.object(Row)),
  }),
  handler: async ({ params, actor, store }) => reconciliation(store.pool, actor, params.id),
});
