import { createCycle } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { CycleInput, CycleView, IdParam } from './schema.ts';
import { checkDay } from '../../../registry/day.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/programmes/:id/cycles',
  summary: 'Open the next cycle of a programme with a registry cut-off date',
  tags: ['aid'],
  params: IdParam,
  body: CycleInput,
  response: CycleView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    const cutoff = checkDay(body.cutoffDate, 'cutoffDate', { future: true });
    return write(async (ctx) => ({ status: 201, body: await createCycle(ctx, params.id, cutoff) }));
  },
});
