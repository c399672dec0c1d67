import { checkDay } from '../../../registry/day.ts';
import { shareCase } from '../../../store/cases/actOnCase.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { CaseView, ShareInput } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/cases/:id/share',
  summary: 'Share the case (read only) with one user of your organisation, until a date, as the consent allows',
  tags: ['cases'],
  params: IdParams,
  body: ShareInput,
  response: CaseView,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    const until = body.until === undefined ? null : checkDay(body.until, 'until', { future: true });
    return write(async (ctx) => ({ status: 200, body: await shareCase(ctx, params.id, { userId: body.userId, until }) }));
  },
});
