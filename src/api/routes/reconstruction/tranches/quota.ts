import { planView } from '../../../../store/reconstruction/tranches/planRow.ts';
import { setQuota } from '../../../../store/reconstruction/tranches/setQuota.ts';
import { defineRoute } from '../../../route.ts';
import { IdParams } from '../../../schemas.ts';
import { PlanView, QuotaInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/reconstruction/cases/:id/quota',
  summary: "Sets a case's materials quota from its bill-of-quantities lines; a line is never set below what was sold",
  tags: ['reconstruction'],
  params: IdParams,
  body: QuotaInput,
  response: PlanView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => {
      await setQuota(ctx, params.id, body.lines);
      return { status: 200, body: await planView(ctx.client, ctx.actor, params.id, new Date().toISOString().slice(0, 10)) };
    }),
});
