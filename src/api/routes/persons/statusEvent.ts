import { checkDay } from '../../../registry/day.ts';
import { recordStatusEvent } from '../../../store/registry/recordStatusEvent.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { StatusEventInput, StatusEventView } from './schema.ts';

export default defineRoute({
  method: 'POST',
  url: '/api/v1/persons/:id/status-events',
  summary:
    'Record that a person was injured, has a disability, died, went missing or was found, with no consequence. Deprecated: report a life event (POST /api/v1/persons/{id}/life-events), which is confirmed and creates tasks',
  deprecated: true,
  tags: ['persons'],
  params: IdParams,
  body: StatusEventInput,
  response: StatusEventView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, write }) => {
    // The date is optional here (unknown), never defaulted to today.
    const date = body.date === undefined ? null : checkDay(body.date);
    const event = { kind: body.kind, date, source: body.source ?? null, note: body.note ?? null };
    return write(async (ctx) => ({ status: 201, body: await recordStatusEvent(ctx, params.id, event) }));
  },
});
