import { closeCycle } from '../../../store/aid/catalogue.ts';
import { defineRoute } from '../../route.ts';
import { CycleView, IdParam } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/cycles/:id/close',
  summary: 'Close a cycle: online redemptions are refused; offline ones still sync',
  tags: ['aid'],
  params: IdParam,
  response: CycleView,
  idempotent: true,
  handler: async ({ params, write }) =>
    write(async (ctx) => ({
      status: 200,
      body: await closeCycle(ctx, params.id),
    })),
});
