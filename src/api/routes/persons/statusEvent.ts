import { z } from 'zod';
import { errors } from '../../../errors.ts';
import { getPerson } from '../../../store/registry/findPerson.ts';
import { write } from '../../../store/write.ts';
import { defineRoute } from '../../route.ts';
import { PersonId, StatusEventInput } from './schema.ts';

const StatusEventView = z.object({
  id: z.string(),
  kind: z.string(),
  date: z.string().nullable(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
});

export default defineRoute({
  method: 'POST',
  url: '/api/v1/persons/:id/status-events',
  summary: 'Record that a person was injured, has a disability, died, went missing or was found',
  tags: ['persons'],
  params: PersonId,
  body: StatusEventInput,
  response: StatusEventView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body, actor, store, operationId }) => {
    if (body.date !== undefined && (Number.isNaN(Date.parse(body.date)) || body.date > new Date().toISOString().slice(0, 10))) {
      throw errors.validation([{ field: 'date', reason: 'must be a real date, not in the future' }]);
    }
    return write(
      store.pool,
      actor,
      { operationId, route: `POST /api/v1/persons/${params.id}/status-events`, request: body },
      async (ctx) => {
        const p = await getPerson(ctx.client, actor, params.id, { forUpdate: true });
        const r = await ctx.client.query<{ id: string; recorded_at: Date }>(
          'INSERT INTO person_status_event (person_id, kind, event_date, source, note) VALUES ($1,$2,$3,$4,$5) RETURNING id, recorded_at',
          [p.id, body.kind, body.date ?? null, body.source ?? null, body.note ?? null],
        );
        const row = r.rows[0]!;
        const view = {
          id: row.id,
          kind: body.kind,
          date: body.date ?? null,
          source: body.source ?? null,
          note: body.note ?? null,
          recordedAt: row.recorded_at.toISOString(),
        };
        await ctx.log({ entity: 'person_status', entityId: p.id, action: body.kind, after: view });
        return { status: 201, body: view };
      },
    );
  },
});
