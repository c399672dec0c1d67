import { checkDetail } from '../../../lifeEvents/detail.ts';
import { checkDay } from '../../../registry/day.ts';
import { correctLifeEvent } from '../../../store/lifeEvents/correctLifeEvent.ts';
import { getLifeEvent } from '../../../store/lifeEvents/findLifeEvent.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { LifeEventCorrection, LifeEventView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/life-events/:id/correct',
  summary: 'Correct a report (date, source, confidence, detail, note) with the reason; what it said before stays in the change log',
  tags: ['life events'],
  params: IdParams,
  body: LifeEventCorrection,
  response: LifeEventView,
  idempotent: true,
  handler: async ({ params, body, write }) =>
    write(async (ctx) => {
      const { kind } = await getLifeEvent(ctx.client, ctx.actor, params.id);
      const c = {
        ...body,
        date: body.date === undefined ? null : checkDay(body.date),
        detail: checkDetail(kind, body.detail),
        note: body.note ?? null,
      };
      return { status: 200, body: await correctLifeEvent(ctx, params.id, c) };
    }),
});
