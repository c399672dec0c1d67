import { withdrawLifeEvent } from '../../../store/lifeEvents/withdrawLifeEvent.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { LifeEventView, LifeEventWithdrawal } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/life-events/:id/withdraw',
  summary: 'Withdraw a wrong report with the reason; it stays listed as withdrawn and no longer counts towards a confirmation',
  tags: ['life events'],
  params: IdParams,
  body: LifeEventWithdrawal,
  response: LifeEventView,
  idempotent: true,
  handler: async ({ params, body, write }) => write(async (ctx) => ({ status: 200, body: await withdrawLifeEvent(ctx, params.id, body) })),
});
