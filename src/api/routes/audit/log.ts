import { z } from 'zod';
import { defineRoute } from '../../route.ts';

const Entry = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  deviceId: z.string().nullable(),
  operationId: z.string().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
});

export default defineRoute({
  method: 'GET',
  url: '/api/v1/audit/log',
  summary: "Your organisation's change log, newest first (who did what to which record, when; contents via the record's history)",
  tags: ['audit'],
  query: z.object({ before: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
  response: z.object({ items: z.array(Entry), nextBefore: z.number().nullable() }),
  handler: async ({ query, actor, store }) => {
    const r = await store.pool.query<{
      seq: number;
      at: Date;
      actor_id: string | null;
      device_id: string | null;
      operation_id: string | null;
      entity: string;
      entity_id: string | null;
      action: string;
    }>(
      `SELECT seq, at, actor_id, device_id, operation_id, entity, entity_id, action FROM change_log
        WHERE org_id = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3`,
      [actor.orgId, query.before ?? null, query.limit],
    );
    const items = r.rows.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      actorId: e.actor_id,
      deviceId: e.device_id,
      operationId: e.operation_id,
      entity: e.entity,
      entityId: e.entity_id,
      action: e.action,
    }));
    return { items, nextBefore: items.length === query.limit ? items.at(-1)!.seq : null };
  },
});
