import { generateCycle } from '../../../store/aid/generate.ts';
import { defineRoute } from '../../route.ts';
import { IdParam, GenerateView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/aid/cycles/:id/generate',
  summary: "Generate the cycle's entitlement list from the registry as it stood on the cut-off date (set-based)",
  tags: ['aid'],
  params: IdParam,
  response: GenerateView,
  handler: async ({ params, write }) =>
    write(async (ctx) => ({
      status: 200,
      body: await generateCycle(ctx, params.id),
    })),
});
