import { planView } from '../../../../store/reconstruction/tranches/planRow.ts';
import { releaseTranche } from '../../../../store/reconstruction/tranches/releaseTranche.ts';
import { defineRoute } from '../../../route.ts';
import { PlanView, TrancheParams } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/cases/:id/tranches/:trancheId/release',
  summary:
    "Releases a tranche and records its payment once: only after an engineer's inspection with photos records its stage, by someone other than that engineer, and after the earlier tranches",
  tags: ['reconstruction'],
  params: TrancheParams,
  response: PlanView,
  idempotent: true,
  handler: async ({ params, write }) =>
    write(async (ctx) => {
      await releaseTranche(ctx, params.id, params.trancheId);
      return { status: 200, body: await planView(ctx.client, ctx.actor, params.id, new Date().toISOString().slice(0, 10)) };
    }),
});
