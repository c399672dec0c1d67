import { checkDetail } from '../../../lifeEvents/detail.ts';
import { checkDay } from '../../../registry/day.ts';
import { recordLifeEvent } from '../../../store/lifeEvents/recordLifeEvent.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { LifeEventInput, LifeEventView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/persons/:id/life-events',
  summary:
    'Report a life event of a person (death, injury, disability, missing, found, orphaned, separated, lost home or livelihood, recovered) with its source. ' +
    'It is confirmed by a second independent source or an official record; a confirmed event opens the tasks that follow from it',
  tags: ['life events'],
  params: IdParams,
  body: LifeEventInput,
  response: LifeEventView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    const event = {
      kind: body.kind,
      date: body.date === undefined ? null : checkDay(body.date),
      source: body.source,
      confidence: body.confidence,
      detail: checkDetail(body.kind, body.detail),
      note: body.note ?? null,
    };
    return write(async (ctx) => ({ status: 201, body: await recordLifeEvent(ctx, params.id, event) }));
  },
});
